// A compact summary for a pull-request comment or $GITHUB_STEP_SUMMARY (GitHub-flavoured
// Markdown): a summary line, a table of proposals, and per failing proposal a collapsed list of
// its findings. Every text from the proposals is escaped, so a `|` cannot break the table and a
// `*`, `[…]` or `<tag>` in a member's name is shown as written, not as emphasis, a link or HTML.
import type { Finding, Lang, Report } from "../types.js";
import { citeText, evidenceText, settingsLine, STATUS_WORDS, unauditedText } from "./common.js";
import { ruleDocUrl } from "./links.js";
import type { Formatter } from "./types.js";
import { visible } from "./visible.js";

/** Findings listed per proposal; the rest are counted (a PR comment holds at most 65,536 characters). */
export const MAX_FINDINGS_PER_PROPOSAL = 50;

const WORDS = {
  zh: {
    title: "联盟申报材料审核", proposal: "申报材料", name: "联盟名称", status: "结果", errors: "错误", warnings: "警告", infos: "提示",
    pass: "✅ 通过", fail: "❌ 未通过", unaudited: "⚠️ 未审核", error: "错误", warning: "警告", info: "提示",
    findings: (n: number) => `${n} 个问题`,
    more: (n: number) => `另有 ${n} 个问题未列出，请查看完整报告。`,
    summary: (r: Report) => {
      const s = r.summary;
      const sup = s.suppressed ? `，已抑制 ${s.suppressed} 个` : "";
      const un = unauditedText(s.unaudited ?? 0, "zh");
      return `${s.proposals} 份申报材料：${s.passed} 份通过，${s.failed} 份未通过${un ? `，${un}` : ""}；${s.error} 个错误，${s.warning} 个警告，${s.info} 个提示${sup}`;
    },
  },
  en: {
    title: "Alliance proposal audit", proposal: "proposal", name: "alliance", status: "status", errors: "errors", warnings: "warnings", infos: "info",
    pass: "✅ pass", fail: "❌ fail", unaudited: "⚠️ unaudited", error: "error", warning: "warning", info: "info",
    findings: (n: number) => `${n} finding${n === 1 ? "" : "s"}`,
    more: (n: number) => `${n} more not listed; see the full report.`,
    summary: (r: Report) => {
      const s = r.summary;
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
      const sup = s.suppressed ? `, ${s.suppressed} suppressed` : "";
      const un = unauditedText(s.unaudited ?? 0, "en");
      return `${plural(s.proposals, "proposal")}: ${s.passed} passed, ${s.failed} failed${un ? `, ${un}` : ""}; ${plural(s.error, "error")}, ${plural(s.warning, "warning")}, ${s.info} info${sup}`;
    },
  },
} as const;

export const markdown: Formatter = (report, ctx) => {
  const w = WORDS[ctx.lang];
  const mark = report.summary.failed > 0 || (report.summary.unaudited ?? 0) > 0 ? "❌" : "✅";
  const out = [`### ${w.title}`, "", `${mark} ${esc(w.summary(report))}`, "", esc(settingsLine(report, ctx.lang)), ""];

  out.push(`| ${w.proposal} | ${w.name} | ${w.status} | ${w.errors} | ${w.warnings} | ${w.infos} |`, "|---|---|---|--:|--:|--:|");
  for (const p of report.proposals) {
    out.push(`| ${esc(p.path)} | ${esc(p.name ?? "")} | ${w[p.status]} | ${p.counts.error} | ${p.counts.warning} | ${p.counts.info} |`);
  }

  for (const p of report.proposals) {
    if (p.status === "pass") continue;
    const n = p.findings.length;
    out.push("", "<details>", `<summary>${html(p.path)}${p.name ? ` · ${html(p.name)}` : ""} · ${w.findings(n)}</summary>`, "");
    for (const f of p.findings.slice(0, MAX_FINDINGS_PER_PROPOSAL)) out.push(`- ${item(f, ctx.lang)}`);
    if (n > MAX_FINDINGS_PER_PROPOSAL) out.push(`- ${esc(w.more(n - MAX_FINDINGS_PER_PROPOSAL))}`);
    out.push("", "</details>");
  }
  return out.join("\n") + "\n";
};

function item(f: Finding, lang: Lang): string {
  const cite = citeText(f, lang);
  const sev = WORDS[lang][f.severity];
  const where = f.locator ? `${f.file} ${f.locator}` : `${f.file}:${f.line}:${f.column}`;
  const ev = evidenceText(f, lang);
  return [esc(where), `**${sev}**`, esc(f.message), `[\`${f.ruleId}\`](${ruleDocUrl(f.ruleId)})`, ...(cite ? [esc(cite)] : []), ...(ev ? [esc(ev)] : [])].join(" · ");
}

/**
 * Text that Markdown shows as written, on one line and inside a table cell: the punctuation that
 * could start emphasis, code, a link, HTML, a heading or strike-through, and `|`, is
 * backslash-escaped; `&` becomes `&amp;` (no entity), line breaks become spaces.
 */
export function esc(s: string): string {
  return visible(s.replace(/\r\n?|\n/g, " "))
    .replace(/[\\`*_[\]<>#|~]/g, "\\$&")
    .replace(/&/g, "&amp;")
    .replace(/@/g, "&#64;") // no @mention of a person or team from a charter's text
    .replace(/:\/\//g, "&#58;//") // no bare-URL autolink (https://…) from input values
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}&#46;`);
}

/** Text inside raw HTML (the <summary>): entities only. */
function html(s: string): string {
  return visible(s).replace(/&/g, "&amp;").replace(/@/g, "&#64;").replace(/:\/\//g, "&#58;//").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r\n?|\n/g, " ");
}
