// Words and helpers the human formats share: status names, the place of a finding (its locator
// in a binary file, else line:column), its citation, and the line that names the profile and
// config in force (cli.md revision 2).
import { citationLabel } from "../policy/documents.js";
import { profileLabel } from "../report.js";
import type { Finding, Lang, Report, Status } from "../types.js";
import { visible } from "./visible.js";

export const STATUS_WORDS: Record<Lang, Record<Status, string>> = {
  zh: { pass: "通过", fail: "未通过", unaudited: "未审核" },
  en: { pass: "pass", fail: "fail", unaudited: "unaudited" },
};

/** `成员名单!D7` where a binary file has one, else `12:5`. */
export function placeOf(f: Finding): string {
  return f.locator ? visible(f.locator) : `${f.line}:${f.column}`;
}

/** The finding's citation(s) as people read them: `国科发政〔2008〕770号 第八条（二）`. */
export function citeText(f: Finding, lang: Lang): string {
  if (!f.citation) return "";
  const all = [f.citation, ...(f.alsoCites ?? [])].map((c) => visible(citationLabel(c)[lang]));
  return all.join(lang === "zh" ? "；" : "; ");
}

/** `“本协议有效期为五年” (联盟协议.docx 第九条 ¶41)`: the words a finding rests on. */
export function evidenceText(f: Finding, lang: Lang): string | undefined {
  const e = f.evidence;
  if (!e) return undefined;
  return lang === "zh" ? `原文“${visible(e.excerpt)}”（${visible(e.file)} ${visible(e.locator)}）` : `the text says "${visible(e.excerpt)}" (${visible(e.file)} ${visible(e.locator)})`;
}

/** One line: which profile, config file and as-of date the report was made with. */
export function settingsLine(report: Report, lang: Lang): string {
  const profile = visible(profileLabel(report.profile, lang));
  const config = report.config ? visible(report.config) : lang === "zh" ? "无" : "none";
  return lang === "zh" ? `规则集 ${profile}；配置文件 ${config}；审核日期 ${visible(report.asOf)}` : `profile ${profile}; config ${config}; as of ${visible(report.asOf)}`;
}

/** "1 proposal could not be audited" and its plural, or "" when every proposal was audited. */
export function unauditedText(n: number, lang: Lang): string {
  if (n === 0) return "";
  return lang === "zh" ? `${n} 份申报材料未能审核` : `${n} proposal${n === 1 ? "" : "s"} could not be audited`;
}

/**
 * Proposals in a reviewer's order: those that need attention (failing or unaudited) first, then
 * those that passed, each group in the report's own (path) order. A forged status counts as
 * needing attention, never as a pass.
 */
export function triageOrder<P extends { status: string }>(proposals: readonly P[]): P[] {
  const first: P[] = [];
  const passed: P[] = [];
  for (const p of proposals) (p.status === "pass" ? passed : first).push(p);
  return first.concat(passed);
}

export interface RuleCount {
  ruleId: string;
  /** Proposals with at least one finding of the rule. */
  proposals: number;
  findings: number;
  /** The highest severity among its findings. */
  severity: Finding["severity"];
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Per rule, how many proposals and findings have it: most proposals first, then by rule id. */
export function ruleCounts(report: Report): RuleCount[] {
  const by = new Map<string, RuleCount>();
  for (const p of report.proposals) {
    const seen = new Set<string>();
    for (const f of p.findings) {
      let c = by.get(f.ruleId);
      if (!c) by.set(f.ruleId, (c = { ruleId: f.ruleId, proposals: 0, findings: 0, severity: f.severity }));
      c.findings++;
      if ((RANK[f.severity] ?? 2) < (RANK[c.severity] ?? 2)) c.severity = f.severity;
      if (!seen.has(f.ruleId)) {
        seen.add(f.ruleId);
        c.proposals++;
      }
    }
  }
  return [...by.values()].sort((a, b) => b.proposals - a.proposals || b.findings - a.findings || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

/** "187 proposals: agreement/expired" / "187 份申报材料：agreement/expired". */
export function ruleCountText(c: RuleCount, lang: Lang): string {
  const id = visible(c.ruleId);
  if (lang === "zh") return `${c.proposals} 份申报材料：${id}（${c.findings} 个问题）`;
  return `${c.proposals} proposal${c.proposals === 1 ? "" : "s"}: ${id} (${c.findings} finding${c.findings === 1 ? "" : "s"})`;
}
