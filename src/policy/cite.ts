// Which clause a rule's finding cites in a profile (fidelity.md C1, C2): one definition used by
// the engine (findings), `explain`/`rules` and the formats' rule metadata.
import type { Rule } from "../rules/rule.js";
import type { Citation } from "../types.js";
import { citationOf, type PolicyRef } from "./documents.js";

/**
 * The citation a finding carries in a profile (fidelity.md C1, C2): tool rules none; under
 * `heilongjiang`, a rule whose condition Heilongjiang's article repeats cites that article first
 * and the national clause in `alsoCites`; under `national`, the national clause and no
 * Heilongjiang article.
 */
export function citationsFor(rule: Rule, profile: string): { citation?: Citation; alsoCites: Citation[] } {
  const refs: PolicyRef[] = rule.citation ? [rule.citation, ...(rule.alsoCites ?? [])] : [];
  if (refs.length === 0) return { alsoCites: [] };
  let ordered = refs;
  if (profile === "heilongjiang") {
    const hlj = refs.findIndex((r) => r.doc === "HLJ");
    if (hlj > 0) ordered = [refs[hlj], ...refs.filter((_, i) => i !== hlj)];
  } else if (rule.citation?.doc !== "HLJ") {
    ordered = refs.filter((r) => r.doc !== "HLJ");
  }
  const [first, ...rest] = ordered.map(citationOf);
  return { citation: first, alsoCites: rest };
}
