// Values taken from the input (names, paths, messages' data) are written by an author we do not
// trust: a charter can hold ESC, BEL, CR, NUL or bidirectional overrides that would retitle or
// clear a terminal, hide text, or forge a CI annotation on a new line. Every format that is not
// JSON shows such characters visibly, as `\u001b`, never raw (issue #12).

// C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional embedding,
// override and isolate marks ("Trojan Source").
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `a\u001bb` for `a<ESC>b`: every control character as its visible escape. */
export function visible(s: string): string {
  return s.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** True when the text holds a character that `visible` would rewrite. */
export function hasControl(s: string): boolean {
  CONTROL.lastIndex = 0;
  return CONTROL.test(s);
}
