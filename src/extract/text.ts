// Text helpers for `extract`: sentences, items, clean values, dates and unit names. Everything
// here works on the blocks and articles of src/documents, so extract reads a document exactly as
// the evidence rules do; the extra words used here only choose values, they never decide whether
// a topic is found (that stays with the library's TOPICS table).
import { normalizeForMatch, parseNumeral, parseYear, type Article, type Block } from "../documents/index.js";

/** Han characters and CJK/full-width punctuation: Chinese typography puts no space next to them. */
const WIDE = "\\u2e80-\\u9fff\\u3000-\\u303f\\uff00-\\uffef\\u201c\\u201d\\u2018\\u2019";

/**
 * A value as a person would type it: spaces next to Chinese text dropped (PDF extraction writes
 * `零下 35℃`, Word titles are letter-spaced `总　　则`), other whitespace runs made one space,
 * trailing punctuation of a sentence or item removed.
 */
export function cleanValue(text: string): string {
  return text
    .replace(/[\u200b-\u200f\u2060\ufeff]/gu, "")
    .replace(new RegExp(`\\s+(?=[${WIDE}])|(?<=[${WIDE}])\\s+`, "gu"), "")
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/[；;。，,、：:\s]+$/u, "")
    .trim();
}

const ARTICLE_LABEL = /^[\s\u3000]*第[\s\u3000]*[0-9０-９〇○零一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟]+[\s\u3000]*条[\s\u3000]*/u;

/** The text of a block without its 第X条 label (Word's automatic label included). */
export function withoutLabel(text: string): string {
  return text.replace(ARTICLE_LABEL, "");
}

/**
 * Sentences longer than this are skipped where extract looks for roles (liable entity, host,
 * custodian, aliases): real sentences are far shorter, and a hostile 1 MB "sentence" must not
 * cost time quadratic in its length.
 */
export const MAX_ROLE_SENTENCE = 2000;

export interface Sentence {
  /** The sentence as written (no label, no ending mark). */
  text: string;
  /** Its matching form (normalize.ts). */
  normalized: string;
  /** The block it starts in. */
  block: Block;
}

/**
 * An article's sentences: a sentence ends at 。；！？ (also ; ! ?) or at the end of a block. In a
 * line-based document (.pdf, .txt) a block is a printed line, so a line continues the one
 * before unless that one ended a sentence or a heading (：) or this one starts an item; running
 * page lines (`第 1 页共 4 页`) are skipped.
 */
export function sentencesOf(article: Article, lineBased = false): Sentence[] {
  const key = lineBased ? 1 : 0;
  const cached = cache.get(article)?.[key];
  if (cached) return cached;
  const segments: { text: string; block: Block }[] = [];
  article.blocks.forEach((b, k) => {
    const text = k === 0 ? withoutLabel(b.text) : b.text;
    const last = segments[segments.length - 1];
    if (lineBased && isPageLine(text)) return;
    if (lineBased && last && !/[。；！？;!?：:]\s*$/u.test(last.text) && !stripItemMark(text).marked) last.text += text;
    else segments.push({ text, block: b });
  });
  const out: Sentence[] = [];
  for (const seg of segments) {
    for (const piece of seg.text.split(/[。；！？;!?]/u)) {
      const t = piece.trim();
      if (t === "") continue;
      out.push({ text: t, normalized: normalizeForMatch(t), block: seg.block });
    }
  }
  const entry = cache.get(article) ?? [];
  entry[key] = out;
  cache.set(article, entry);
  return out;
}

const cache = new WeakMap<Article, Sentence[][]>();

/** Does a normalized text hold a term `A` or `A+B` (both parts)? */
export function holdsTerm(normalized: string, term: string): boolean {
  return term.split("+").every((p) => normalized.includes(normalizeForMatch(p)));
}

/** How many times the parts of a topic's terms occur in a normalized text. */
export function countTerms(normalized: string, terms: readonly string[]): number {
  let n = 0;
  for (const term of terms) {
    if (!holdsTerm(normalized, term)) continue;
    const first = normalizeForMatch(term.split("+")[0]);
    for (let at = normalized.indexOf(first); at >= 0; at = normalized.indexOf(first, at + first.length)) n++;
  }
  return n;
}

