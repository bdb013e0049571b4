// Many conditions read "the charter states X": a required text that must be present (not empty,
// not a placeholder such as 待定 or TBD). This factory makes such a rule from its clause.
import type { Profile, Severity, Text } from "../types.js";
import type { PolicyRef } from "../policy/documents.js";
import { absence, at, isPresent, show } from "./helpers.js";
import { defineRule, type Condition, type Rule, type RuleContext } from "./rule.js";

export interface TextRuleSpec {
  id: string;
  condition: Condition;
  severity: Partial<Record<Profile, Severity>>;
  citation: PolicyRef;
  alsoCites?: PolicyRef[];
  /** Path of the text in the charter, e.g. ["funding", "management_rules"]. */
  path: string[];
  /** What the text is, in both languages: 经费内部管理办法 / the internal fund management rules. */
  what: Text;
  title: Text;
  description: Text;
  fix: Text;
  /** Only check when this holds (e.g. "the decision body exists"). */
  when?(ctx: RuleContext): boolean;
}

export function textRule(spec: TextRuleSpec): Rule {
  const field = spec.path.join(".");
  const pointer = "/" + spec.path.join("/");
  return defineRule({
    id: spec.id,
    condition: spec.condition,
    severity: spec.severity,
    citation: spec.citation,
    alsoCites: spec.alsoCites,
    title: spec.title,
    description: spec.description,
    fix: spec.fix,
    covers: [pointer],
    messages: {
      missing: { zh: `未写明${spec.what.zh}（${field}）`, en: `${spec.what.en} (${field}) is not stated` },
      placeholder: {
        zh: `${spec.what.zh}（${field}）只是占位符“{value}”，尚未写明`,
        en: `${spec.what.en} (${field}) is only the placeholder "{value}"`,
      },
      wrongType: {
        zh: `${spec.what.zh}（${field}）应为一段文字，实际是 {value}`,
        en: `${spec.what.en} (${field}) must be text, found {value}`,
      },
    },
    check(ctx) {
      if (spec.when && !spec.when(ctx)) return;
      const value = at(ctx.charter, ...spec.path);
      if (isPresent(value)) return;
      ctx.report({ messageId: absence(value), data: { value: show(value) }, pointer });
    },
  });
}
