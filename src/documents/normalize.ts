// Text normalisation for matching (documents.md §3): every Unicode space (U+3000 and no-break
// spaces included) and line break is dropped, zero-width characters are dropped, and full-width
// forms become half-width (NFKC per character: （）→ ()，ＡＢ１→ AB1). Each output character keeps
// the offset of the source character it came from, so a match can be located in the original.
const ZERO_WIDTH = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad\u034f\u180e]/;
const SPACE = /\s/u;

export interface Normalized {
  text: string;
  /** source[i] = offset in the input of normalized character i. */
  source: number[];
}

export function normalizeWithMap(input: string): Normalized {
  let text = "";
  const source: number[] = [];
  let i = 0;
  for (const ch of input) {
    const at = i;
    i += ch.length;
    if (SPACE.test(ch) || ZERO_WIDTH.test(ch)) continue;
    const n = ch.normalize("NFKC");
    for (const c of n) {
      if (SPACE.test(c)) continue;
      text += c;
      for (let k = 0; k < c.length; k++) source.push(at);
    }
  }
  return { text, source };
}

/** The matching form of a text (no map). */
export function normalizeForMatch(input: string): string {
  return normalizeWithMap(input).text;
}
