// The rule catalogue of ../shared/spec/rules.md, condition by condition.
import type { Profile, Severity } from "../types.js";
import { agreementRules } from "./agreement.js";
import { allianceRules } from "./alliance.js";
import { composition } from "./composition.js";
import { engineRules } from "./engine-rules.js";
import { funding } from "./funding.js";
import { governance } from "./governance.js";
import { initRules } from "./init.js";
import { ip } from "./ip.js";
import { openness } from "./openness.js";
import { refRules } from "./refs.js";
import type { Rule } from "./rule.js";

export const RULES: readonly Rule[] = [
  ...engineRules,
  ...refRules,
  ...composition,
  ...agreementRules,
  ...governance,
  ...funding,
  ...ip,
  ...openness,
  ...allianceRules,
  ...initRules,
];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}

/** Severity overrides from a config file: `off` turns a rule off. */
export type SeverityOverrides = Record<string, Severity | "off">;

/** The rule's severity in a profile after overrides, or undefined when it is not active. */
export function effectiveSeverity(rule: Rule, profile: Profile, overrides: SeverityOverrides = {}): Severity | undefined {
  const base = rule.severity[profile];
  if (base === undefined) return undefined; // not part of this profile: a config cannot add it
  const o = overrides[rule.id];
  if (o === "off") return undefined;
  return o ?? base;
}

export type { Rule } from "./rule.js";
