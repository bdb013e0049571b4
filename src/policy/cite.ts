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
  // What was primary before this `cite` (a lower layer's cite, else the rule's own first clause)
  // moves to the front of alsoCites; a national-rooted profile still cites no Heilongjiang article.
  const before = [...(profile.rules[rule.id]?.replacedCites ?? []), ...own];
  return { citation: cite, alsoCites: before.filter((c, i) => !same(c, cite) && before.findIndex((d) => same(c, d)) === i) };
}
