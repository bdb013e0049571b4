// The rule catalogue, as the registry holds it (src/registry): the built-in condition modules of
// ../shared/spec/rules.md and fidelity.md, plus whatever a plugin adds. This module is a thin view
// kept for the programmatic API and older imports.
import { registry } from "../registry/index.js";
import type { Severity } from "../types.js";
import type { Rule } from "./rule.js";

export const RULES: readonly Rule[] = registry.rules;

export function getRule(id: string): Rule | undefined {
  return registry.getRule(id);
}

/** Severity overrides from a config file or the API: `off` turns a rule off. */
export type SeverityOverrides = Record<string, Severity | "off">;

export type { Rule } from "./rule.js";
