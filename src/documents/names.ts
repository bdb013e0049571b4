// Party and alliance names over all the text of the documents (documents.md §3 "Parties"):
// exact, ignoring spaces, line breaks and full/half-width brackets. Blocks are joined with
// nothing between them, so a name a .txt or .pdf breaks across two lines is still found.
import { normalizeWithMap } from "./normalize.js";
import type { Block } from "./types.js";

export interface NameIndex {
  /** Per document: its normalised full text and, per character, the block and offset it came from. */
  docs: { normalized: string; source: { block: Block; offset: number }[] }[];
}

export function buildNameIndex(documents: readonly (readonly Block[])[]): NameIndex {
  return {
    docs: documents.map((blocks) => {
      let normalized = "";
      const source: { block: Block; offset: number }[] = [];
      for (const b of blocks) {
        const n = normalizeWithMap(b.text);
        normalized += n.text;
        for (const off of n.source) source.push({ block: b, offset: off });
      }
      return { normalized, source };
    }),
  };
}

export interface NameMatch {
  doc: number;
  block: Block;
  offset: number;
}

/** Where a name first appears (document order), or undefined. */
export function findName(index: NameIndex, name: string): NameMatch | undefined {
  const needle = normalizeWithMap(name).text;
  if (needle === "") return undefined;
  for (let d = 0; d < index.docs.length; d++) {
    const at = index.docs[d].normalized.indexOf(needle);
    if (at >= 0) return { doc: d, ...index.docs[d].source[at] };
  }
  return undefined;
}
