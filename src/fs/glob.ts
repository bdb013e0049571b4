// Globs from a config (`ignore`) are written by whoever wrote the checkout, so matching them must
// take bounded time. Regular-expression matchers (picomatch, micromatch, minimatch, and the
// hand-written one this replaces) backtrack: `*a*a*a*a*a*a*a*a*a*a*b` against a 40-character
// folder name takes seconds in picomatch 2.3 and years in a naive RegExp. This matcher walks the
// name once per star at most (the classic wildcard algorithm that only ever backtracks to the
// last `*`), so a match costs O(pattern × name) per segment, and `**` is the same algorithm over
// segments. Supported: `*`, `?`, `[abc]`, `[a-z]`, `[!x]`/`[^x]`, `{a,b}` (expanded, bounded),
// `**` as a whole segment, `\` escapes. Anything else that looks like glob syntax is malformed.

/** A glob problem: `index` is the character of the glob it is at (0-based). */
export class GlobError extends Error {
  constructor(readonly index: number, readonly why: { zh: string; en: string }) {
    super(why.en);
  }
}

type Token = { t: "char"; c: string } | { t: "any" } | { t: "star" } | { t: "class"; negated: boolean; items: [string, string][] };
type Segment = "**" | Token[];

export interface Glob {
  source: string;
  /** One entry per alternative of the braces. */
  alternatives: Segment[][];
}

/** More alternatives than this is not an ignore list a person wrote. */
const MAX_ALTERNATIVES = 256;

/** Expands `{a,b}` (nested too) into plain globs; throws a GlobError for unbalanced braces. */
function expandBraces(glob: string): string[] {
  // Find the first top-level `{…}` and expand it; recurse on the results.
  let depth = 0;
  let open = -1;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === "[") {
      const end = classEnd(glob, i);
      if (end > 0) i = end;
      continue;
    }
    if (c === "{") {
      if (depth === 0) open = i;
      depth++;
    } else if (c === "}") {
      if (depth === 0) throw new GlobError(i, { zh: "多余的右花括号 }", en: "a closing brace } without an opening one" });
      depth--;
      if (depth === 0) {
        const inner = glob.slice(open + 1, i);
        const parts = splitTopLevel(inner);
        const out: string[] = [];
        for (const part of parts) {
          for (const rest of expandBraces(glob.slice(0, open) + part + glob.slice(i + 1))) {
            out.push(rest);
            if (out.length > MAX_ALTERNATIVES) throw new GlobError(open, { zh: `花括号展开后超过 ${MAX_ALTERNATIVES} 种写法`, en: `the braces expand to more than ${MAX_ALTERNATIVES} globs` });
          }
        }
        return out;
      }
    }
  }
  if (depth > 0) throw new GlobError(open, { zh: "花括号 { 没有闭合", en: "an opening brace { is never closed" });
  return [glob];
}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "\\") i++;
    else if (c === "{") depth++;
    else if (c === "}") depth--;
    else if (c === "," && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

/** Index of the `]` closing the class that opens at `i`, or -1. */
function classEnd(s: string, i: number): number {
  let j = i + 1;
  if (s[j] === "!" || s[j] === "^") j++;
  if (s[j] === "]") j++; // a leading ] is a member
  for (; j < s.length; j++) {
    if (s[j] === "\\") j++;
    else if (s[j] === "]") return j;
    else if (s[j] === "/") return -1;
  }
  return -1;
}

function parseSegment(seg: string, offset: number): Segment {
  if (seg === "**") return "**";
  const tokens: Token[] = [];
  const chars = Array.from(seg);
  // Work on code points, keeping the index into the original text for error messages.
  let idx = offset;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === "\\") {
      if (i + 1 >= chars.length) throw new GlobError(idx, { zh: "反斜杠 \\ 后面没有字符", en: "a backslash \\ at the end escapes nothing" });
      tokens.push({ t: "char", c: chars[++i] });
      idx += 1 + chars[i].length;
      continue;
    }
    if ((c === "?" || c === "*" || c === "+" || c === "@" || c === "!") && chars[i + 1] === "(") {
      throw new GlobError(idx, { zh: `不支持扩展通配符 ${c}(…)`, en: `extended globs such as ${c}(…) are not supported` });
    }
    if (c === "*") {
      if (tokens.at(-1)?.t !== "star") tokens.push({ t: "star" }); // ** inside a segment is *
    } else if (c === "?") tokens.push({ t: "any" });
    else if (c === "[") {
      const rest = chars.slice(i).join("");
      const end = classEnd(rest, 0);
      if (end < 0) throw new GlobError(idx, { zh: "方括号 [ 没有闭合", en: "an opening bracket [ is never closed" });
      const body = Array.from(rest.slice(1, end));
      const negated = body[0] === "!" || body[0] === "^";
      if (negated) body.shift();
      const items: [string, string][] = [];
      for (let k = 0; k < body.length; k++) {
        let a = body[k];
        if (a === "\\" && k + 1 < body.length) a = body[++k];
        if (body[k + 1] === "-" && k + 2 < body.length) {
          let b = body[k + 2];
          k += 2;
          if (b === "\\" && k + 1 < body.length) b = body[++k];
          if (b < a) throw new GlobError(idx, { zh: `字符范围 ${a}-${b} 颠倒`, en: `the range ${a}-${b} is reversed` });
          items.push([a, b]);
        } else items.push([a, a]);
      }
      tokens.push({ t: "class", negated, items });
      const consumed = Array.from(rest.slice(0, end + 1)).length;
      for (let k = 0; k < consumed; k++) idx += chars[i + k].length;
      i += consumed - 1;
      continue;
    } else if (c === "]" || c === "(" || c === ")" || c === "|") {
      // Literal in a file name, but in a glob almost surely a typo of a class or an extglob.
      throw new GlobError(idx, { zh: `意外的字符 ${c}`, en: `unexpected ${c}` });
    } else tokens.push({ t: "char", c });
    idx += c.length;
  }
  return tokens;
}

