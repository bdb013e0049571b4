// Locators and excerpts (documents.md §2): `第十二条 ¶35` / `¶35` for .docx, `p.4 l.12` for .pdf,
// `line:column` for .md/.txt. Excerpts are at most 40 characters: reports quote documents only
// in short pieces.
import type { Article } from "./articles.js";
import type { Block, DocumentFormat } from "./types.js";

export const EXCERPT_MAX = 40;

/** line:column of an offset inside a .md/.txt block's text. */
export function positionIn(block: Block, offset: number): { line: number; column: number } {
  const map = block.map;
  if (!map || map.length === 0) return { line: block.line, column: block.column };
  let seg = map[0];
  for (const s of map) {
    if (s.offset <= offset) seg = s;
    else break;
  }
  return { line: seg.line, column: seg.column + (offset - seg.offset) };
}

/** The locator of a place in a document; `article` adds its label for .docx. */
export function locatorOf(format: DocumentFormat, block: Block, offset = 0, article?: Article): string {
  switch (format) {
    case "docx":
      return article?.label ? `${article.label} ¶${block.index}` : `¶${block.index}`;
    case "pdf":
      return `p.${block.page ?? 1} l.${block.pageLine ?? block.line}`;
    default: {
      const p = positionIn(block, offset);
      return `${p.line}:${p.column}`;
    }
  }
}

/** At most 40 characters (code points) of text from `offset`, whitespace runs shown as one space. */
export function excerptFrom(text: string, offset: number, max = EXCERPT_MAX): string {
  const tail = text.slice(Math.max(0, offset)).replace(/\s+/gu, " ").trim();
  return Array.from(tail).slice(0, max).join("").trimEnd();
}

/** An excerpt of an article starting at a block offset (the article's text spans all its blocks). */
export function articleExcerpt(article: Article, block: Block, offset: number, max = EXCERPT_MAX): string {
  let start = 0;
  for (const b of article.blocks) {
    if (b === block) break;
    start += b.text.length;
  }
  return excerptFrom(article.text, start + offset, max);
}
