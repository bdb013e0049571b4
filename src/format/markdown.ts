// A compact summary for a pull-request comment or $GITHUB_STEP_SUMMARY (GitHub-flavoured
// Markdown): a summary line, a count per rule, a table of proposals (failing and unaudited first),
// and per failing proposal a collapsed list of its findings. It always fits a comment (GitHub
// takes at most 65,536 characters): what does not fit is cut, in this order of importance —
// the failing proposals' rows, their details, the passing proposals' rows — and a closing note
// says what was cut. Every text from the proposals is escaped, so a `|` cannot break the table and a
// `*`, `[…]` or `<tag>` in a member's name is shown as written, not as emphasis, a link or HTML.
import type { Finding, Lang, ProposalReport, Report } from "../types.js";
import { pushAll } from "./push-all.js";
import { citeText, evidenceText, ruleCounts, settingsLine, STATUS_WORDS, triageOrder, unauditedText } from "./common.js";
import { ruleDocUrl } from "./links.js";
import type { Formatter } from "./types.js";
import { visible } from "./visible.js";

/** Findings listed per proposal; the rest are counted (a PR comment holds at most 65,536 characters). */
export const MAX_FINDINGS_PER_PROPOSAL = 50;

/** GitHub's limit for a comment's body, in characters (UTF-16 code units here: never more than GitHub counts). */
export const MAX_MARKDOWN_CHARS = 65_536;
/** Room kept for the closing note. */
const NOTE_ROOM = 600;

const WORDS = {
  zh: {
    title: "联盟申报材料审核", proposal: "申报材料", name: "联盟名称", status: "结果", errors: "错误", warnings: "警告", infos: "提示",
    pass: "✅ 通过", fail: "❌ 未通过", unaudited: "⚠️ 未审核", error: "错误", warning: "警告", info: "提示",
    findings: (n: number) => `${n} 个问题`,
    more: (n: number) => `另有 ${n} 个问题未列出，请查看完整报告。`,
    byRule: "按规则统计", rule: "规则", proposals: "申报材料", findingsCol: "问题",
    cut: (rows: number, total: number, details: number) =>
      `✂️ 为适应拉取请求评论的长度上限（65,536 个字符）已截短：${rows ? `表中未列出 ${rows} 份申报材料（共 ${total} 份）` : ""}${rows && details ? "，" : ""}${details ? `${details} 份申报材料的问题详情未列出` : ""}。完整报告请用 --format html 或 --format json 生成。`,
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
    byRule: "Findings by rule", rule: "rule", proposals: "proposals", findingsCol: "findings",
    cut: (rows: number, total: number, details: number) =>
      `✂️ Shortened to fit a pull-request comment (65,536 characters): ${rows ? `${rows} of ${total} proposals are not in the table` : ""}${rows && details ? ", and " : ""}${details ? `the findings of ${details} proposal${details === 1 ? " are" : "s are"} not listed` : ""}. Make the full report with --format html or --format json.`,
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
  const head = [`### ${w.title}`, "", `${mark} ${esc(w.summary(report))}`, "", esc(settingsLine(report, ctx.lang)), ""];

  // The count per rule: which conditions fail how many proposals, most first.
  const counts = ruleCounts(report);
  if (counts.length > 0) {
    head.push(`#### ${w.byRule}`, "", `| ${w.rule} | ${w.proposals} | ${w.findingsCol} |`, "|---|--:|--:|");
    for (const c of counts) head.push(`| [\`${esc(c.ruleId)}\`](${ruleDocUrl(c.ruleId)}) | ${c.proposals} | ${c.findings} |`);
    head.push("");
  }
  const budget = new Budget(MAX_MARKDOWN_CHARS - NOTE_ROOM);
  budget.take(head);

  const ordered = triageOrder(report.proposals);
  const needy = ordered.filter((p) => p.status !== "pass");
  const passed = ordered.filter((p) => p.status === "pass");
  const tableHead = [`| ${w.proposal} | ${w.name} | ${w.status} | ${w.errors} | ${w.warnings} | ${w.infos} |`, "|---|---|---|--:|--:|--:|"];
  budget.take(tableHead);
  const row = (p: (typeof ordered)[number]) => `| ${esc(p.path)} | ${esc(p.name ?? "")} | ${w[p.status] ?? esc(String(p.status))} | ${p.counts.error} | ${p.counts.warning} | ${p.counts.info} |`;

  // 1. the failing proposals' rows, up to half of what is left; 2. their details; 3. the rest of
  // their rows; 4. the passing proposals' rows. Each part is a prefix of its list, in order.
  const needyRows: string[] = [];
  const half = budget.left() / 2;
  for (const p of needy) {
    const r = row(p);
    if (budget.used() + r.length + 1 > MAX_MARKDOWN_CHARS - NOTE_ROOM - half || !budget.fits([r])) break;
    budget.take([r]);
    needyRows.push(r);
  }
  const details: string[][] = [];
  let detailsCut = 0;
  for (const p of needy) {
    if (p.findings.length === 0) continue;
    const block = detailsOf(p, ctx.lang);
    if (budget.fits(block)) {
      budget.take(block);
      details.push(block);
    } else detailsCut++;
  }
  for (const p of needy.slice(needyRows.length)) {
    const r = row(p);
    if (!budget.fits([r])) break;
    budget.take([r]);
    needyRows.push(r);
  }
  const passRows: string[] = [];
  if (needyRows.length === needy.length) {
    for (const p of passed) {
      const r = row(p);
      if (!budget.fits([r])) break;
      budget.take([r]);
      passRows.push(r);
    }
  }

  const out = [...head, ...tableHead];
  pushAll(out, needyRows);
  pushAll(out, passRows);
  for (const block of details) pushAll(out, block);
  const rowsCut = ordered.length - needyRows.length - passRows.length;
  if (rowsCut > 0 || detailsCut > 0) out.push("", `> ${esc(w.cut(rowsCut, ordered.length, detailsCut))}`);
  return out.join("\n") + "\n";
};

/** A failing proposal's findings, collapsed: at most MAX_FINDINGS_PER_PROPOSAL, the rest counted. */
function detailsOf(p: ProposalReport, lang: Lang): string[] {
  const w = WORDS[lang];
  const n = p.findings.length;
  const out = ["", "<details>", `<summary>${html(p.path)}${p.name ? ` · ${html(p.name)}` : ""} · ${w.findings(n)}</summary>`, ""];
  for (const f of p.findings.slice(0, MAX_FINDINGS_PER_PROPOSAL)) out.push(`- ${item(f, lang)}`);
  if (n > MAX_FINDINGS_PER_PROPOSAL) out.push(`- ${esc(w.more(n - MAX_FINDINGS_PER_PROPOSAL))}`);
  out.push("", "</details>");
  return out;
}

/** Characters used so far, counting the newline after each line. */
class Budget {
  private n = 0;
  constructor(private readonly limit: number) {}
  fits(lines: string[]): boolean {
    let k = 0;
    for (const l of lines) k += l.length + 1;
    return this.n + k <= this.limit;
  }
  take(lines: string[]): void {
    for (const l of lines) this.n += l.length + 1;
  }
  used(): number {
    return this.n;
  }
  left(): number {
    return this.limit - this.n;
  }
}

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
  return visible(s)
    .replace(/&/g, "&amp;")
    .replace(/@/g, "&#64;")
    .replace(/:\/\//g, "&#58;//")
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}&#46;`) // as esc(): no www. autolink either
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}