// Item marks inside an article (documents.md §3): （一） 一、 1. 1、 (1) ①.
const ITEM_MARK = /^[\s\u3000]*(?:[（(][0-9０-９一二三四五六七八九十百]+[)）]|[一二三四五六七八九十百]+[、.．]|[0-9０-９]{1,3}(?:[、．]|\.(?!\d))|[①-⑳])[\s\u3000]*/u;
/** A running page line a PDF or a print keeps (`第 1 页共 4 页`, `- 3 -`): never part of an item. */
const PAGE_LINE = /^[\s\u3000]*(?:第\s*\d+\s*页\s*[，,]?\s*共\s*\d+\s*页|[-—–]\s*\d+\s*[-—–]|\d+\s*\/\s*\d+)[\s\u3000]*$/u;

export function isPageLine(text: string): boolean {
  return PAGE_LINE.test(text);
}

export function stripItemMark(text: string): { marked: boolean; text: string } {
  const m = ITEM_MARK.exec(text);
  return m ? { marked: true, text: text.slice(m[0].length) } : { marked: false, text };
}

export interface Item {
  text: string;
  block: Block;
}

/**
 * The items of an article: blocks after its first that carry an item mark (or are Markdown list
 * items); in line-based documents (.txt, .pdf) a line without a mark continues the open item.
 * Items written inside the first block (`目标是：（一）…；（二）…`) are split there.
 */
export function itemsOf(article: Article, lineBased: boolean): Item[] {
  const items: Item[] = [];
  let open: Item | undefined;
  article.blocks.forEach((b, k) => {
    if (isPageLine(b.text)) return;
    if (k === 0) {
      const body = withoutLabel(b.text);
      const parts = body.split(/(?=[（(][一二三四五六七八九十]+[)）])/u);
      for (const p of parts.slice(1)) items.push({ text: stripItemMark(p).text, block: b });
      open = lineBased && parts.length > 1 ? items[items.length - 1] : undefined;
      return;
    }
    const s = stripItemMark(b.text);
    if (s.marked || b.kind === "list-item") {
      open = { text: s.text, block: b };
      items.push(open);
    } else if (open && lineBased && !/[。；;]\s*$/u.test(open.text)) {
      open.text += b.text;
    } else open = undefined;
  });
  return items.map((i) => ({ ...i, text: cleanValue(i.text) })).filter((i) => i.text !== "");
}

const N = "[0-9０-９〇○零一二两三四五六七八九十]+";
const DATE_CN = new RegExp(`(${N})\\s*年\\s*(${N})\\s*月\\s*(${N})\\s*日`, "u");
const DATE_DOT = /(\d{4})\s*[.\-/．]\s*(\d{1,2})\s*[.\-/．]\s*(\d{1,2})(?!\d)/u;

/** A date written 2024年3月20日, 2024.3.20, 2024-03-20 or 二〇二四年三月二十日, as YYYY-MM-DD. */
export function parseDateText(text: string): string | undefined {
  const m = DATE_CN.exec(text) ?? DATE_DOT.exec(text);
  if (!m) return undefined;
  const y = parseYear(m[1]);
  const mo = parseNumeral(m[2]);
  const d = parseNumeral(m[3]);
  if (!(y >= 1900 && y <= 2999 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31)) return undefined;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Where a date starts in a text, for cutting a signature row. */
export function dateAt(text: string): number {
  const a = DATE_CN.exec(text)?.index ?? -1;
  const b = DATE_DOT.exec(text)?.index ?? -1;
  if (a < 0) return b;
  if (b < 0) return a;
  return Math.min(a, b);
}

/** The endings of an organisation's name (公司, 大学, 研究院 …). */
export const UNIT_SUFFIX = "(?:有限责任公司|股份有限公司|有限公司|公司|集团|大学|学院|学校|研究院|研究所|研究中心|科学院|中心|协会|学会|医院|工厂|厂|站|院|所|社)";
const UNIT_NAME = new RegExp(`^[\\p{Script=Han}A-Za-z0-9（）()·\\-]{2,60}${UNIT_SUFFIX}$`, "u");

/** Does a text look like the full name of an organisation? */
export function looksLikeUnit(text: string): boolean {
  const t = text.replace(/[\s\u3000]/gu, "");
  return t.length >= 4 && t.length <= 64 && UNIT_NAME.test(t);
}

/** A number of people (`三名`, `3人`) → 3; NaN when not a count. */
export function peopleCount(numeral: string): number {
  const n = parseNumeral(numeral);
  return Number.isInteger(n) && n >= 0 && n <= 10000 ? n : NaN;
}
