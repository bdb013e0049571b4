// Human output, in the manner of ESLint's stylish: per proposal a header, per file its findings
// as `line:col  severity  message  rule-id  [citation]` (a locator such as `成员名单!D7` in place
// of line:col for binary files), under each rule's first finding in a proposal a dimmed fix hint
// (fidelity.md C8), then a summary table for batches and the settings line.
//
// For a reviewer's triage (issue #13): proposals that fail or could not be audited come first,
// and a batch ends with a count per rule ("187 proposals: agreement/expired"). On a terminal
// (ctx.width, from process.stdout.columns) a long message wraps to the width, counted in terminal
// columns, with the rule id on a line of its own when it no longer fits; piped output (no width)
// is never wrapped.
import { Chalk } from "chalk";
import type { Finding, Report } from "../types.js";
import { citeText, evidenceText, placeOf, ruleCounts, ruleCountText, settingsLine, STATUS_WORDS, triageOrder, unauditedText } from "./common.js";
import { renderTable } from "./table.js";
import type { FormatContext, Formatter } from "./types.js";
import { visible } from "./visible.js";
import { displayWidth, wrap } from "./wrap.js";

const WORDS = {
  zh: { error: "错误", warning: "警告", info: "提示", proposal: "申报材料", status: "结果", errors: "错误", warnings: "警告", infos: "提示", fix: "修改建议：", byRule: "按规则统计：" },
  en: { error: "error", warning: "warning", info: "info", proposal: "proposal", status: "status", errors: "errors", warnings: "warnings", infos: "info", fix: "fix: ", byRule: "By rule:" },
} as const;

/** Display width in terminal columns (East Asian Width: CJK characters take two). */
export const width = displayWidth;
const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - width(s)));

export const stylish: Formatter = (report, ctx) => {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const w = WORDS[ctx.lang];
  const sev = (f: Finding) => (f.severity === "error" ? c.red(pad(w.error, 7)) : f.severity === "warning" ? c.yellow(pad(w.warning, 7)) : c.blue(pad(w.info, 7)));
  const out: string[] = [];

  const tw = ctx.width;
  /** `head` then `text`, wrapped to the terminal with continuation lines under the text's start. */
  const wrapped = (indent: number, text: string, style: (s: string) => string = (s) => s): string[] => {
    const lines = tw === undefined ? [text] : wrap(text, tw - indent);
    return lines.map((l) => " ".repeat(indent) + style(l));
  };
  const ordered = triageOrder(report.proposals);
  for (const p of ordered) {
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
      // The message starts after `  loc  severity  `; the hints start under the severity.
      const msgAt = 2 + locW + 2 + 7 + 2;
      const hintAt = 2 + locW + 2;
      for (const f of findings) {
        const cite = citeText(f, ctx.lang);
        const message = visible(f.message);
        const tail = `${f.ruleId}${cite ? `  [${cite}]` : ""}`;
        const styledTail = `${c.dim(f.ruleId)}${cite ? `  ${c.dim(`[${cite}]`)}` : ""}`;
        const head = `  ${c.dim(pad(placeOf(f), locW))}  ${sev(f)}  `;
        const oneLine = msgAt + width(message) + 2 + width(tail);
        if (tw === undefined || oneLine <= tw) {
          // Padded into a column when the padded line still fits the terminal.
          const padded = tw === undefined || msgAt + Math.max(msgW, width(message)) + 2 + width(tail) <= tw ? pad(message, msgW) : message;
          out.push(`${head}${padded}  ${styledTail}`);
        } else {
          const lines = wrap(message, tw - msgAt);
          const last = lines.at(-1)!;
          out.push(head + lines[0]);
          for (const l of lines.slice(1)) out.push(" ".repeat(msgAt) + l);
          // The rule id after the message's last line when it fits there, else on its own line.
          if (lines.length > 0 && msgAt + width(last) + 2 + width(f.ruleId) <= tw) {
            out[out.length - 1] += `  ${c.dim(f.ruleId)}`;
          } else {
            out.push(" ".repeat(msgAt) + c.dim(f.ruleId));
          }
          if (cite) for (const l of wrapped(msgAt, `[${cite}]`, c.dim)) out.push(l);
        }
        const ev = evidenceText(f, ctx.lang);
        if (ev) for (const l of wrapped(hintAt, ev, c.dim)) out.push(l);
        const fix = ctx.fixHints === false || hinted.has(f.ruleId) ? undefined : ctx.rules[f.ruleId]?.fix[ctx.lang];
        if (fix) {
          hinted.add(f.ruleId);
          for (const l of wrapped(hintAt, w.fix + fix, c.dim)) out.push(l);
        }
      }
    }
  }

  if (report.proposals.length > 1) {
    // Drawn as cli-table3 draws it, in linear time (src/format/table.ts).
    const sw = STATUS_WORDS[ctx.lang];
    const rows = ordered.map((p) => {
      const status = p.status === "pass" ? c.green(sw.pass) : p.status === "fail" ? c.red(sw.fail) : c.magenta(sw.unaudited);
      return [visible(p.path), status, p.counts.error, p.counts.warning, p.counts.info];
    });
    out.push("", renderTable([w.proposal, w.status, w.errors, w.warnings, w.infos], rows, { color: ctx.color }));
    // The triage's last word: which rules fail how many proposals, most first.
    const counts = ruleCounts(report);
    if (counts.length > 0) {
      out.push("", c.bold(w.byRule));
      for (const rc of counts) {
        const title = ctx.rules[rc.ruleId]?.title[ctx.lang];
        const text = ruleCountText(rc, ctx.lang) + (title ? `  ${title}` : "");
        for (const l of wrapped(2, text)) out.push(l);
      }
    }
  }

  out.push("");
  for (const l of wrapped(0, settingsLine(report, ctx.lang), c.dim)) out.push(l);
  const summary = summaryLine(report, ctx);
  for (const l of wrapped(0, summary.text, summary.bad ? c.red.bold : c.green.bold)) out.push(l);
  return out.join("\n").replace(/^\n/, "") + "\n";
};

function summaryLine(report: Report, ctx: FormatContext): { text: string; bad: boolean } {
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
  return { text: bad ? `✖ ${line}` : `✔ ${line}`, bad };
}
