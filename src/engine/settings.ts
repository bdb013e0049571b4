// The settings one audit runs under, resolved once (audit.ts) and shared by every proposal and
// worker. Plain data (the profile is flattened), so that it crosses to worker threads unchanged.
import type { EffectiveProfile } from "../profile/types.js";
import type { FailOn, Lang } from "../types.js";

export interface Settings {
  /** The profile in force, flattened: every rule's level, options and citation. */
  profile: EffectiveProfile;
  asOf: string;
  lang: Lang;
  failOn: FailOn;
  quiet: boolean;
  /** The folder report paths are relative to. */
  cwd: string;
}
