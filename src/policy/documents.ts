// The two policy documents the rules come from (../shared/policy). Findings cite them by their
// Chinese designation, as reviewers at the science departments do; human formats add English.
import type { Citation, Text } from "../types.js";

export type DocumentId = "N" | "HLJ";

/** A policy document rules and profiles cite: its short designation and its full title. */
export interface PolicyDocumentDef {
  name: Text;
  full: Text;
}

export const DOCUMENTS: Record<DocumentId, PolicyDocumentDef> = {
  N: {
    name: { zh: "国科发政〔2008〕770号", en: "Guokefazheng [2008] No. 770" },
    full: {
      zh: "科技部等六部门《关于推动产业技术创新战略联盟构建的指导意见》（国科发政〔2008〕770号）",
      en: "MOST et al., Guiding Opinions on Promoting the Construction of Industrial Technology Innovation Strategic Alliances (Guokefazheng [2008] No. 770)",
    },
  },
  HLJ: {
    name: { zh: "黑龙江省工作意见", en: "Heilongjiang Work Opinion" },
    full: {
      zh: "黑龙江省《关于推进我省产业技术创新战略联盟建设的工作意见》",
      en: "Heilongjiang Province, Work Opinion on Advancing the Province's Industrial Technology Innovation Strategic Alliances",
    },
  },
};

export interface PolicyRef {
  doc: DocumentId;
  /** As the document numbers it: 第八条（二）, 第6条. */
  article: Text;
}

export const N = (zhClause: string, enClause: string): PolicyRef => ({
  doc: "N",
  article: { zh: `第八条（${zhClause}）`, en: `Art. 8(${enClause})` },
});
const CN_NUMERALS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
/** A whole article of N: 第三条 (the guiding principle 「以企业为主体」). */
export const N_ARTICLE = (n: number): PolicyRef => ({ doc: "N", article: { zh: `第${CN_NUMERALS[n] ?? n}条`, en: `Art. ${n}` } });
export const HLJ = (n: number): PolicyRef => ({ doc: "HLJ", article: { zh: `第${n}条`, en: `Art. ${n}` } });

/** The citation object of the JSON report: stable Chinese designations. */
export function citationOf(ref: PolicyRef): Citation {
  return { document: DOCUMENTS[ref.doc].name.zh, article: ref.article.zh };
}

export function citationText(ref: PolicyRef, lang: "zh" | "en"): string {
  return lang === "zh" ? `${DOCUMENTS[ref.doc].name.zh} ${ref.article.zh}` : `${DOCUMENTS[ref.doc].name.en}, ${ref.article.en}`;
}

import { CLAUSES } from "./clauses.js";

/** The clause's text as the policy document words it. */
export function clauseText(ref: PolicyRef): string | undefined {
  return CLAUSES[`${ref.doc} ${ref.article.zh}`];
}

const ZH_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十 → 20; Arabic digits as they are; undefined for anything else. */
function numeral(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二三四五六七八九两]?)(十?)([一二三四五六七八九]?)$/.exec(s);
  if (!m || s === "") return undefined;
  if (!m[2]) return m[1] ? ZH_DIGITS[m[1]] : undefined;
  return (m[1] ? ZH_DIGITS[m[1]] : 1) * 10 + (m[3] ? ZH_DIGITS[m[3]] : 0);
}

/** 第八条（三） → "Art. 8(3)", 第6条 → "Art. 6"; other article texts stay as written. */
export function articleInEnglish(article: string): string {
  const m = /^第(.+?)条(?:（(.+?)）)?$/.exec(article.trim());
  const n = m ? numeral(m[1]) : undefined;
  if (!m || n === undefined) return article;
  if (!m[2]) return `Art. ${n}`;
  const sub = numeral(m[2]);
  return sub === undefined ? article : `Art. ${n}(${sub})`;
}

/**
 * A report's citation as people read it: the Chinese designation in zh; in en, the English name
 * of a built-in document (a profile's own source keeps its title) and the article in English.
 */
export function citationLabel(c: Citation): Text {
  const id = (Object.keys(DOCUMENTS) as DocumentId[]).find((k) => DOCUMENTS[k].name.zh === c.document);
  const zh = c.article ? `${c.document} ${c.article}` : c.document;
  if (!id) return { zh, en: c.article ? `${c.document}, ${articleInEnglish(c.article)}` : c.document };
  return { zh, en: `${DOCUMENTS[id].name.en}, ${articleInEnglish(c.article)}` };
}
