// Defensive readers of loaded data, and the meaning of "present" from data-model.md.
import type { Obj } from "../model/proposal.js";

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** obj.a.b.c, or undefined as soon as a step is not an object. */
export function at(root: unknown, ...path: (string | number)[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (typeof k === "number") {
      if (!Array.isArray(v)) return undefined;
      v = v[k];
    } else {
      if (!isObj(v) || !Object.hasOwn(v, k)) return undefined;
      v = v[k];
    }
  }
  return v;
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

const PLACEHOLDERS = new Set([
  "todo", "tbd", "n/a", "na", "-", "--", "...", "…", "待定", "待补充", "暂无", "无", "略",
  "/", "／", "—", "——", "空", "暂缺", "待完善",
]);

/** A placeholder, compared after trimming and dropping trailing full stops (`待定。` is `待定`, B4). */
export function isPlaceholder(v: unknown): boolean {
  if (typeof v !== "string" || v.length > 40) return false;
  const t = v.trim().toLowerCase();
  if (PLACEHOLDERS.has(t)) return true;
  const stripped = t.replace(/[。．.]+$/u, "").trim();
  return stripped !== "" && PLACEHOLDERS.has(stripped);
}

/** A yes/no value as the charter may write it (A9): true, 是, yes, √ …; undefined when not one. */
export { booleanWord as flag } from "../model/aliases.js";

/** A string that, trimmed, is non-empty and not a placeholder. */
export function isPresent(v: unknown): v is string {
  return typeof v === "string" && v.trim() !== "" && !isPlaceholder(v);
}

/** Why a required text is not present: which message the rule shows. */
export function absence(v: unknown): "missing" | "placeholder" | "wrongType" {
  if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) return "missing";
  if (isPlaceholder(v)) return "placeholder";
  return "wrongType";
}

export function hasPresentItem(v: unknown): boolean {
  return Array.isArray(v) && v.some(isPresent);
}

/** A member reference: a non-empty string (loaders keep ids as written). */
export function refOf(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

export function show(v: unknown): string {
  const s = typeof v === "string" ? v : JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}
