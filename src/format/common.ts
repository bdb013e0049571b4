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
