// Shapes shared by every document reader (../shared/spec/documents.md §2–§3). A reader turns a
// file into blocks in reading order; the splitter, topic finder and term parser work on blocks
// only, so they behave the same whatever the source format was.
import type { Text } from "../types.js";

export type DocumentFormat = "docx" | "pdf" | "md" | "txt";

/** What a block is in its source: a Word paragraph, a table row, a text-box paragraph, a line… */
export type BlockKind = "paragraph" | "table-row" | "text-box" | "heading" | "list-item" | "quote" | "line";

/** Where a character of a block's text came from (md/txt: line:column in the file). */
export interface SourcePoint {
  /** Offset in the block's `text` (UTF-16 code units). */
  offset: number;
  line: number;
  column: number;
}

export interface Block {
  /** The text as a reader sees it; for .docx Word's automatic label comes first ("第一条 …"). */
  text: string;
  /** 1-based position among the document's blocks (.docx: the ¶ number of documents.md §2). */
  index: number;
  kind: BlockKind;
  /** .docx: the label Word computes from numbering.xml, when the paragraph is numbered. */
  label?: string;
  /** 1-based line of the block's first character (.docx: = index; .pdf: line over the whole text). */
  line: number;
  /** 1-based column (.docx/.pdf: 1). */
  column: number;
  /** .pdf only: page and line on the page (`p.4 l.12`). */
  page?: number;
  pageLine?: number;
  /** .md/.txt: where each stretch of `text` came from, to locate a match at line:column. */
  map?: SourcePoint[];
}

export interface ReadFailure {
  ok: false;
  /** What went wrong and what to do, in both languages. */
  reason: Text;
  /** The limit that stopped the read, when one did (e.g. "zip.entryBytes"). */
  limit?: string;
  /** A short machine-readable class: "not-zip", "encrypted", "legacy-office", "truncated", "limit", "no-text-layer", "corrupt", "no-header-row", "unsupported", "decode". */
  kind: string;
}

export interface DocumentRead {
  ok: true;
  format: DocumentFormat;
  blocks: Block[];
  /** .pdf: number of pages; otherwise undefined. */
  pages?: number;
}

export type ReadResult = DocumentRead | ReadFailure;
