// Wrapping text to a terminal's width, counted in terminal columns: a Chinese character or a
// full-width punctuation mark takes two (East Asian Width, via string-width), ANSI colours none.
// Chinese may break between any two characters; Latin words break at spaces, and only a word
// longer than the whole line is cut. A closing mark (，。、）」…) never starts a line: it stays
// with the character before it, as Chinese typesetting does.
import stringWidth from "string-width";

export const displayWidth = (s: string): number => stringWidth(s);

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
/** A character that is a unit of its own in Chinese line breaking. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u3000-\u303f]|[\u{20000}-\u{3fffd}]/u;
/** Marks that must not begin a line (kinsoku): closing brackets and stops, ASCII and full width. */
const NO_START = /^[，。、；：？！）】」』”’》〉…,.;:?!)\]}%]/;

/** Tokens: runs of spaces, runs of other narrow characters (words), single wide characters. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let word = "";
  let space = "";
  for (const { segment: g } of segmenter.segment(text)) {
    if (g === " ") {
      if (word) out.push(word), (word = "");
      space += g;
    } else {
      if (space) out.push(space), (space = "");
      if (WIDE.test(g)) {
        if (word) out.push(word), (word = "");
        out.push(g);
      } else word += g;
    }
  }
  if (word) out.push(word);
  if (space) out.push(space);
  return out;
}

/** Cut a token wider than `width` into pieces of at most `width` columns (by grapheme). */
function cut(token: string, width: number): string[] {
  const pieces: string[] = [];
  let cur = "";
  for (const { segment: g } of segmenter.segment(token)) {
    if (cur && stringWidth(cur + g) > width) pieces.push(cur), (cur = "");
    cur += g;
  }
  if (cur) pieces.push(cur);
  return pieces;
}

/**
 * `text` as lines of at most `width` columns (one line when it fits, or when width is too small
 * to wrap usefully). Spaces at a break are dropped. Linear in the text's length.
 */
export function wrap(text: string, width: number): string[] {
  if (!(width >= 8) || stringWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = "";
  let w = 0;
  const flush = () => {
    lines.push(line.replace(/ +$/, ""));
    line = "";
    w = 0;
  };
  for (const tok of tokens(text)) {
    const tw = stringWidth(tok);
    if (tok.startsWith(" ")) {
      if (w > 0 && w + tw <= width) (line += tok), (w += tw);
      else if (w > 0) flush();
      continue;
    }
    if (w + tw <= width) {
      line += tok;
      w += tw;
      continue;
    }
    if (NO_START.test(tok) && w > 0) {
      // Carry the line's last character down with the closing mark, unless the line is one character.
      const chars = [...segmenter.segment(line)].map((s) => s.segment);
      if (chars.length > 1 && tw <= width - 2) {
        const last = chars.pop()!;
        line = chars.join("");
        flush();
        line = last + tok;
        w = stringWidth(line);
        continue;
      }
    }
    if (w > 0) flush();
    if (tw <= width) {
      line = tok;
      w = tw;
    } else {
      const pieces = cut(tok, width);
      for (const p of pieces.slice(0, -1)) lines.push(p);
      line = pieces.at(-1)!;
      w = stringWidth(line);
    }
  }
  if (line) flush();
  return lines;
}
