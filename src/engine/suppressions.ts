// Inline suppressions in YAML files, as ESLint's eslint-disable-next-line:
//   # alliance-audit-disable-next-line <rule-id>[, <rule-id>…] -- <reason>
// on the line before the value. Suppressed findings are counted, never dropped silently; a
// suppression without a reason, or one that suppresses nothing, is itself a warning.
import type { Finding } from "../types.js";
import type { LoadedDocument } from "../load/document.js";
import type { DocRole } from "../rules/rule.js";
import { makeFinding } from "./finding.js";
import { isFileRule } from "./status.js";
import type { Settings } from "./settings.js";

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
  // By the line they apply to: a roster of 100,000 rows with many directives stays linear.
  const byLine = new Map<string, Directive[]>();
  for (const d of all) {
    const k = `${d.file}\0${d.line + 1}`;
    byLine.set(k, [...(byLine.get(k) ?? []), d]);
  }
  const kept = findings.filter((f) => {
    if (isFileRule(f.ruleId)) return true; // never silenced: the proposal was not audited (cli.md)
    const d = byLine.get(`${f.file}\0${f.line}`)?.find((x) => x.ruleIds.includes(f.ruleId));
    if (!d) return true;
    d.used = true;
    suppressed++;
    return false;
  });
  // A directive's own problems are findings of the suppression/* rules, with their messages.
  const report = (ruleId: string, d: Directive) => {
    const rules = d.ruleIds.length ? d.ruleIds.join(", ") : { zh: "未写规则", en: "no rule" };
    const f = makeFinding({ ruleId, messageId: "default", data: { rules }, file: d.file, line: d.line, column: d.column, pointer: "" }, s);
    if (f) kept.push(f);
  };
  for (const d of all) {
    if (!d.reason) report("suppression/no-reason", d);
    if (!d.used) report("suppression/unused", d);
  }
  return { kept, suppressed };
}
