// The rule catalogue as formats see it (RuleMeta): built here, at the rules' side, and handed to
// formatters by the caller, so that a format never imports the rule list (issue #9's layering).
import { citationsFor } from "../policy/cite.js";
import { citationLabel, clauseText, DOCUMENTS, type PolicyRef } from "../policy/documents.js";
import type { RulesMeta } from "../types.js";
import { levelOf, resolveProfile } from "../profile/resolve.js";
import type { EffectiveProfile } from "../profile/types.js";
import { RULES } from "./index.js";

/** A profile's rule metadata; a built-in profile may be given by name. */
export function rulesMeta(profileOrName: EffectiveProfile | string): RulesMeta {
  const profile = typeof profileOrName === "string" ? resolveProfile({ profile: profileOrName, from: process.cwd(), cwd: process.cwd() }) : profileOrName;
  const out: Record<string, RulesMeta[string]> = {};
  for (const rule of RULES) {
    const { citation, alsoCites } = citationsFor(rule, profile);
    const cites = citation ? [citation, ...alsoCites] : [];
    const refs: PolicyRef[] = rule.citation ? [rule.citation, ...(rule.alsoCites ?? [])] : [];
    const clauses = refs
      .filter((r) => cites.some((c) => c.document === DOCUMENTS[r.doc].name.zh && c.article === r.article.zh))
      .map((r) => ({ label: { zh: `${DOCUMENTS[r.doc].full.zh} ${r.article.zh}`, en: `${DOCUMENTS[r.doc].full.en}, ${r.article.en}` }, text: clauseText(r) }))
      .filter((c): c is { label: { zh: string; en: string }; text: string } => !!c.text);
    const severity = levelOf(profile, rule.id);
    out[rule.id] = {
      id: rule.id,
      condition: rule.condition,
      title: rule.title,
      description: rule.description,
      fix: rule.fix,
      ...(severity ? { severity } : {}),
      citations: cites.map(citationLabel),
      clauses,
    };
  }
  return out;
}
