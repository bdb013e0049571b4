// Profiles (../shared/spec/profiles.md): a profile says, for every rule, its severity, its options
// and, optionally, the clause it cites. The built-in `national` and `heilongjiang` profiles are
// objects of this form derived from each rule's own severity map (builtin.ts); a user's profile
// file extends one of them or another file. What the engine receives is the flattened result,
// an EffectiveProfile: plain data, so that it crosses to worker threads unchanged.
import type { Citation, ProfileFileRef, Severity, Text } from "../types.js";

export type Level = Severity | "off";

/** The built-in profiles whose semantics a rule may depend on (A10: renewal under national only). */
export type BaseProfile = "national" | "heilongjiang";

/** A rule's setting in a profile after the chain is followed. */
export interface RuleSetting {
  level: Level;
  /** The rule's options (validated against the rule's options schema), merged over its defaults. */
  options?: Record<string, unknown>;
  /** The clause this profile has the rule cite first (profiles.md `cite`, fidelity.md C2). */
  cite?: Citation;
  /**
   * Clauses a lower layer had the rule cite first and a later layer's `cite` replaced, the most
   * recent first: each was the primary citation, so it moves to the front of `alsoCites`.
   */
  replacedCites?: Citation[];
  /**
   * Set by a user's file (profile or config) or the API rather than derived from a built-in: a
   * configured severity then wins over a finding's own (an agent's signature is a warning).
   */
  explicit?: boolean;
}

export interface EffectiveProfile {
  /** How reports name it: a built-in's name, or the file and its name. */
  id: string | ProfileFileRef;
  /** The built-in profile at the root of the `extends` chain. */
  base: BaseProfile;
  rules: Record<string, RuleSetting>;
}

/** A source a profile cites (profiles.md `sources`). */
export interface ProfileSource {
  title: string;
  url?: string;
}

/** One profile definition as written (a built-in, a profile file, or the config file). */
export interface ProfileLayer {
  /** Absolute path of the file (absent for built-ins). */
  file?: string;
  /** The file as messages show it. */
  display?: string;
  name?: Text;
  /** A built-in name or a file path (relative to the file's folder) this profile extends. */
  extends?: string;
  sources: Record<string, ProfileSource>;
  rules: Record<string, LayerRule>;
}

/** A rule entry of one layer as written. */
export interface LayerRule {
  level: Level;
  options?: Record<string, unknown>;
  cite?: Citation;
  /** Where the entry is written (`shanxi.yaml:7:3`), for errors found once the chain is flattened. */
  at?: string;
}
