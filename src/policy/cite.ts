// Which clause a rule's finding cites in a profile (fidelity.md C1, C2): one definition used by
// the engine (findings), `explain`/`rules` and the formats' rule metadata.
import type { Rule } from "../rules/rule.js";
import type { EffectiveProfile } from "../profile/types.js";
import type { Citation } from "../types.js";
import { citationOf, type PolicyRef } from "./documents.js";

/**
 * The citation a finding carries under a profile (fidelity.md C1, C2; profiles.md `cite`): tool
 * rules none; a profile's `cite` first, the rule's own clauses after it in `alsoCites`; without one,
 * the rule's own clause, and under a profile rooted in `national` no Heilongjiang article.
 */
export function citationsFor(rule: Rule, profile: EffectiveProfile): { citation?: Citation; alsoCites: Citation[] } {
  const refs: PolicyRef[] = rule.citation ? [rule.citation, ...(rule.alsoCites ?? [])] : [];
  const cite = profile.rules[rule.id]?.cite;
  if (refs.length === 0 && !cite) return { alsoCites: [] };
  const own = (profile.base === "heilongjiang" || rule.citation?.doc === "HLJ" ? refs : refs.filter((r) => r.doc !== "HLJ")).map(citationOf);
  if (!cite) {
    const [first, ...rest] = own;
    return { citation: first, alsoCites: rest };
  }
  const same = (a: Citation, b: Citation) => a.document === b.document && a.article === b.article;
  const all = refs.map(citationOf);
  return { citation: cite, alsoCites: all.filter((c) => !same(c, cite)) };
}
