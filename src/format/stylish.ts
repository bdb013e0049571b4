// Human output, in the manner of ESLint's stylish: per proposal a header, per file its findings
// as `line:col  severity  message  rule-id`, then a summary table for batches.
import { Chalk } from "chalk";
import Table from "cli-table3";
import type { Finding, Lang, Report } from "../types.js";
import { getRule } from "../rules/index.js";
import { citationText } from "../policy/documents.js";
import type { Formatter } from "./types.js";

const WORDS = {
  zh: { error: "错误", warning: "警告", info: "提示", proposal: "申报材料", status: "结果", errors: "错误", warnings: "警告", infos: "提示", pass: "通过", fail: "未通过", noProblems: "未发现问题", suppressed: "已抑制" },
  en: { error: "error", warning: "warning", info: "info", proposal: "proposal", status: "status", errors: "errors", warnings: "warnings", infos: "info", pass: "pass", fail: "fail", noProblems: "no problems", suppressed: "suppressed" },
} as const;

/** Display width: CJK characters take two terminal columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - width(s)));

export const stylish: Formatter = (report, ctx) => {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const w = WORDS[ctx.lang];
  const sev = (f: Finding) => (f.severity === "error" ? c.red(pad(w.error, 7)) : f.severity === "warning" ? c.yellow(pad(w.warning, 7)) : c.blue(pad(w.info, 7)));
  const out: string[] = [];

  for (const p of report.proposals) {
    if (p.findings.length === 0) continue;
    out.push("", c.bold(p.path) + (p.name ? `  ${p.name}` : ""));
    const byFile = new Map<string, Finding[]>();
    for (const f of p.findings) {
      const list = byFile.get(f.file);
      if (list) list.push(f);
      else byFile.set(f.file, [f]);
    }
    for (const [file, findings] of byFile) {
      out.push(c.underline(file));
      // A loop, not Math.max(...list): a roster of 60,000 members can have that many findings.
      let locW = 0;
      let msgW = 0;
      for (const f of findings) {
        locW = Math.max(locW, `${f.line}:${f.column}`.length);
        msgW = Math.max(msgW, width(f.message));
      }
      msgW = Math.min(90, msgW);
      for (const f of findings) {
        const loc = c.dim(`${f.line}:${f.column}`.padEnd(locW));
        out.push(`  ${loc}  ${sev(f)}  ${pad(f.message, msgW)}  ${c.dim(f.ruleId)}  ${c.dim(citeOf(f, ctx.lang))}`);
      }
    }
  }

  if (report.proposals.length > 1) {
    const table = new Table({
      head: [w.proposal, w.status, w.errors, w.warnings, w.infos],
      style: { head: ctx.color ? ["bold"] : [], border: ctx.color ? ["grey"] : [] },
    });
    for (const p of report.proposals) {
      table.push([p.path, p.status === "pass" ? c.green(w.pass) : c.red(w.fail), p.counts.error, p.counts.warning, p.counts.info]);
    }
    out.push("", table.toString());
  }

  out.push("", summaryLine(report, ctx.lang, c));
  return out.join("\n").replace(/^\n/, "") + "\n";
};

function citeOf(f: Finding, lang: Lang): string {
  const rule = getRule(f.ruleId);
  return rule ? `[${citationText(rule.citation, lang)}]` : "";
}

function summaryLine(report: Report, lang: Lang, c: InstanceType<typeof Chalk>): string {
  const s = report.summary;
  const total = s.error + s.warning + s.info;
  const sup = s.suppressed ? (lang === "zh" ? `，已抑制 ${s.suppressed} 个` : `, ${s.suppressed} suppressed`) : "";
  if (lang === "zh") {
    const head = `${s.proposals} 份申报材料：${s.passed} 份通过，${s.failed} 份未通过`;
    const body = total === 0 ? "未发现问题" : `共 ${total} 个问题（${s.error} 个错误，${s.warning} 个警告，${s.info} 个提示）`;
    const line = `${head}；${body}${sup}`;
    return s.failed > 0 ? c.red.bold(`✖ ${line}`) : c.green.bold(`✔ ${line}`);
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const head = `${plural(s.proposals, "proposal")}: ${s.passed} passed, ${s.failed} failed`;
  const body = total === 0 ? "no problems" : `${plural(total, "problem")} (${plural(s.error, "error")}, ${plural(s.warning, "warning")}, ${s.info} info)`;
  const line = `${head}; ${body}${sup}`;
  return s.failed > 0 ? c.red.bold(`✖ ${line}`) : c.green.bold(`✔ ${line}`);
}
