// The public shapes of alliance-audit: what `audit()` returns and what the JSON format prints
// (../shared/spec/cli.md, "JSON report", revision 2). Key order here is the key order in the
// JSON output, so keep it as the spec shows it. schemas/report.schema.json describes the same
// shapes for readers of the JSON (and `merge` validates its inputs against it).

export type Severity = "error" | "warning" | "info";
export type Profile = "national" | "heilongjiang";
export type Lang = "zh" | "en";
export type FailOn = Severity | "never";
export type Status = "pass" | "fail" | "unaudited";

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

/** Values of a message's placeholders; a Text value is shown in the report's language. */
export type MessageData = Record<string, string | number | Text>;

/** Words of a linked document that a finding rests on (documents.md §2). */
export interface Evidence {
  file: string;
  locator: string;
  excerpt: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The message's id in its rule and the values it was made from: language-neutral. */
  messageId: string;
  data?: MessageData;
  file: string;
  line: number;
  column: number;
  /** The place a person would look in a binary file (`成员名单!D7`, `第十二条 ¶35`). */
  locator?: string;
  pointer: string;
  /** Absent for tool rules (file/*, schema/*, ref/*, suppression/*): they cite no policy. */
  citation?: Citation;
  /** Further clauses behind the finding (N 第八条 under the Heilongjiang profile). */
  alsoCites?: Citation[];
  evidence?: Evidence;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export interface ProposalReport {
  path: string;
  name: string | null;
  status: Status;
  counts: Counts;
  /** Findings silenced by an inline suppression or a baseline (never dropped silently). */
  suppressed?: number;
  findings: Finding[];
}

export interface Summary {
  proposals: number;
  passed: number;
  failed: number;
  /** Proposals whose conditions could not be checked (a file/* finding). */
  unaudited: number;
  error: number;
  warning: number;
  info: number;
  suppressed?: number;
}

/** A profile file in force: its path relative to the cwd and its name (profiles.md). */
export interface ProfileFileRef {
  file: string;
  name: Text;
}

export interface Report {
  version: 2;
  tool: { name: "alliance-audit"; version: string };
  /** A built-in profile's name, or the profile file in force (profiles.md). */
  profile: string | ProfileFileRef;
  /** The config file used, relative to the cwd, or null. */
  config: string | null;
  asOf: string;
  proposals: ProposalReport[];
  summary: Summary;
}

/**
 * What a format knows of a rule: handed to formatters by the caller (the CLI builds it from the
 * rule catalogue for the profile in force), so formats never import the rule list.
 */
export interface RuleMeta {
  id: string;
  condition: string;
  title: Text;
  description: Text;
  fix: Text;
  /** The rule's severity in the report's profile; absent when it is off there. */
  severity?: Severity;
  /** Its citations in the profile as people read them, the primary first; empty for tool rules. */
  citations: Text[];
  /** The cited clauses' words, for reviewers (HTML, SARIF help). */
  clauses: { label: Text; text: string }[];
}

export type RulesMeta = Readonly<Record<string, RuleMeta>>;
