// The settings one audit runs under, resolved once (audit.ts) and shared by every proposal and
// worker. Kept in its own module so that the engine, the formats and the baseline can all read
// it without importing each other.
import type { FailOn, Lang, Profile } from "../types.js";
import type { SeverityOverrides } from "../rules/index.js";

export interface Settings {
  profile: Profile;
  asOf: string;
  lang: Lang;
  failOn: FailOn;
  quiet: boolean;
  overrides: SeverityOverrides;
  /** The folder report paths are relative to. */
  cwd: string;
}
