// Human output, in the manner of ESLint's stylish: per proposal a header, per file its findings
// as `line:col  severity  message  rule-id  [citation]` (a locator such as `成员名单!D7` in place
// of line:col for binary files), under each rule's first finding in a proposal a dimmed fix hint
// (fidelity.md C8), then a summary table for batches and the settings line.
import { Chalk } from "chalk";
import Table from "cli-table3";
import type { Finding, Report } from "../types.js";
import { citeText, evidenceText, placeOf, settingsLine, STATUS_WORDS, unauditedText } from "./common.js";
import type { FormatContext, Formatter } from "./types.js";
import { visible } from "./visible.js";

const WORDS = {
  zh: { error: "错误", warning: "警告", info: "提示", proposal: "申报材料", status: "结果", errors: "错误", warnings: "警告", infos: "提示", fix: "修改建议：" },
  en: { error: "error", warning: "warning", info: "info", proposal: "proposal", status: "status", errors: "errors", warnings: "warnings", infos: "info", fix: "fix: " },
} as const;

/** Display width: CJK characters take two terminal columns. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1f64f}]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
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
    out.push("", c.bold(visible(p.path)) + (p.name ? `  ${visible(p.name)}` : "") + (p.status === "unaudited" ? `  ${c.magenta(`[${STATUS_WORDS[ctx.lang].unaudited}]`)}` : ""));
    const byFile = new Map<string, Finding[]>();
    for (const f of p.findings) {
      const list = byFile.get(f.file);
      if (list) list.push(f);
      else byFile.set(f.file, [f]);
    }
    const hinted = new Set<string>();
    for (const [file, findings] of byFile) {
      out.push(c.underline(visible(file)));
      // A loop, not Math.max(...list): a roster of 60,000 members can have that many findings.
      let locW = 0;
      let msgW = 0;
      for (const f of findings) {
        locW = Math.max(locW, width(placeOf(f)));
        msgW = Math.max(msgW, width(visible(f.message)));
      }
      msgW = Math.min(90, msgW);
      for (const f of findings) {
        const cite = citeText(f, ctx.lang);
        out.push(`  ${c.dim(pad(placeOf(f), locW))}  ${sev(f)}  ${pad(visible(f.message), msgW)}  ${c.dim(f.ruleId)}${cite ? `  ${c.dim(`[${cite}]`)}` : ""}`);
        const ev = evidenceText(f, ctx.lang);
        if (ev) out.push(`  ${" ".repeat(locW)}  ${c.dim(ev)}`);
        const fix = ctx.fixHints === false || hinted.has(f.ruleId) ? undefined : ctx.rules[f.ruleId]?.fix[ctx.lang];
        if (fix) {
          hinted.add(f.ruleId);
          out.push(`  ${" ".repeat(locW)}  ${c.dim(w.fix + fix)}`);
        }
      }
    }
  }

  if (report.proposals.length > 1) {
    const table = new Table({
      head: [w.proposal, w.status, w.errors, w.warnings, w.infos],
      style: { head: ctx.color ? ["bold"] : [], border: ctx.color ? ["grey"] : [] },
    });
    const sw = STATUS_WORDS[ctx.lang];
    for (const p of report.proposals) {
      const status = p.status === "pass" ? c.green(sw.pass) : p.status === "fail" ? c.red(sw.fail) : c.magenta(sw.unaudited);
      table.push([visible(p.path), status, p.counts.error, p.counts.warning, p.counts.info]);
    }
    out.push("", table.toString());
  }

  out.push("", c.dim(settingsLine(report, ctx.lang)));
  out.push(summaryLine(report, ctx, c));
  return out.join("\n").replace(/^\n/, "") + "\n";
};

function summaryLine(report: Report, ctx: FormatContext, c: InstanceType<typeof Chalk>): string {
  const s = report.summary;
  const lang = ctx.lang;
  const total = s.error + s.warning + s.info;
  const sup = s.suppressed ? (lang === "zh" ? `，已抑制 ${s.suppressed} 个` : `, ${s.suppressed} suppressed`) : "";
  const unaudited = unauditedText(s.unaudited ?? 0, lang);
  const bad = s.failed > 0 || (s.unaudited ?? 0) > 0;
  let line: string;
  if (lang === "zh") {
    const head = `${s.proposals} 份申报材料：${s.passed} 份通过，${s.failed} 份未通过${unaudited ? `，${unaudited}` : ""}`;
    const body = total === 0 ? "未发现问题" : `共 ${total} 个问题（${s.error} 个错误，${s.warning} 个警告，${s.info} 个提示）`;
    line = `${head}；${body}${sup}`;
  } else {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
    const head = `${plural(s.proposals, "proposal")}: ${s.passed} passed, ${s.failed} failed${unaudited ? `, ${unaudited}` : ""}`;
    const body = total === 0 ? "no problems" : `${plural(total, "problem")} (${plural(s.error, "error")}, ${plural(s.warning, "warning")}, ${s.info} info)`;
    line = `${head}; ${body}${sup}`;
  }
  return bad ? c.red.bold(`✖ ${line}`) : c.green.bold(`✔ ${line}`);
}
