// One self-contained HTML page for the reviewers of a batch: the summary (proposals, passed,
// failed, findings by severity and by condition), a sortable, filterable table of proposals, and
// each proposal's findings grouped by condition with the clause the rule cites and its fix hint.
//
// Self-contained means no request at all: inline CSS, one small inline script (allowed by its
// hash in a Content-Security-Policy that forbids everything else), system fonts, no images.
// Every text from the report is escaped: names and messages come from untrusted files.
// Deterministic: the same report gives the same bytes (the only date is report.asOf).
//
// For a reviewer's triage (issue #13): the filter matches Chinese text (alliance names, messages,
// rule titles), rule ids and conditions (条件（二）, 协议, agreement), every word of the query, NFKC-
// normalised so that full-width letters match, and not while an input method is composing; a
// count per rule (click a rule to filter by it); text columns sort with Intl.Collator("zh"), so
// alliance names sort by pinyin; and a list of the rules checked with the clauses they apply,
// open when nothing was found, so that a clean report says what it vouches for.
import { createHash } from "node:crypto";
import { profileLabel } from "../report.js";
import type { Finding, Lang, ProposalReport, Report, RulesMeta, Severity } from "../types.js";
import { citeText, ruleCounts, STATUS_WORDS } from "./common.js";
import { visible } from "./visible.js";
import type { Formatter } from "./types.js";
import { pushAll } from "./push-all.js";

type Group = "composition" | "agreement" | "governance" | "funding" | "ip" | "openness" | "alliance" | "evidence" | "files" | "suppression" | "other";

/** Display order of the condition groups: the six conditions of 第八条 first. */
const GROUPS: readonly Group[] = ["composition", "agreement", "governance", "funding", "ip", "openness", "alliance", "evidence", "files", "suppression", "other"];
/** Shown in the summary even when nothing was found there. */
const MAIN_GROUPS: ReadonlySet<Group> = new Set(["composition", "agreement", "governance", "funding", "ip", "openness"]);

const GROUP_LABEL: Record<Group, { zh: string; en: string; no?: { zh: string; en: string } }> = {
  composition: { zh: "组成", en: "Composition", no: { zh: "条件（一）", en: "Condition 1" } },
  agreement: { zh: "协议", en: "Agreement", no: { zh: "条件（二）", en: "Condition 2" } },
  governance: { zh: "机构", en: "Governance bodies", no: { zh: "条件（三）", en: "Condition 3" } },
  funding: { zh: "经费", en: "Funding", no: { zh: "条件（四）", en: "Condition 4" } },
  ip: { zh: "知识产权", en: "Benefits and IP", no: { zh: "条件（五）", en: "Condition 5" } },
  openness: { zh: "开放", en: "Openness", no: { zh: "条件（六）", en: "Condition 6" } },
  alliance: { zh: "联盟（地方规则）", en: "Alliance (profile rules)" },
  evidence: { zh: "协议原文核对", en: "Evidence in the documents" },
  files: { zh: "文件与结构", en: "Files and structure" },
  suppression: { zh: "抑制注释", en: "Suppressions" },
  other: { zh: "其他", en: "Other" },
};

