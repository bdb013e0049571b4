// Findings without their text, and back: the cache stores what a proposal's findings are made of
// (messageId + data, positions, locators, citations, evidence), not the words, so that a run in
// another --lang is served from the same entry, its messages made again by messageText().
import { messageText } from "../engine/finding.js";
import { getRule } from "../rules/index.js";
import type { Finding, Lang } from "../types.js";

export type NeutralFinding = Omit<Finding, "message">;

export function neutral(f: Finding): NeutralFinding {
  const { message: _text, ...rest } = f;
  return rest;
}

/** The finding in `lang`, its keys in the order makeFinding writes them (the JSON is byte-identical). */
export function rendered(f: NeutralFinding, lang: Lang): Finding {
  const { ruleId, severity, ...rest } = f;
  return { ruleId, severity, message: messageText(getRule(ruleId), f.messageId, f.data, lang), ...rest };
}
