// "Terms stated in the text" (documents.md §3): the first article, over the documents in the order
// they are linked, that holds 有效期/协议期限/合作期限/联盟期限 together with a number of years or a
// pair of dates is the statement; in it the first number of years and the first pair of dates
// are read. A number followed by 年 and then a month and 月 is a date, not years; a range such as
// 三至五年 or 3-5年 states nothing.
import { sourceAt, type Article } from "./articles.js";
import { NUMERAL_CLASS, parseNumeral, parseYear } from "./numerals.js";
import type { Block } from "./types.js";

export const TERM_KEYWORDS = ["有效期", "协议期限", "合作期限", "联盟期限"] as const;

const N = `[${NUMERAL_CLASS}]+`;
const YEARS = new RegExp(`(${N})年`, "gu");
const DATE = `(${N})年(${N})月(${N})日`;
const DATE_PAIR = new RegExp(`${DATE}(?:起)?(?:至|到)${DATE}`, "u");
const RANGE_BEFORE = new RegExp(`${N}(?:至|到|-|~|～|—|–|或)$`, "u");
const MONTH_AFTER = new RegExp(`^${N}月`, "u");

export interface TermStatement {
  article: Article;
  /** The keyword that made the article a statement, and where it begins (the excerpt starts there). */
  keyword: string;
  block: Block;
  offset: number;
  /** The first number of years stated, if any. */
  years?: number;
  /** The first pair of dates stated, as YYYY-MM-DD, if any. */
  dates?: { start: string; end: string };
}

/** The first number of years in a normalised text (ranges and dates excluded). */
export function findYears(normalized: string): number | undefined {
  YEARS.lastIndex = 0;
  for (let m = YEARS.exec(normalized); m; m = YEARS.exec(normalized)) {
    const after = normalized.slice(m.index + m[0].length);
    if (MONTH_AFTER.test(after)) continue;
    if (RANGE_BEFORE.test(normalized.slice(0, m.index))) continue;
    const v = parseNumeral(m[1]);
    // A 4-digit year (自2024年起) is a date, never a term; real terms are 1–100 years.
    if (Number.isFinite(v) && v >= 1 && v <= 100) return v;
  }
  return undefined;
}

function isoDate(y: string, m: string, d: string): string | undefined {
  const year = parseYear(y);
  const month = parseNumeral(m);
  const day = parseNumeral(d);
  if (!(year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The first pair of dates (自…起至…止, …至…) in a normalised text. */
export function findDatePair(normalized: string): { start: string; end: string } | undefined {
  const m = DATE_PAIR.exec(normalized);
  if (!m) return undefined;
  const start = isoDate(m[1], m[2], m[3]);
  const end = isoDate(m[4], m[5], m[6]);
  return start && end ? { start, end } : undefined;
}

/** The term statement of a set of documents' articles (documents in linked order), if any. */
export function findTermStatement(articles: readonly Article[]): TermStatement | undefined {
  for (const article of articles) {
    const hits = TERM_KEYWORDS.map((k) => ({ k, at: article.normalized.indexOf(k) })).filter((h) => h.at >= 0);
    if (hits.length === 0) continue;
    const years = findYears(article.normalized);
    const dates = findDatePair(article.normalized);
    if (years === undefined && dates === undefined) continue;
    const first = hits.reduce((a, b) => (b.at < a.at ? b : a));
    const s: TermStatement = { article, keyword: first.k, ...sourceAt(article, first.at) };
    if (years !== undefined) s.years = years;
    if (dates) s.dates = dates;
    return s;
  }
  return undefined;
}