const WORDS = {
  zh: {
    title: "产业技术创新战略联盟申报材料审核报告",
    tool: "工具", profile: "规则集", config: "配置文件", none: "无", asOf: "审核日期", failOn: "未通过阈值", unaudited: "未审核",
    summary: "汇总", proposals: "申报材料", passed: "通过", failed: "未通过", suppressed: "已抑制",
    error: "错误", warning: "警告", info: "提示", total: "合计", affected: "涉及申报材料",
    byCondition: "按条件统计", condition: "条件",
    table: "申报材料列表", path: "路径", name: "联盟名称", status: "结果", pass: "通过", fail: "未通过",
filterPlaceholder: "按路径、联盟名称、问题内容、规则编号或条件筛选", statusAll: "全部结果",
    byRule: "按规则统计", ruleCol: "规则", proposalsCol: "涉及申报材料", findingsCol: "问题数", severityCol: "级别", filterBy: (id: string) => `只看 ${id}`,
    checked: "检查的规则及依据", checkedIntro: (n: number, profile: string) => `按规则集 ${profile} 检查了以下 ${n} 条规则；每条规则后为其依据的政策条款。`,
    cleanIntro: "未发现问题：下列规则均已检查并满足。", noCitation: "工具检查（文件与格式，不引用政策条款）",
    /** Around the live count of shown rows. */
    shown: (total: number) => ["显示 ", ` / ${total} 份`],
    colon: "：",
    expandAll: "全部展开", collapseAll: "全部收起",
    noneMatch: "没有符合筛选条件的申报材料。", noProposals: "未找到申报材料。",
    findings: "问题详情", findingCount: (n: number) => `${n} 个问题`, noFindings: "所有申报材料均未发现问题。",
    location: "位置", rule: "规则", citation: "依据", fix: "修改建议", clause: "政策原文", evidence: "协议原文",
    unnamed: "（未填写联盟名称）", sortHint: "点击列标题排序",
    footer: (v: string) => `由 alliance-audit ${v} 生成。本页面为独立文件，不加载任何外部资源。`,
  },
  en: {
    title: "Alliance proposal audit report",
    tool: "Tool", profile: "Profile", config: "Config", none: "none", asOf: "As of", failOn: "Fail on", unaudited: "Unaudited",
    summary: "Summary", proposals: "Proposals", passed: "Passed", failed: "Failed", suppressed: "Suppressed",
    error: "Errors", warning: "Warnings", info: "Info", total: "Total", affected: "Proposals affected",
    byCondition: "By condition", condition: "Condition",
    table: "Proposals", path: "Path", name: "Alliance", status: "Status", pass: "pass", fail: "fail",
filterPlaceholder: "Filter by path, alliance name, message, rule id or condition", statusAll: "All statuses",
    byRule: "By rule", ruleCol: "Rule", proposalsCol: "Proposals affected", findingsCol: "Findings", severityCol: "Severity", filterBy: (id: string) => `Show only ${id}`,
    checked: "Rules checked and the clauses they apply", checkedIntro: (n: number, profile: string) => `These ${n} rules of the ${profile} profile were checked; each names the policy clause it applies.`,
    cleanIntro: "No problems found: every rule below was checked and is met.", noCitation: "a tool check (files and format; no policy clause)",
    shown: (total: number) => ["", ` of ${total} shown`],
    colon: ": ",
    expandAll: "Expand all", collapseAll: "Collapse all",
    noneMatch: "No proposal matches the filter.", noProposals: "No proposals found.",
    findings: "Findings", findingCount: (n: number) => `${n} finding${n === 1 ? "" : "s"}`, noFindings: "No problems found in any proposal.",
    location: "Location", rule: "Rule", citation: "Cites", fix: "Fix", clause: "Policy text", evidence: "The document says",
    unnamed: "(alliance name not given)", sortHint: "Click a column header to sort",
    footer: (v: string) => `Generated by alliance-audit ${v}. This page is self-contained and loads no external resources.`,
  },
} as const;

const SEVERITY_WORD: Record<Lang, Record<Severity, string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

/** "3 个错误", "1 warning", "2 errors". */
function countOf(n: number, severity: Severity, lang: Lang): string {
  if (lang === "zh") return `${n} 个${SEVERITY_WORD.zh[severity]}`;
  return `${n} ${SEVERITY_WORD.en[severity]}${n === 1 || severity === "info" ? "" : "s"}`;
}

/** Clauses longer than this are folded (print unfolds them). */
const LONG_CLAUSE = 240;

