// The rule catalogue as formats see it (RuleMeta): built from the registry for the profile in force
// and handed to formatters by the caller, so that a format never imports the rule list (issue #9).
import { citationsFor } from "../policy/cite.js";
import { citationLabel, clauseText, DOCUMENTS, type PolicyRef } from "../policy/documents.js";
import type { RulesMeta, Text } from "../types.js";
import { registry } from "./index.js";
import { levelOf, resolveProfile } from "../profile/resolve.js";
import type { EffectiveProfile } from "../profile/types.js";
import { RULES } from "../rules/index.js";

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

/** The name people read for a profile: a built-in's from the registry, a file's its own. */
export function profileName(profile: EffectiveProfile): Text {
  if (typeof profile.id !== "string") return profile.id.name;
  return registry.profiles.get(profile.id)?.name ?? { zh: profile.id, en: profile.id };
}
