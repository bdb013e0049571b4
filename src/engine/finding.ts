// The one place where a finding is made (rule findings, schema and loader errors, file/* and
// suppression/* findings alike): the configured severity applied, the message id and data kept,
// the text written in the report's language, the citation chosen for the profile. Nothing else
// builds a Finding, so an override or a citation rule cannot be missed by one kind of finding.
import { interpolate } from "../i18n.js";
import { citationsFor } from "../policy/cite.js";
import { getRule } from "../rules/index.js";
import type { Rule } from "../rules/rule.js";
import type { PolicyRef } from "../policy/documents.js";
import type { Finding, MessageData, Severity, Text } from "../types.js";
import type { Settings } from "./settings.js";

/** The template of a message id; `detail` carries its whole text in `data.detail`. */
const DETAIL: Text = { zh: "{detail}", en: "{detail}" };

export function messageText(rule: Rule | undefined, messageId: string, data: MessageData | undefined, lang: "zh" | "en"): string {
  const template = rule?.messages[messageId] ?? (messageId === "detail" ? DETAIL : undefined);
  if (!template) throw new Error(`rule ${rule?.id ?? "?"} has no message "${messageId}"`);
  return interpolate(template[lang], data, lang);
}

export interface Place {
  file: string;
  line: number;
  column: number;
  pointer: string;
  locator?: string;
}

export interface FindingInput extends Place {
  ruleId: string;
  messageId: string;
  data?: MessageData;
  /** A finding's own severity (an agent's signature is a warning), used unless the config sets one. */
  severity?: Severity;
  evidence?: Finding["evidence"];
  /** The clause this finding cites instead of its rule's (evidence/clause-not-found). */
  citation?: PolicyRef;
}

/**
 * The finding, or undefined when its rule is off in these settings. A configured severity wins
 * over a finding's own; file/* rules cannot be turned off (the config refuses it), only lowered.
 */
export function makeFinding(input: FindingInput, s: Settings): Finding | undefined {
  const rule = getRule(input.ruleId);
  if (!rule) throw new Error(`unknown rule ${input.ruleId}`);
  const setting = s.profile.rules[rule.id];
  if (!setting || setting.level === "off") return undefined;
  // A level a user set (profile file, config, API) wins; a built-in's yields to the finding's own.
  const severity = setting.explicit ? setting.level : (input.severity ?? setting.level);
  // A finding may name its own clause (evidence/clause-not-found cites its topic's condition).
  const { citation, alsoCites } = citationsFor(input.citation ? { ...rule, citation: input.citation, alsoCites: undefined } : rule, s.profile);
  const f: Finding = {
    ruleId: rule.id,
    severity,
    message: messageText(rule, input.messageId, input.data, s.lang),
    messageId: input.messageId,
    ...(input.data && Object.keys(input.data).length ? { data: input.data } : {}),
    file: input.file,
    line: input.line,
    column: input.column,
    ...(input.locator ? { locator: input.locator } : {}),
    pointer: input.pointer,
    ...(citation ? { citation } : {}),
    ...(alsoCites.length ? { alsoCites } : {}),
    ...(input.evidence ? { evidence: input.evidence } : {}),
  };
  return f;
}