const CSS = `
:root{--fg:#1f2933;--muted:#5f6b7a;--line:#d9dee5;--bg:#f6f7f9;--card:#fff;--accent:#1d4ed8;
--err:#b42318;--err-bg:#fef3f2;--warn:#a15c07;--warn-bg:#fffaeb;--info:#175cd3;--info-bg:#eff8ff;--ok:#067647;--ok-bg:#ecfdf3;
font-family:"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","WenQuanYi Micro Hei",system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--fg);background:var(--bg);line-height:1.55;font-size:15px}
*{box-sizing:border-box}
body{margin:0}
main{max-width:1180px;margin:0 auto;padding:28px 24px 40px}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono","Noto Sans Mono CJK SC",monospace;font-size:.86em}
h1{font-size:1.6rem;margin:0 0 6px;font-weight:650;letter-spacing:.01em}
h2{font-size:1.15rem;margin:32px 0 12px;font-weight:650}
h3{font-size:1.02rem;margin:0;font-weight:600}
h4{font-size:.95rem;margin:0;font-weight:600}
h3.sub{margin:20px 0 8px}
.meta{display:flex;flex-wrap:wrap;gap:6px 22px;margin:0;color:var(--muted);font-size:.9rem}
.meta dt{display:inline;font-weight:500}.meta dt::after{content:"："}
:root[lang=en] .meta dt::after{content:": "}
.meta dd{display:inline;margin:0;color:var(--fg)}
.meta div{white-space:nowrap}
header{border-bottom:1px solid var(--line);padding-bottom:16px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 16px;border-top:4px solid var(--line)}
.card .label{color:var(--muted);font-size:.85rem}
.card .num{display:block;font-size:1.75rem;font-weight:650;font-variant-numeric:tabular-nums;line-height:1.3}
.card.failed,.card.error{border-top-color:var(--err)}.card.failed .num,.card.error .num{color:var(--err)}
.card.passed{border-top-color:var(--ok)}.card.passed .num{color:var(--ok)}
.card.warning{border-top-color:#f79009}.card.warning .num{color:var(--warn)}
.card.info{border-top-color:#2e90fa}.card.info .num{color:var(--info)}
.card.proposals{border-top-color:var(--accent)}
.card.suppressed .num{color:var(--muted)}
table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line);border-radius:10px;overflow:hidden;font-size:.92rem}
th,td{padding:8px 12px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
tbody tr:last-child td{border-bottom:0}
th{background:#eef1f5;font-weight:600;color:#344054;white-space:nowrap}
tbody th{background:none;font-weight:500;color:var(--fg)}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.n.zero{color:#98a2b3}
tbody tr:hover{background:#f9fafb}
th button{all:unset;cursor:pointer;display:inline-flex;gap:4px;align-items:center}
th button:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
th button::after{content:"↕";color:#98a2b3;font-size:.8em}
th[aria-sort=ascending] button::after{content:"▲";color:var(--accent)}
th[aria-sort=descending] button::after{content:"▼";color:var(--accent)}
.bar{display:inline-block;height:8px;border-radius:4px;background:var(--err);vertical-align:middle;margin-right:6px;min-width:2px}
.bar.w{background:#f79009}.bar.i{background:#2e90fa}
.bars{white-space:nowrap;width:32%}
.cond-no{color:var(--muted);font-size:.85em;margin-right:6px}
.badge{display:inline-block;padding:1px 9px;border-radius:999px;font-size:.8rem;font-weight:600;white-space:nowrap;border:1px solid transparent}
.badge.pass{color:var(--ok);background:var(--ok-bg);border-color:#abefc6}
.badge.fail{color:var(--err);background:var(--err-bg);border-color:#fecdca}
.badge.unaudited{color:#6941c6;background:#f4f3ff;border-color:#d9d6fe}
.card.unaudited{border-top-color:#7a5af8}.card.unaudited .num{color:#6941c6}
blockquote.evidence{margin:6px 0 0;padding:4px 10px;border-left:3px solid var(--line);color:var(--fg)}
blockquote.evidence cite{display:block;font-style:normal;color:var(--muted);font-size:.85em}
.badge.error{color:var(--err);background:var(--err-bg);border-color:#fecdca}
.badge.warning{color:var(--warn);background:var(--warn-bg);border-color:#fedf89}
.badge.info{color:var(--info);background:var(--info-bg);border-color:#b2ddff}
.controls{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:0 0 12px}
.controls input,.controls select,.controls button{font:inherit;font-size:.9rem;padding:6px 10px;border:1px solid #c4cbd5;border-radius:8px;background:#fff;color:var(--fg)}
.controls input{flex:1 1 280px;min-width:200px}
.controls button{cursor:pointer}
.controls button:hover{background:#f2f4f7}
.controls .count{color:var(--muted);font-size:.88rem;margin-left:auto}
.muted{color:var(--muted)}
.empty{padding:14px 16px;color:var(--muted);background:var(--card);border:1px dashed var(--line);border-radius:10px}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
.proposal{background:var(--card);border:1px solid var(--line);border-radius:10px;margin:0 0 14px;border-left:4px solid var(--ok)}
.proposal.fail{border-left-color:var(--err)}
.proposal>summary{cursor:pointer;padding:12px 16px;display:flex;flex-wrap:wrap;gap:6px 12px;align-items:baseline;list-style:none}
.proposal>summary::-webkit-details-marker{display:none}
.proposal>summary::before{content:"▸";color:var(--muted);width:1em}
.proposal[open]>summary::before{content:"▾"}
.proposal>summary .name{color:var(--muted)}
.proposal>summary .counts{margin-left:auto;display:flex;gap:6px}
.proposal .body{padding:0 16px 12px}
.group{border-top:1px solid var(--line);padding:12px 0 4px}
.group-head{display:flex;flex-wrap:wrap;gap:4px 12px;align-items:baseline;margin-bottom:8px}
.clause{margin:0 0 10px;font-size:.88rem;color:#475467}
.clause summary{cursor:pointer;color:var(--muted)}
blockquote{margin:4px 0 0;padding:8px 12px;border-left:3px solid #c4cbd5;background:#f9fafb;white-space:pre-line;color:#344054}
blockquote cite{display:block;font-style:normal;font-size:.82rem;color:var(--muted);margin-bottom:2px}
ol.findings{list-style:none;margin:0;padding:0}
.finding{padding:9px 12px;margin:0 0 8px;border:1px solid var(--line);border-radius:8px;display:grid;grid-template-columns:auto 1fr;gap:2px 10px}
.finding.error{border-left:3px solid var(--err)}.finding.warning{border-left:3px solid #f79009}.finding.info{border-left:3px solid #2e90fa}
.finding .msg{font-weight:500;overflow-wrap:anywhere}
.finding .facts{grid-column:2;display:flex;flex-wrap:wrap;gap:2px 16px;font-size:.84rem;color:var(--muted)}
.finding .facts span{overflow-wrap:anywhere}
.finding .fix{grid-column:2;font-size:.88rem;color:#344054}
.finding .fix b{font-weight:600;color:var(--ok)}
.finding .rule-title{color:var(--muted);margin-left:6px}
.rule-filter{all:unset;cursor:pointer;color:var(--accent)}.rule-filter:hover{text-decoration:underline}
.rule-filter:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
#checked ul{margin:6px 0 14px;padding-left:20px}#checked li{margin:2px 0}
#checked .cites{color:var(--muted);font-size:.88em}
footer{margin-top:36px;color:var(--muted);font-size:.82rem;border-top:1px solid var(--line);padding-top:12px}
@media screen{.filtered-out{display:none!important}}
@media print{
:root{background:#fff;font-size:11pt}
main{max-width:none;padding:0}
.controls,.no-print,#no-match{display:none!important}
details>summary{list-style:none}
details::details-content{content-visibility:visible}
.proposal{break-inside:auto;border-left-width:3px}
.proposal>summary::before,.proposal[open]>summary::before{content:none}
.finding,.group-head,tr{break-inside:avoid}
th button::after{content:none}
a{color:inherit}
.card,table,.proposal,.finding{box-shadow:none}
}
`;

