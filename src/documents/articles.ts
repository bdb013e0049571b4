// The article splitter of documents.md §3 "Articles": a block starting with 第<n>章 opens a
// chapter, with 第<n>条 an article that runs to the next article or chapter. Text before the
// first article and chapter headings are in no article. A document without any article makes
// each block its own article. Articles carry a normalised text with a map back to their blocks,
// so a match can be located (¶, p.N l.M, line:column) and quoted.
import { NUMERAL_CLASS, parseNumeral } from "./numerals.js";
import { normalizeWithMap } from "./normalize.js";
import type { Block } from "./types.js";

export interface Article {
  /** Index of the document in the list given to splitDocuments (0-based). */
  doc: number;
  /** The label as written, spaces removed ("第十二条"); "" for a block standing as its own article. */
  label: string;
  /** The article's number (12 for 第十二条); NaN when it has none. */
  number: number;
  /** The chapter heading the article is under, if any ("第三章 组织机构"). */
  chapter?: string;
  blocks: Block[];
  /** Blocks joined with nothing between them. */
  text: string;
  /** Matching form of `text` (normalize.ts). */
  normalized: string;
  /** For each normalized character: which block (position in `blocks`) and offset in its text. */
  source: { block: number; offset: number }[];
}

export interface SplitDocument {
  articles: Article[];
  chapters: { label: string; block: Block }[];
  /** False when the document has no 第<n>条 and each block stands as its own article. */
  hasArticles: boolean;
}

const HEAD = new RegExp(`^[\\s\\u3000]*(第[\\s\\u3000]*([${NUMERAL_CLASS}]+)[\\s\\u3000]*(章|条))`, "u");

/** Does a block open a chapter or an article? */
export function headingOf(text: string): { kind: "chapter" | "article"; label: string; number: number } | undefined {
  const m = HEAD.exec(text);
  if (!m) return undefined;
  const number = parseNumeral(m[2]);
  if (!Number.isFinite(number)) return undefined;
  return { kind: m[3] === "章" ? "chapter" : "article", label: m[1].replace(/[\s\u3000]/gu, ""), number };
}

function makeArticle(doc: number, label: string, number: number, blocks: Block[], chapter?: string): Article {
  let text = "";
  let normalized = "";
  const source: Article["source"] = [];
  blocks.forEach((b, k) => {
    text += b.text;
    const n = normalizeWithMap(b.text);
    normalized += n.text;
    for (const off of n.source) source.push({ block: k, offset: off });
  });
  const a: Article = { doc, label, number, blocks, text, normalized, source };
  if (chapter !== undefined) a.chapter = chapter;
  return a;
}

/** Splits one document's blocks into articles. */
export function splitArticles(blocks: Block[], doc = 0): SplitDocument {
  const articles: Article[] = [];
  const chapters: SplitDocument["chapters"] = [];
  let chapter: string | undefined;
  let current: { label: string; number: number; blocks: Block[]; chapter?: string } | undefined;
  const flush = (): void => {
    if (current) articles.push(makeArticle(doc, current.label, current.number, current.blocks, current.chapter));
    current = undefined;
  };
  for (const b of blocks) {
    const h = headingOf(b.text);
    if (h?.kind === "chapter") {
      flush();
      chapter = b.text.trim();
      chapters.push({ label: h.label, block: b });
    } else if (h?.kind === "article") {
      flush();
      current = { label: h.label, number: h.number, blocks: [b], chapter };
    } else if (current) current.blocks.push(b);
  }
  flush();
  if (articles.length === 0) {
    return { articles: blocks.map((b) => makeArticle(doc, "", NaN, [b])), chapters, hasArticles: false };
  }
  return { articles, chapters, hasArticles: true };
}

/** Where a normalized offset of an article lies: the block and the offset in that block's text. */
export function sourceAt(article: Article, normalizedOffset: number): { block: Block; offset: number } {
  const s = article.source[Math.min(normalizedOffset, article.source.length - 1)] ?? { block: 0, offset: 0 };
  return { block: article.blocks[s.block], offset: s.offset };
}
