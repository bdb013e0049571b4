// The shape of a rule, in the spirit of ESLint's rule modules: declarative metadata (id,
// severities per profile, citation, zh/en texts, fix hint, message templates) and a `check`
// that reports findings by JSON pointer. Rules never see files or positions: the engine turns
// a pointer into file:line:column, and a message id + data into the user's language.
import type { Evidence, MessageData, Profile, Severity, Text } from "../types.js";
import type { LinkedDocument } from "../load/linked.js";
import type { PolicyRef } from "../policy/documents.js";
import type { Charter, Roster } from "../model/proposal.js";
import type { Comment } from "../load/document.js";

export type DocRole = "charter" | "members";

export type Condition =
  | "files"
  | "composition"
  | "agreement"
  | "governance"
  | "funding"
  | "ip"
  | "openness"
  | "alliance"
  | "suppression";

export interface Rule {
  id: string;
  condition: Condition;
  /** Severity in each profile where the rule is active; absent = not active there. */
  severity: Partial<Record<Profile, Severity>>;
  /** The policy clause behind the rule; absent for tool rules (file/*, schema/*, ref/*, suppression/*). */
  citation?: PolicyRef;
  /** Further clauses that say the same (HLJ 第6条 repeats N 第八条). */
  alsoCites?: PolicyRef[];
  title: Text;
  description: Text;
  fix: Text;
  /** Message templates; `{name}` placeholders are filled from the report's data. */
  messages: Record<string, Text>;
  /**
   * JSON pointers (with `*` for any one segment) whose schema violations this rule reports
   * itself: when it fires there, no second `schema/invalid` finding is made.
   */
  covers?: string[];
  /**
   * Options a profile may set (profiles.md "Rules with options"): their JSON Schema (validated when
   * a profile is read, so a wrong option is an exit-2 error at its file:line:column), the values
   * used when a profile sets none, and what is accepted, in words, for that error.
   */
  options?: { schema: Record<string, unknown>; defaults: Record<string, unknown>; accepts: Text };
  /** Findings made by the engine itself (files, schema, suppressions) have no check. */
  check?(ctx: RuleContext): void;
}

export interface Report {
  messageId: string;
  /** Values for the template's placeholders; a Text value is shown in the report's language. */
  data?: MessageData;
  doc?: DocRole; // default: charter
  pointer: string;
  at?: "value" | "key";
  /** Overrides the rule's severity for this finding (agreement/signatory-not-legal-rep's warning case). */
  severity?: Severity;
  /** The document's words a finding rests on (documents.md §2): file, locator, ≤ 40-character excerpt. */
  evidence?: Evidence;
  /** The clause this finding cites instead of the rule's (evidence/clause-not-found: its topic's condition). */
  citation?: PolicyRef;
}

export interface RuleContext {
  charter: Charter;
  roster: Roster;
  asOf: string;
  /** The built-in profile at the root of the profile in force (national or heilongjiang). */
  profile: Profile;
  /** This rule's options in the profile in force, over its defaults. */
  options: Record<string, unknown>;
  /** The agreement documents the charter links, read-only (absent when it links none). */
  documents?: readonly LinkedDocument[];
  /** The charter's comments (YAML), for rules about the file as written (init/template-unchanged). */
  charterComments?: readonly Comment[];
  report(r: Report): void;
}

/**
 * A finding before it has a position and a language: the rule's message id and its data. Tool
 * findings whose words the engine makes (schema errors, loader errors) use the message id
 * `detail` with `data.detail` holding both languages.
 */
export interface RawFinding {
  ruleId: string;
  doc: DocRole;
  pointer: string;
  at?: "value" | "key";
  messageId: string;
  data?: MessageData;
  severity?: Severity;
  evidence?: Evidence;
  citation?: PolicyRef;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