// The page's behaviour: filter (text + status), sort (click a header), expand/collapse, and open
// every <details> for printing. No inline handlers: the CSP allows this script by its hash only.
const SCRIPT = `
(function () {
  "use strict";
  var table = document.getElementById("proposal-table");
  if (!table) return;
  var tbody = table.tBodies[0];
  var text = document.getElementById("filter-text");
  var status = document.getElementById("filter-status");
  var count = document.getElementById("shown-count");
  var empty = document.getElementById("no-match");
  document.getElementById("controls").hidden = false;
  // Names sort as Chinese readers expect (by pinyin), numbers inside paths by value.
  var collator = new Intl.Collator("zh", { numeric: true });
  var composing = false;
  function rows() { return Array.prototype.slice.call(tbody.rows); }
  function norm(v) { return String(v).normalize("NFKC").toLowerCase(); }
  function apply() {
    var terms = norm(text.value).split(/\\s+/).filter(Boolean);
    var s = status.value;
    var n = 0;
    rows().forEach(function (row) {
      var hay = row.getAttribute("data-search");
      var ok = terms.every(function (t) { return hay.indexOf(t) !== -1; }) &&
        (s === "all" || row.getAttribute("data-status") === s);
      row.classList.toggle("filtered-out", !ok);
      var section = document.getElementById("d-" + row.id);
      if (section) section.classList.toggle("filtered-out", !ok);
      if (ok) n++;
    });
    count.textContent = String(n);
    empty.classList.toggle("filtered-out", n !== 0);
  }
  // While an input method composes (typing pinyin for 牡丹江), the box holds Latin letters: wait.
  text.addEventListener("compositionstart", function () { composing = true; });
  text.addEventListener("compositionend", function () { composing = false; apply(); });
  text.addEventListener("input", function () { if (!composing) apply(); });
  Array.prototype.forEach.call(document.querySelectorAll("button.rule-filter"), function (b) {
    b.addEventListener("click", function () {
      text.value = b.getAttribute("data-rule");
      apply();
      table.scrollIntoView();
    });
  });
  status.addEventListener("change", apply);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  heads.forEach(function (th, col) {
    var button = th.querySelector("button");
    if (!button) return;
    button.addEventListener("click", function () {
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      var numeric = th.classList.contains("n");
      heads.forEach(function (h) { if (h.hasAttribute("data-key")) h.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      var key = th.getAttribute("data-key");
      var sorted = rows().sort(function (a, b) {
        var x = a.getAttribute("data-" + key), y = b.getAttribute("data-" + key);
        var c = numeric ? Number(x) - Number(y) : collator.compare(x, y);
        return c !== 0 ? dir * c : Number(a.getAttribute("data-index")) - Number(b.getAttribute("data-index"));
      });
      sorted.forEach(function (row) { tbody.appendChild(row); });
    });
  });
  function setAll(open) {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = open; });
  }
  document.getElementById("expand-all").addEventListener("click", function () { setAll(true); });
  document.getElementById("collapse-all").addEventListener("click", function () { setAll(false); });
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (d) { d.open = false; });
    closed = [];
  });
})();
`;

const SCRIPT_HASH = createHash("sha256").update(SCRIPT, "utf8").digest("base64");

/** The page's Content-Security-Policy: nothing may be loaded; only this page's CSS and script run. */
export const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'`;

