// The public shapes of alliance-audit: what `audit()` returns and what the JSON format prints
// (../shared/spec/cli.md, "JSON report, version 1"). Key order here is the key order in the
// JSON output, so keep it as the spec shows it.

export type Severity = "error" | "warning" | "info";
export type Profile = "national" | "heilongjiang";
export type Lang = "zh" | "en";
export type FailOn = Severity | "never";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
export const PROFILES: readonly Profile[] = ["national", "heilongjiang"];
export const LANGS: readonly Lang[] = ["zh", "en"];
export const FAIL_ON: readonly FailOn[] = ["error", "warning", "info", "never"];

/** A text in both languages. Every user-visible string of a rule is one of these. */
export interface Text {
  zh: string;
  en: string;
}

export interface Citation {
  document: string;
  article: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  pointer: string;
  citation: Citation;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export interface ProposalReport {
  path: string;
  name: string | null;
  status: "pass" | "fail";
  counts: Counts;
  /** Findings silenced by an inline suppression or a baseline (never dropped silently). */
  suppressed?: number;
  findings: Finding[];
}

export interface Summary {
  proposals: number;
  passed: number;
  failed: number;
  error: number;
  warning: number;
  info: number;
  suppressed?: number;
}

export interface Report {
  version: 1;
  tool: { name: "alliance-audit"; version: string };
  profile: Profile;
  asOf: string;
  proposals: ProposalReport[];
  summary: Summary;
}