/** Compiles a glob, or throws a GlobError saying what is wrong and where. */
export function compileGlob(source: string): Glob {
  if (source.trim() === "") throw new GlobError(0, { zh: "通配符为空", en: "the glob is empty" });
  if (source.startsWith("!")) throw new GlobError(0, { zh: "不支持以 ! 开头的排除写法", en: "negated globs (a leading !) are not supported" });
  const alternatives: Segment[][] = [];
  for (const g of expandBraces(source)) {
    const segs: Segment[] = [];
    let offset = 0;
    for (const part of g.replace(/^(\.\/)+/, "").split("/")) {
      if (part !== "" && part !== ".") segs.push(parseSegment(part, offset));
      offset += part.length + 1;
    }
    alternatives.push(segs);
  }
  return { source, alternatives };
}

/** Throws a GlobError when `source` is not a glob this matcher understands. */
export function checkGlob(source: string): void {
  compileGlob(source);
}

function tokenMatches(tok: Token, c: string): boolean {
  switch (tok.t) {
    case "char":
      return tok.c === c;
    case "any":
      return true;
    case "class": {
      const inside = tok.items.some(([a, b]) => c >= a && c <= b);
      return tok.negated ? !inside : inside;
    }
    default:
      return false;
  }
}

/** One segment: O(tokens × characters), never exponential. */
export function matchSegment(tokens: Token[], name: string): boolean {
  const s = Array.from(name);
  let p = 0;
  let i = 0;
  let starP = -1;
  let starI = 0;
  while (i < s.length) {
    if (p < tokens.length && tokens[p].t !== "star" && tokenMatches(tokens[p], s[i])) {
      p++;
      i++;
    } else if (p < tokens.length && tokens[p].t === "star") {
      starP = p++;
      starI = i;
    } else if (starP >= 0) {
      p = starP + 1;
      i = ++starI;
    } else return false;
  }
  while (p < tokens.length && tokens[p].t === "star") p++;
  return p === tokens.length;
}

/** Segments of a path against segments of a pattern, `**` matching any number of segments. */
function matchSegments(pattern: Segment[], path: string[]): boolean {
  let p = 0;
  let i = 0;
  let starP = -1;
  let starI = 0;
  while (i < path.length) {
    const seg = pattern[p];
    if (p < pattern.length && seg !== "**" && matchSegment(seg, path[i])) {
      p++;
      i++;
    } else if (p < pattern.length && seg === "**") {
      starP = p++;
      starI = i;
    } else if (starP >= 0) {
      p = starP + 1;
      i = ++starI;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === "**") p++;
  return p === pattern.length;
}

/** Whether `path` ('/'-separated, relative) matches the glob. */
export function matchGlob(glob: Glob, path: string): boolean {
  const segs = path.split("/").filter((s) => s !== "" && s !== ".");
  return glob.alternatives.some((alt) => matchSegments(alt, segs));
}

/** Whether one path segment (a folder name) matches one glob segment (for rebasing globs). */
export function matchOneSegment(globSegment: string, name: string): boolean {
  const g = compileGlob(globSegment);
  return g.alternatives.some((alt) => alt.length === 1 && alt[0] !== "**" && matchSegment(alt[0], name));
}
