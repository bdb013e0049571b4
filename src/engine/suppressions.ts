// Inline suppressions in YAML files, as ESLint's eslint-disable-next-line:
//   # alliance-audit-disable-next-line <rule-id>[, <rule-id>…] -- <reason>
// on the line before the value. Suppressed findings are counted, never dropped silently; a
// suppression without a reason, or one that suppresses nothing, is itself a warning.
import type { Finding } from "../types.js";
import type { LoadedDocument } from "../load/document.js";
import { interpolate } from "../i18n.js";
import { citationOf } from "../policy/documents.js";
import { effectiveSeverity, getRule } from "../rules/index.js";
import type { DocRole } from "../rules/rule.js";
import type { Settings } from "./audit-proposal.js";

const DIRECTIVE = /^\s*alliance-audit-disable-next-line(?:\s+(.*))?$/;

interface Directive {
  file: string;
  line: number;
  column: number;
  ruleIds: string[];
  reason: string;
  used: boolean;
}

function directives(doc: LoadedDocument): Directive[] {
  const out: Directive[] = [];
  for (const c of doc.comments) {
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    const [ids, ...reasonParts] = (m[1] ?? "").split(/\s--(?:\s|$)/);
    const pos = doc.positionOf(c.offset);
    out.push({
      file: doc.file,
      line: pos.line,
      column: pos.column,
      ruleIds: ids.split(/[\s,]+/).filter(Boolean),
      reason: reasonParts.join(" -- ").trim(),
      used: false,
    });
  }
  return out;
}

export function applySuppressions(findings: Finding[], docs: Record<DocRole, LoadedDocument>, s: Settings): { kept: Finding[]; suppressed: number } {
  const all = [...directives(docs.charter), ...directives(docs.members)];
  if (all.length === 0) return { kept: findings, suppressed: 0 };
  let suppressed = 0;
  const kept = findings.filter((f) => {
    const d = all.find((x) => x.file === f.file && x.line + 1 === f.line && x.ruleIds.includes(f.ruleId));
    if (!d) return true;
    d.used = true;
    suppressed++;
    return false;
  });
  // A directive's own problems are findings of the suppression/* rules, with their messages.
  const report = (ruleId: string, d: Directive) => {
    const rule = getRule(ruleId)!;
    const severity = effectiveSeverity(rule, s.profile, s.overrides);
    if (!severity) return;
    const rules = d.ruleIds.join(", ") || (s.lang === "zh" ? "未写规则" : "no rule");
    kept.push({
      ruleId,
      severity,
      message: interpolate(rule.messages.default[s.lang], { rules }, s.lang),
      file: d.file,
      line: d.line,
      column: d.column,
      pointer: "",
      citation: citationOf(rule.citation),
    });
  };
  for (const d of all) {
    if (!d.reason) report("suppression/no-reason", d);
    if (!d.used) report("suppression/unused", d);
  }
  return { kept, suppressed };
}
