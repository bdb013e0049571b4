// Inline suppressions in YAML files, as ESLint's eslint-disable-next-line:
//   # alliance-audit-disable-next-line <rule-id>[, <rule-id>…] -- <reason>
// on the line before the value. Suppressed findings are counted, never dropped silently; a
// suppression without a reason, or one that suppresses nothing, is itself a warning.
import type { Finding } from "../types.js";
import type { LoadedDocument } from "../load/document.js";
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
  const meta = (id: string) => getRule(id)!;
  for (const d of all) {
    const where = { file: d.file, line: d.line, column: d.column, pointer: "" };
    const noReason = meta("suppression/no-reason");
    const noReasonSeverity = effectiveSeverity(noReason, s.profile, s.overrides);
    if (!d.reason && noReasonSeverity) {
      kept.push({
        ruleId: noReason.id,
        severity: noReasonSeverity,
        message: s.lang === "zh" ? `抑制注释（${d.ruleIds.join(", ") || "未写规则"}）没有说明理由：请在规则后写“ -- 理由”` : `suppression of ${d.ruleIds.join(", ") || "no rule"} gives no reason: add " -- <reason>" after the rule id`,
        ...where,
        citation: citationOf(noReason.citation),
      });
    }
    const unused = meta("suppression/unused");
    const unusedSeverity = effectiveSeverity(unused, s.profile, s.overrides);
    if (!d.used && unusedSeverity) {
      kept.push({
        ruleId: unused.id,
        severity: unusedSeverity,
        message: s.lang === "zh" ? `抑制注释（${d.ruleIds.join(", ") || "未写规则"}）的下一行没有相应的问题，可以删除` : `suppression of ${d.ruleIds.join(", ") || "no rule"} suppresses nothing on the next line; remove it`,
        ...where,
        citation: citationOf(unused.citation),
      });
    }
  }
  return { kept, suppressed };
}
