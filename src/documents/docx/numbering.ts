// Word automatic numbering → the label Word shows (documents.md §3 "numbering in detail";
// ECMA-376 Part 1 §17.9). Counters belong to the abstractNum, so two w:num instances of one
// abstract list continue one count; a w:num with w:startOverride restarts that level the first
// time that w:num is used; deeper levels restart when a higher level is used, unless their
// w:lvlRestart says otherwise (0 = never; n = only after levels 1…n).
import { child, children, val, type XmlElement } from "../xml.js";
import { formatNumber } from "../numerals.js";

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  /** undefined: restart after any higher level; 0: never; n: after levels 1…n (1-based). */
  restart?: number;
  suff: "tab" | "space" | "nothing";
  isLgl: boolean;
  pStyle?: string;
}
interface AbstractNum {
  levels: (Level | undefined)[];
  numStyleLink?: string;
}
interface Num {
  abstractNumId: string;
  startOverrides: Map<number, number>;
}

export interface StyleInfo {
  numId?: string;
  ilvl?: number;
  basedOn?: string;
  /** True for TOC styles ("toc 1", "TOC 1"): not used for exclusion, only informative. */
  name?: string;
}

export function parseStyles(root: XmlElement | undefined): Map<string, StyleInfo> {
  const styles = new Map<string, StyleInfo>();
  const top = root ? child(root, "w:styles") : undefined;
  for (const s of children(top, "w:style")) {
    const id = s.attrs["w:styleId"];
    if (!id) continue;
    const numPr = child(child(s, "w:pPr"), "w:numPr");
    const ilvl = val(numPr, "w:ilvl");
    styles.set(id, {
      numId: val(numPr, "w:numId"),
      ilvl: ilvl === undefined ? undefined : Number(ilvl),
      basedOn: val(s, "w:basedOn"),
      name: val(s, "w:name"),
    });
  }
  return styles;
}

function int(s: string | undefined, fallback: number): number {
  const n = s === undefined ? NaN : parseInt(s, 10);
  return Number.isFinite(n) ? n : fallback;
}

export class Numbering {
  private abstracts = new Map<string, AbstractNum>();
  private nums = new Map<string, Num>();
  private counters = new Map<string, (number | undefined)[]>();
  private used = new Set<string>();

  constructor(root: XmlElement | undefined, private styles: Map<string, StyleInfo>) {
    const top = root ? child(root, "w:numbering") : undefined;
    for (const a of children(top, "w:abstractNum")) {
      const levels: (Level | undefined)[] = [];
      for (const l of children(a, "w:lvl")) {
        const i = int(l.attrs["w:ilvl"], -1);
        if (i < 0 || i > 8) continue;
        const restart = val(l, "w:lvlRestart");
        const suff = val(l, "w:suff");
        const lgl = child(l, "w:isLgl");
        levels[i] = {
          start: int(val(l, "w:start"), 1),
          numFmt: val(l, "w:numFmt") ?? "decimal",
          lvlText: val(l, "w:lvlText") ?? "",
          restart: restart === undefined ? undefined : int(restart, 0),
          suff: suff === "space" || suff === "nothing" ? suff : "tab",
          isLgl: lgl !== undefined && lgl.attrs["w:val"] !== "0" && lgl.attrs["w:val"] !== "false",
          pStyle: val(l, "w:pStyle"),
        };
      }
      this.abstracts.set(a.attrs["w:abstractNumId"] ?? "", { levels, numStyleLink: val(a, "w:numStyleLink") });
    }
    for (const n of children(top, "w:num")) {
      const startOverrides = new Map<number, number>();
      for (const o of children(n, "w:lvlOverride")) {
        const so = val(o, "w:startOverride");
        if (so !== undefined) startOverrides.set(int(o.attrs["w:ilvl"], 0), int(so, 1));
      }
      this.nums.set(n.attrs["w:numId"] ?? "", { abstractNumId: val(n, "w:abstractNumId") ?? "", startOverrides });
    }
  }

  /** The abstractNum of a numId, following w:numStyleLink through a style a few hops at most. */
  private abstractOf(numId: string): { id: string; an: AbstractNum } | undefined {
    let id = this.nums.get(numId)?.abstractNumId;
    for (let hop = 0; hop < 4 && id !== undefined; hop++) {
      const an = this.abstracts.get(id);
      if (!an) return undefined;
      if (!an.numStyleLink) return { id, an };
      const linked = this.styleChain(an.numStyleLink).numId;
      id = linked === undefined ? undefined : this.nums.get(linked)?.abstractNumId;
    }
    return undefined;
  }

  /** numId/ilvl inherited along w:basedOn (bounded: a style chain may loop in a hostile file). */
  styleChain(styleId: string | undefined): { numId?: string; ilvl?: number } {
    let numId: string | undefined;
    let ilvl: number | undefined;
    let id = styleId;
    for (let hop = 0; hop < 16 && id; hop++) {
      const s = this.styles.get(id);
      if (!s) break;
      numId ??= s.numId;
      ilvl ??= s.ilvl;
      id = s.basedOn;
    }
    return { numId, ilvl };
  }

  /**
   * The label of one numbered paragraph, advancing the counters; "" when it has none.
   * Call once per paragraph, in document order.
   */
  next(pPr: XmlElement | undefined): string {
    const numPr = child(pPr, "w:numPr");
    const pStyle = val(pPr, "w:pStyle");
    const inherited = this.styleChain(pStyle);
    const numId = val(numPr, "w:numId") ?? inherited.numId;
    if (numId === undefined || numId === "0") return "";
    const found = this.abstractOf(numId);
    if (!found) return "";
    const { id: absId, an } = found;
    let ilvl: number | undefined;
    const direct = val(numPr, "w:ilvl");
    if (direct !== undefined) ilvl = int(direct, 0);
    else if (inherited.ilvl !== undefined) ilvl = inherited.ilvl;
    else if (pStyle) {
      const byStyle = an.levels.findIndex((l) => l?.pStyle === pStyle);
      if (byStyle >= 0) ilvl = byStyle;
    }
    ilvl = Math.min(8, Math.max(0, ilvl ?? 0));
    const level = an.levels[ilvl];
    if (!level) return "";
    const num = this.nums.get(numId);
    const vals = this.counters.get(absId) ?? [];
    this.counters.set(absId, vals);
    const startOf = (k: number): number => an.levels[k]?.start ?? 1;
    const key = `${numId}:${ilvl}`;
    const first = !this.used.has(key);
    this.used.add(key);
    const override = num?.startOverrides.get(ilvl);
    if (first && override !== undefined) vals[ilvl] = override;
    else vals[ilvl] = vals[ilvl] === undefined ? startOf(ilvl) : (vals[ilvl] as number) + 1;
    for (let k = ilvl + 1; k < 9; k++) {
      const r = an.levels[k]?.restart;
      // Level k restarts when a level numbered (1-based) ≤ its lvlRestart is used; default: any higher level.
      if (r === undefined || (r > 0 && ilvl + 1 <= r)) vals[k] = undefined;
    }
    const label = level.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const v = vals[k] ?? startOf(k);
      const fmt = level.isLgl ? "decimal" : (an.levels[k]?.numFmt ?? "decimal");
      return formatNumber(v, fmt);
    });
    if (level.numFmt === "bullet" || label.trim() === "") return "";
    return level.suff === "nothing" ? label : `${label} `;
  }
}