/** Text for an HTML element or a quoted attribute value. */
export function escapeHtml(s: string): string {
  return visible(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
const e = escapeHtml;

function groupOf(f: Finding, rules: RulesMeta): Group {
  const c = rules[f.ruleId]?.condition;
  return c && (GROUPS as readonly string[]).includes(c) ? (c as Group) : "other";
}

function groupLabel(g: Group, lang: Lang): string {
  return GROUP_LABEL[g][lang];
}

function groupHeading(g: Group, lang: Lang): string {
  const no = GROUP_LABEL[g].no;
  return `${no ? `<span class="cond-no">${e(no[lang])}</span>` : ""}${e(groupLabel(g, lang))}`;
}

export const html: Formatter = (report, ctx) => {
  const lang = ctx.lang;
  const w = WORDS[lang];
  const s = report.summary;
  const out: string[] = [];
  const rules = ctx.rules;

  out.push(
    "<!DOCTYPE html>",
    `<html lang="${lang === "zh" ? "zh-CN" : "en"}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`, // a constant with no " & < >: written as is
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<meta name="generator" content="alliance-audit ${e(report.tool.version)}">`,
    `<title>${e(w.title)} · ${e(report.asOf)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    "<main>",
  );

  // Header
  out.push(
    "<header>",
    `<h1>${e(w.title)}</h1>`,
    '<dl class="meta">',
    `<div><dt>${e(w.asOf)}</dt><dd class="mono" data-meta="asOf">${e(report.asOf)}</dd></div>`,
    `<div><dt>${e(w.profile)}</dt><dd data-meta="profile">${e(ctx.profileName?.[lang] ?? profileLabel(report.profile, lang))}</dd></div>`,
    `<div><dt>${e(w.config)}</dt><dd class="mono" data-meta="config">${e(report.config ?? w.none)}</dd></div>`,
    `<div><dt>${e(w.failOn)}</dt><dd data-meta="failOn">${e(ctx.failOn === "never" ? "never" : SEVERITY_WORD[lang][ctx.failOn])}</dd></div>`,
    `<div><dt>${e(w.tool)}</dt><dd>alliance-audit ${e(report.tool.version)}</dd></div>`,
    "</dl>",
    "</header>",
  );

  // Summary: cards, then counts by condition.
  const card = (key: string, label: string, n: number) =>
    `<div class="card ${key}" data-summary="${key}"><span class="label">${e(label)}</span><span class="num">${n}</span></div>`;
  out.push(
    '<section id="summary" aria-labelledby="summary-h">',
    `<h2 id="summary-h">${e(w.summary)}</h2>`,
    '<div class="cards">',
    card("proposals", w.proposals, s.proposals),
    card("passed", w.passed, s.passed),
    card("failed", w.failed, s.failed),
    ...(s.unaudited ? [card("unaudited", w.unaudited, s.unaudited)] : []),
    card("error", w.error, s.error),
    card("warning", w.warning, s.warning),
    card("info", w.info, s.info),
    ...(s.suppressed !== undefined ? [card("suppressed", w.suppressed, s.suppressed)] : []),
    "</div>",
  );
  pushAll(out, conditionTable(report, lang, ctx.rules));
  pushAll(out, ruleTable(report, lang, ctx.rules));
  out.push("</section>");

  // Proposals table
  out.push('<section id="proposals" aria-labelledby="proposals-h">', `<h2 id="proposals-h">${e(w.table)}</h2>`);
  if (report.proposals.length === 0) {
    out.push(`<p class="empty">${e(w.noProposals)}</p>`);
  } else {
    pushAll(out, proposalTable(report, lang, rules));
  }
  out.push("</section>");

  // Findings
  const withFindings = report.proposals.map((p, i) => [p, i] as const).filter(([p]) => p.findings.length > 0);
  out.push('<section id="findings" aria-labelledby="findings-h">', `<h2 id="findings-h">${e(w.findings)}</h2>`);
  if (withFindings.length === 0) out.push(`<p class="empty">${e(w.noFindings)}</p>`);
  for (const [p, i] of withFindings) pushAll(out, proposalDetails(p, i, lang, ctx.rules, ctx.fixHints !== false));
  out.push("</section>");
  pushAll(out, checkedRules(report, lang, ctx.rules, withFindings.length === 0));

  out.push(`<footer>${e(w.footer(report.tool.version))}</footer>`, "</main>", `<script>${SCRIPT}</script>`, "</body>", "</html>", "");
  return out.join("\n");
};

function conditionTable(report: Report, lang: Lang, rules: RulesMeta): string[] {
  const w = WORDS[lang];
  const stats = new Map<Group, { error: number; warning: number; info: number; proposals: number }>();
  for (const g of GROUPS) stats.set(g, { error: 0, warning: 0, info: 0, proposals: 0 });
  for (const p of report.proposals) {
    const seen = new Set<Group>();
    for (const f of p.findings) {
      const g = groupOf(f, rules);
      stats.get(g)![f.severity]++;
      seen.add(g);
    }
    for (const g of seen) stats.get(g)!.proposals++;
  }
  const shown = GROUPS.filter((g) => {
    const st = stats.get(g)!;
    return MAIN_GROUPS.has(g) || st.error + st.warning + st.info > 0;
  });
  const max = Math.max(1, ...shown.map((g) => {
    const st = stats.get(g)!;
    return st.error + st.warning + st.info;
  }));
  const num = (n: number) => `<td class="n${n === 0 ? " zero" : ""}">${n}</td>`;
  const bar = (cls: string, n: number) => (n > 0 ? `<span class="bar${cls}" style="width:${Math.round((n / max) * 1000) / 10}%"></span>` : "");
  const out = [
    `<h3 class="sub" id="by-condition-h">${e(w.byCondition)}</h3>`,
    '<table id="condition-table" aria-labelledby="by-condition-h">',
    `<thead><tr><th>${e(w.condition)}</th><th class="n">${e(w.error)}</th><th class="n">${e(w.warning)}</th><th class="n">${e(w.info)}</th><th class="n">${e(w.total)}</th><th class="n">${e(w.affected)}</th><th class="no-print" aria-hidden="true"></th></tr></thead>`,
    "<tbody>",
  ];
  for (const g of shown) {
    const st = stats.get(g)!;
    const total = st.error + st.warning + st.info;
    out.push(
      `<tr data-condition="${g}"><th scope="row">${groupHeading(g, lang)}</th>${num(st.error)}${num(st.warning)}${num(st.info)}${num(total)}${num(st.proposals)}` +
        `<td class="bars no-print" aria-hidden="true">${bar("", st.error)}${bar(" w", st.warning)}${bar(" i", st.info)}</td></tr>`,
    );
  }
  out.push("</tbody>", "</table>");
  return out;
}

function proposalTable(report: Report, lang: Lang, rules: RulesMeta): string[] {
  const w = WORDS[lang];
  const anySuppressed = report.proposals.some((p) => p.suppressed !== undefined) || report.summary.suppressed !== undefined;
  const total = report.proposals.length;
  const out = [
    '<div class="controls" id="controls" hidden>',
    `<input type="search" id="filter-text" placeholder="${e(w.filterPlaceholder)}" aria-label="${e(w.filterPlaceholder)}" autocomplete="off">`,
    `<select id="filter-status" aria-label="${e(w.status)}"><option value="all">${e(w.statusAll)}</option><option value="fail">${e(w.fail)}</option><option value="unaudited">${e(STATUS_WORDS[lang].unaudited)}</option><option value="pass">${e(w.pass)}</option></select>`,
    `<button type="button" id="expand-all">${e(w.expandAll)}</button>`,
    `<button type="button" id="collapse-all">${e(w.collapseAll)}</button>`,
    `<span class="count">${e(w.shown(total)[0])}<span id="shown-count">${total}</span>${e(w.shown(total)[1])}</span>`,
    "</div>",
    `<table id="proposal-table" title="${e(w.sortHint)}">`,
  ];
  const th = (key: string, label: string, numeric = false) =>
    `<th data-key="${key}" aria-sort="none"${numeric ? ' class="n"' : ""} scope="col"><button type="button">${e(label)}</button></th>`;
  out.push(
    "<thead><tr>" +
      th("path", w.path) +
      th("name", w.name) +
      th("status", w.status) +
      th("error", w.error, true) +
      th("warning", w.warning, true) +
      th("info", w.info, true) +
      (anySuppressed ? th("suppressed", w.suppressed, true) : "") +
      "</tr></thead>",
    "<tbody>",
  );
  report.proposals.forEach((p, i) => {
    const search = searchText(p, rules);
    const num = (n: number) => `<td class="n${n === 0 ? " zero" : ""}">${n}</td>`;
    const pathCell = p.findings.length > 0 ? `<a href="#d-p${i + 1}"><code>${e(p.path)}</code></a>` : `<code>${e(p.path)}</code>`;
    out.push(
      `<tr id="p${i + 1}" data-index="${i}" data-status="${statusKey(p)}" data-search="${e(search).replace(/=/g, "&#61;") /* = as an entity: a message's `src=x` never reads as an attribute */}" data-path="${e(p.path)}" data-name="${e(p.name ?? "")}"` +
        ` data-error="${p.counts.error}" data-warning="${p.counts.warning}" data-info="${p.counts.info}"${anySuppressed ? ` data-suppressed="${p.suppressed ?? 0}"` : ""}>` +
        `<td>${pathCell}</td>` +
        `<td class="name">${p.name !== null ? e(p.name) : `<span class="muted">${e(w.unnamed)}</span>`}</td>` +
        `<td data-status="${statusKey(p)}"><span class="badge ${statusKey(p)}">${e(STATUS_WORDS[lang][statusKey(p)])}</span></td>` +
        num(p.counts.error) +
        num(p.counts.warning) +
        num(p.counts.info) +
        (anySuppressed ? num(p.suppressed ?? 0) : "") +
        "</tr>",
    );
  });
  out.push("</tbody>", "</table>", `<p id="no-match" class="empty filtered-out">${e(w.noneMatch)}</p>`);
  return out;
}

/** A status a report may hold; a forged one is shown as unaudited, never as markup or a pass. */
function statusKey(p: ProposalReport): "pass" | "fail" | "unaudited" {
  return p.status === "pass" || p.status === "fail" ? p.status : "unaudited";
}

function proposalDetails(p: ProposalReport, i: number, lang: Lang, rules: RulesMeta, fixHints: boolean): string[] {
  const w = WORDS[lang];
  const groups = new Map<Group, Finding[]>();
  for (const g of GROUPS) groups.set(g, []);
  for (const f of p.findings) groups.get(groupOf(f, rules))!.push(f);

  const countBadges = (["error", "warning", "info"] as const)
    .filter((k) => p.counts[k] > 0)
    .map((k) => `<span class="badge ${k}">${e(countOf(p.counts[k], k, lang))}</span>`)
    .join("");
  const out = [
    `<details class="proposal ${statusKey(p)}" id="d-p${i + 1}" data-path="${e(p.path)}"${statusKey(p) !== "pass" ? " open" : ""}>`,
    `<summary><h3><code>${e(p.path)}</code></h3>` +
      `<span class="name">${p.name !== null ? e(p.name) : e(w.unnamed)}</span>` +
      `<span class="badge ${statusKey(p)}">${e(STATUS_WORDS[lang][statusKey(p)])}</span>` +
      `<span class="counts">${countBadges}</span></summary>`,
    '<div class="body">',
  ];
  for (const [g, findings] of groups) {
    if (findings.length === 0) continue;
    out.push(`<section class="group" data-condition="${g}">`);
    out.push(`<div class="group-head"><h4>${groupHeading(g, lang)}</h4><span class="muted">${e(w.findingCount(findings.length))}</span></div>`);
    pushAll(out, clauses(findings, lang, rules));
    out.push('<ol class="findings">');
    const hinted = new Set<string>();
    for (const f of findings) {
      // The fix hint under each rule's first finding only: one step away, not repeated 40 times.
      const fix = fixHints && !hinted.has(f.ruleId) ? rules[f.ruleId]?.fix[lang] : undefined;
      hinted.add(f.ruleId);
      out.push(findingItem(f, lang, rules, fix));
    }
    out.push("</ol>", "</section>");
  }
  out.push("</div>", "</details>");
  return out;
}

/** The clauses the group's findings cite, each quoted once. */
function clauses(findings: Finding[], lang: Lang, rules: RulesMeta): string[] {
  const w = WORDS[lang];
  const quoted = new Map<string, { label: { zh: string; en: string }; text: string }>();
  for (const f of findings) for (const c of rules[f.ruleId]?.clauses ?? []) quoted.set(c.label.zh, c);
  const out: string[] = [];
  for (const c of quoted.values()) {
    const quote = `<blockquote lang="zh-CN"><cite>${e(c.label[lang])}</cite>${e(c.text)}</blockquote>`;
    if (c.text.length > LONG_CLAUSE) {
      out.push(`<details class="clause"><summary>${e(w.clause)} · ${e(c.label[lang])}</summary>${quote}</details>`);
    } else {
      out.push(`<div class="clause"><span class="muted">${e(w.clause)}</span>${quote}</div>`);
    }
  }
  return out;
}

function findingItem(f: Finding, lang: Lang, rules: RulesMeta, fixHint: string | undefined): string {
  const w = WORDS[lang];
  const rule = rules[f.ruleId];
  const loc = f.locator ? `${f.file} ${f.locator}` : `${f.file}:${f.line}:${f.column}`;
  const fix = fixHint ? `<div class="fix"><b>${e(w.fix)}${e(w.colon)}</b>${e(fixHint)}</div>` : "";
  const cite = citeText(f, lang);
  const ev = f.evidence
    ? `<blockquote class="evidence" lang="zh-CN"><cite>${e(w.evidence)} · ${e(f.evidence.file)} ${e(f.evidence.locator)}</cite>${e(f.evidence.excerpt)}</blockquote>`
    : "";
  return (
    `<li class="finding ${e(f.severity)}" data-rule="${e(f.ruleId)}" data-severity="${e(f.severity)}">` +
    `<span class="badge ${e(f.severity)}">${e(SEVERITY_WORD[lang][f.severity] ?? f.severity)}</span>` +
    `<span class="msg">${e(f.message)}</span>` +
    '<div class="facts">' +
    `<span title="${e(w.location)}"><code class="loc">${e(loc)}</code></span>` +
    `<span title="${e(w.rule)}"><code class="rule">${e(f.ruleId)}</code>${rule ? ` <span class="rule-title">${e(rule.title[lang])}</span>` : ""}</span>` +
    (cite ? `<span class="cite">${e(w.citation)}${e(w.colon)}${e(cite)}</span>` : "") +
    "</div>" +
    ev +
    fix +
    "</li>"
  );
}

/** Past this, a proposal's messages are left out of its search text (ids, titles, conditions stay). */
const MAX_SEARCH_CHARS = 20_000;

/**
 * What the filter matches for a proposal, NFKC-normalised and lower-cased as the script does with
 * the query: its path and name, its findings' rule ids, rule titles and conditions (in both
 * languages, with 条件（二）-style numbers), its status words, and its messages while they fit.
 */
function searchText(p: ProposalReport, rules: RulesMeta): string {
  const parts = new Set<string>([p.path, p.name ?? "", STATUS_WORDS.zh[statusKey(p)], STATUS_WORDS.en[statusKey(p)]]);
  for (const f of p.findings) {
    if (parts.has(f.ruleId)) continue;
    parts.add(f.ruleId);
    const meta = rules[f.ruleId];
    if (meta) {
      parts.add(meta.title.zh);
      parts.add(meta.title.en);
    }
    const g = groupOf(f, rules);
    const label = GROUP_LABEL[g];
    for (const t of [g, label.zh, label.en, label.no?.zh ?? "", label.no?.en ?? ""]) parts.add(t);
  }
  let size = 0;
  for (const t of parts) size += t.length + 1;
  for (const f of p.findings) {
    if (parts.has(f.message)) continue;
    if (size + f.message.length + 1 > MAX_SEARCH_CHARS) break;
    parts.add(f.message);
    size += f.message.length + 1;
  }
  // Joined by a space: a query's words hold none, so no word matches across two parts.
  return [...parts].filter(Boolean).join(" ").normalize("NFKC").toLowerCase();
}

/** Per rule: how many proposals and findings it has, most proposals first; a click filters by it. */
function ruleTable(report: Report, lang: Lang, rules: RulesMeta): string[] {
  const w = WORDS[lang];
  const counts = ruleCounts(report);
  if (counts.length === 0) return [];
  const out = [
    `<h3 class="sub" id="by-rule-h">${e(w.byRule)}</h3>`,
    '<table id="rule-table" aria-labelledby="by-rule-h">',
    `<thead><tr><th>${e(w.ruleCol)}</th><th>${e(w.condition)}</th><th>${e(w.severityCol)}</th><th class="n">${e(w.proposalsCol)}</th><th class="n">${e(w.findingsCol)}</th></tr></thead>`,
    "<tbody>",
  ];
  for (const c of counts) {
    const meta = rules[c.ruleId];
    const g = meta && (GROUPS as readonly string[]).includes(meta.condition) ? (meta.condition as Group) : "other";
    out.push(
      `<tr data-rule="${e(c.ruleId)}"><th scope="row"><button type="button" class="rule-filter" data-rule="${e(c.ruleId)}" title="${e(w.filterBy(c.ruleId))}"><code>${e(c.ruleId)}</code></button>` +
        `${meta ? ` <span class="rule-title">${e(meta.title[lang])}</span>` : ""}</th>` +
        `<td>${groupHeading(g, lang)}</td><td><span class="badge ${e(c.severity)}">${e(SEVERITY_WORD[lang][c.severity] ?? c.severity)}</span></td>` +
        `<td class="n">${c.proposals}</td><td class="n">${c.findings}</td></tr>`,
    );
  }
  out.push("</tbody>", "</table>");
  return out;
}

/**
 * The rules checked under the report's profile, by condition, each with the clauses it applies:
 * what a clean report vouches for. Open when nothing was found, folded otherwise.
 */
function checkedRules(report: Report, lang: Lang, rules: RulesMeta, clean: boolean): string[] {
  const w = WORDS[lang];
  const active = Object.values(rules).filter((r) => r.severity !== undefined);
  if (active.length === 0) return [];
  const profile = typeof report.profile === "string" ? report.profile : profileLabel(report.profile, lang);
  const out = ['<section id="checked" aria-labelledby="checked-h">', `<details${clean ? " open" : ""}>`, `<summary><h2 id="checked-h" style="display:inline">${e(w.checked)}</h2></summary>`];
  if (clean) out.push(`<p data-clean="true"><b>${e(w.cleanIntro)}</b></p>`);
  out.push(`<p class="muted">${e(w.checkedIntro(active.length, profile))}</p>`);
  for (const g of GROUPS) {
    const list = active.filter((r) => ((GROUPS as readonly string[]).includes(r.condition) ? r.condition : "other") === g);
    if (list.length === 0) continue;
    out.push(`<h4>${groupHeading(g, lang)}</h4>`, "<ul>");
    for (const r of list) {
      const cites = r.citations.length ? r.citations.map((c) => c[lang]).join(lang === "zh" ? "；" : "; ") : w.noCitation;
      out.push(`<li data-rule="${e(r.id)}"><code>${e(r.id)}</code> ${e(r.title[lang])} <span class="cites">— ${e(cites)}</span></li>`);
    }
    out.push("</ul>");
  }
  out.push("</details>", "</section>");
  return out;
}
