// .txt and .md → blocks (documents.md §3). Text is decoded like every other file
// (src/load/decode.ts: UTF-8 with or without BOM, UTF-16 with BOM, GB18030). Markdown is read
// line by line, not with remark: a CommonMark parser merges consecutive `第一条…`/`第二条…` lines
// into one paragraph and turns `1. 第三条` into a list (documents-libraries.md §5.1).
import { decode } from "../load/decode.js";
import { DocumentError } from "./errors.js";
import type { Block, BlockKind, SourcePoint } from "./types.js";

export function decodeDocument(bytes: Uint8Array): string {
  const d = decode(bytes);
  if (!d.ok) throw new DocumentError(d.message, "decode");
  return d.text;
}

function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** .txt: every non-empty line is a block, located at its line. */
export function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  splitLines(text).forEach((line, i) => {
    if (line.trim() === "") return;
    const index = blocks.length + 1;
    blocks.push({ text: line, index, kind: "line", line: i + 1, column: 1, map: [{ offset: 0, line: i + 1, column: 1 }] });
  });
  return blocks;
}

/** Builds a block's text from pieces of source lines, remembering where each piece came from. */
class Builder {
  text = "";
  map: SourcePoint[] = [];
  add(piece: string, line: number, column: number): void {
    if (piece === "") return;
    this.map.push({ offset: this.text.length, line, column });
    this.text += piece;
  }
}

/** Inline Markdown: emphasis marks, code ticks and link targets are not text; link text is. */
function inline(b: Builder, s: string, line: number, column: number): void {
  const token = /!?\[([^\]]*)\]\([^)]*\)|\*{1,3}|~~|`+|<\/?[a-zA-Z][^>]*>|\\([\\`*_{}[\]()#+\-.!|])/g;
  let last = 0;
  for (let m = token.exec(s); m; m = token.exec(s)) {
    b.add(s.slice(last, m.index), line, column + last);
    if (m[0].startsWith("[") || m[0].startsWith("![")) b.add(m[1], line, column + m.index + (m[0].startsWith("!") ? 2 : 1));
    else if (m[2] !== undefined) b.add(m[2], line, column + m.index + 1);
    last = m.index + m[0].length;
  }
  b.add(s.slice(last), line, column + last);
}

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$/;
const LIST = /^(\s*)([-*+]|\d{1,9}[.)])[ \t]+/;
const TABLE_SEP = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;
const RULE = /^ {0,3}([-*_])( *\1){2,} *$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** .md: paragraphs (lines joined with nothing), headings, list items, table rows, quoted paragraphs. */
export function markdownBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let open: { b: Builder; kind: BlockKind } | undefined;
  let fence: string | undefined;
  const close = (): void => {
    if (open && open.b.text.trim() !== "") {
      const first = open.b.map[0];
      blocks.push({ text: open.b.text, index: blocks.length + 1, kind: open.kind, line: first.line, column: first.column, map: open.b.map });
    }
    open = undefined;
  };
  const start = (kind: BlockKind): { b: Builder; kind: BlockKind } => {
    close();
    const o = { b: new Builder(), kind };
    open = o;
    return o;
  };
  type Open = { b: Builder; kind: BlockKind };
  splitLines(text).forEach((raw, i) => {
    const lineNo = i + 1;
    const f = FENCE.exec(raw);
    if (fence !== undefined) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = undefined;
      else if (raw.trim() !== "") {
        const o = start("paragraph");
        o.b.add(raw, lineNo, 1);
        close();
      }
      return;
    }
    if (f) {
      close();
      fence = f[1];
      return;
    }
    if (raw.trim() === "") {
      close();
      return;
    }
    // Blockquote marks are not text; what follows is read like any line.
    let body = raw;
    let col = 1;
    let quoted = false;
    for (let q = /^ {0,3}>[ ]?/.exec(body); q; q = /^ {0,3}>[ ]?/.exec(body)) {
      body = body.slice(q[0].length);
      col += q[0].length;
      quoted = true;
    }
    if (quoted && body.trim() === "") {
      close();
      return;
    }
    const h = HEADING.exec(body);
    if (h) {
      const o = start("heading");
      const at = body.indexOf(h[2], h[1].length);
      inline(o.b, h[2], lineNo, col + Math.max(at, 0));
      close();
      return;
    }
    if (RULE.test(body)) {
      close();
      return;
    }
    if (/^\s*\|/.test(body) || (/\|/.test(body) && open?.kind === "table-row")) {
      if (TABLE_SEP.test(body)) return;
      const o = start("table-row");
      // Cells split on unescaped pipes; the outer pipes are not text.
      const cells: { text: string; at: number }[] = [];
      let cur = "";
      let curAt = 0;
      for (let k = 0; k < body.length; k++) {
        const ch = body[k];
        if (ch === "\\" && body[k + 1] === "|") {
          cur += "|";
          k++;
        } else if (ch === "|") {
          cells.push({ text: cur, at: curAt });
          cur = "";
          curAt = k + 1;
        } else cur += ch;
      }
      cells.push({ text: cur, at: curAt });
      const inner = cells.slice(/^\s*\|/.test(body) ? 1 : 0, /\|\s*$/.test(body) ? -1 : undefined);
      inner.forEach((c, k) => {
        if (k > 0) o.b.add("\t", lineNo, col + c.at);
        const lead = c.text.length - c.text.trimStart().length;
        inline(o.b, c.text.trim(), lineNo, col + c.at + lead);
      });
      close();
      return;
    }
    const li = LIST.exec(body);
    if (li) {
      const o = start("list-item");
      inline(o.b, body.slice(li[0].length), lineNo, col + li[0].length);
      return;
    }
    // A paragraph line (or the continuation of an open paragraph / list item): joined with nothing.
    const cur = open as Open | undefined;
    const lead = body.length - body.trimStart().length;
    if (cur && (cur.kind === "paragraph" || cur.kind === "list-item" || cur.kind === "quote")) {
      inline(cur.b, body.trim(), lineNo, col + lead);
      return;
    }
    const o = start(quoted ? "quote" : "paragraph");
    inline(o.b, body.trim(), lineNo, col + lead);
  });
  close();
  return blocks;
}
