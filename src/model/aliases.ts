// Aliases of ../shared/spec/data-model.md and fidelity.md: rosters are typed in Chinese, in a
// spreadsheet. The header table, header matching and value normalisation live here, apart from any
// file format, so that the CSV loader and an .xlsx loader share them.
import { nearest } from "../similar.js";

/** Roster fields a CSV/XLSX column can fill. */
export type RosterField =
  | "id"
  | "name"
  | "type"
  | "credit_code"
  | "legal_representative"
  | "independent_legal_person"
  | "province"
  | "backbone"
  | "frontier"
  | "provincial_institute"
  | "core"
  | "former_legal_representatives"
  | "country"
  | "registration_no"
  | "status"
  | "withdrawn_date";

/** Header (after `headerKey`) → field. English field names are headers too. */
const HEADERS: Record<string, RosterField> = {
  编号: "id",
  成员编号: "id",
  单位名称: "name",
  成员单位: "name",
  成员单位名称: "name",
  单位类型: "type",
  统一社会信用代码: "credit_code",
  法定代表人: "legal_representative",
  法人代表: "legal_representative",
  负责人: "legal_representative",
  独立法人: "independent_legal_person",
  是否独立法人: "independent_legal_person",
  所在省份: "province",
  所在地: "province",
  省份: "province",
  行业骨干: "backbone",
  是否行业骨干: "backbone",
  前沿水平: "frontier",
  是否前沿水平: "frontier",
  省属科研院所: "provincial_institute",
  是否省属科研院所: "provincial_institute",
  核心成员: "core",
  是否核心成员: "core",
  原法定代表人: "former_legal_representatives",
  "国家/地区": "country",
  国家: "country",
  注册号: "registration_no",
  登记号: "registration_no",
  状态: "status",
  成员状态: "status",
  退出日期: "withdrawn_date",
};
const FIELD_NAMES: readonly RosterField[] = [
  "id", "name", "type", "credit_code", "legal_representative", "independent_legal_person", "province", "backbone",
  "frontier", "provincial_institute", "core", "former_legal_representatives", "country", "registration_no", "status", "withdrawn_date",
];
/** Headers that mean a field only when the usual header of that field is absent (C4). */
const FALLBACK_HEADERS: Record<string, RosterField> = { 序号: "id", 单位性质: "type" };
/** Contact and bookkeeping columns: known, and ignored (fidelity.md B1). */
const IGNORED_HEADERS = new Set(["联系人", "联系电话", "电话", "手机", "邮箱", "电子邮件", "电子邮箱", "地址", "通讯地址", "邮编", "备注", "序号"]);

/** The columns a roster cannot do without (cli.md, schema/missing-column). */
export const REQUIRED_COLUMNS: readonly RosterField[] = ["id", "name", "type", "credit_code", "legal_representative"];

/** The usual header of each field, for messages (`单位名称`). */
export const FIELD_HEADER: Record<RosterField, string> = {
  id: "编号",
  name: "单位名称",
  type: "单位类型",
  credit_code: "统一社会信用代码",
  legal_representative: "法定代表人",
  independent_legal_person: "独立法人",
  province: "所在省份",
  backbone: "行业骨干",
  frontier: "前沿水平",
  provincial_institute: "省属科研院所",
  core: "核心成员",
  former_legal_representatives: "原法定代表人",
  country: "国家/地区",
  registration_no: "注册号",
  status: "状态",
  withdrawn_date: "退出日期",
};

/**
 * A header as compared: without spaces and line breaks, without a trailing parenthetical
 * (`单位名称（全称）` = `单位名称`), ASCII in lower case.
 */
export function headerKey(header: string): string {
  let h = header.replace(/[\s\u3000]+/g, "");
  // Bounded: at most a few passes, each removing one trailing (…) or （…）.
  for (let i = 0; i < 3; i++) {
    const m = /[（(][^（()）]*[)）]$/.exec(h);
    if (!m || m.index === 0) break;
    h = h.slice(0, m.index);
  }
  return h.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

export type ColumnKind = "field" | "ignored" | "unknown" | "empty";

export interface HeaderResolution {
  /** Per column: the field it fills, or undefined. */
  fields: (RosterField | undefined)[];
  kinds: ColumnKind[];
  /** Headers that are no known column or alias (B1), with a near known header when there is one. */
  unknown: { column: number; header: string; suggestion?: string }[];
  /** Required fields no column fills. */
  missing: RosterField[];
  /** A field two columns fill (`编号` and `id`): the loader refuses, naming both. */
  duplicate?: { field: RosterField; first: number; second: number };
}

function fieldOf(key: string): RosterField | undefined {
  if (Object.hasOwn(HEADERS, key)) return HEADERS[key];
  return (FIELD_NAMES as readonly string[]).includes(key) ? (key as RosterField) : undefined;
}

/** Which column fills which field; `emptyColumn(c)` says whether column c has no value below its header. */
export function resolveHeaders(headers: string[], emptyColumn: (column: number) => boolean = () => false): HeaderResolution {
  const keys = headers.map(headerKey);
  const fields: (RosterField | undefined)[] = keys.map(fieldOf);
  const kinds: ColumnKind[] = fields.map((f) => (f ? "field" : "unknown"));
  keys.forEach((k, c) => {
    if (fields[c]) return;
    const fallback = Object.hasOwn(FALLBACK_HEADERS, k) ? FALLBACK_HEADERS[k] : undefined;
    if (fallback && !fields.includes(fallback)) {
      fields[c] = fallback;
      kinds[c] = "field";
    } else if (IGNORED_HEADERS.has(k) || (fallback && fields.includes(fallback))) kinds[c] = "ignored";
    else if (k === "") kinds[c] = emptyColumn(c) ? "empty" : "unknown";
  });
  let duplicate: HeaderResolution["duplicate"];
  const firstOf = new Map<RosterField, number>();
  fields.forEach((f, c) => {
    if (!f) return;
    const first = firstOf.get(f);
    if (first === undefined) firstOf.set(f, c);
    else duplicate ??= { field: f, first, second: c };
  });
  const known = [...Object.keys(HEADERS), ...FIELD_NAMES];
  const unknown = kinds.flatMap((kind, c) => (kind === "unknown" ? [{ column: c, header: headers[c].trim(), suggestion: nearest(keys[c], known) }] : []));
  const missing = REQUIRED_COLUMNS.filter((f) => !firstOf.has(f));
  return { fields, kinds, unknown, missing, duplicate };
}

export { nearest } from "../similar.js";

// ---- values ----

const TRUE = new Set(["true", "yes", "y", "1", "是", "有", "√", "✓"]);
const FALSE = new Set(["false", "no", "n", "0", "否", "无", "×", "✗"]);

/** A boolean written as a word (A9): true/false, yes/no, y/n, 1/0, 是/否, 有/无, √/×, ✓/✗. */
export function booleanWord(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v !== "string") return undefined;
  const w = v.trim().toLowerCase();
  return TRUE.has(w) ? true : FALSE.has(w) ? false : undefined;
}

export function booleanCell(cell: string): boolean | string {
  return booleanWord(cell) ?? cell; // left as text: the schema reports it with its row and column
}

/** Roster fields holding booleans. */
export const BOOLEAN_FIELDS = new Set(["independent_legal_person", "backbone", "frontier", "provincial_institute", "core"]);

/** Signature capacity words (A9). */
const CAPACITY: Record<string, "legal_representative" | "authorized_agent"> = {
  legal_representative: "legal_representative",
  法定代表人: "legal_representative",
  法人代表: "legal_representative",
  负责人: "legal_representative",
  "法定代表人（负责人）": "legal_representative",
  "法定代表人(负责人)": "legal_representative",
  authorized_agent: "authorized_agent",
  授权代表: "authorized_agent",
  授权代理人: "authorized_agent",
  委托代理人: "authorized_agent",
  代理人: "authorized_agent",
};
export const CAPACITY_WORDS = Object.keys(CAPACITY);

/** The capacity a signature states: canonical, "unknown" for any other word, undefined when absent. */
export function capacityOf(v: unknown): "legal_representative" | "authorized_agent" | "unknown" | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") return "unknown";
  const w = v.replace(/[\s\u3000]+/g, "");
  return Object.hasOwn(CAPACITY, w) ? CAPACITY[w] : "unknown";
}

/** Member type words (C4): exact aliases first, then by the word's ending. */
const TYPE_WORDS: Record<string, string> = {
  enterprise: "enterprise",
  university: "university",
  research_institute: "research_institute",
  other: "other",
  企业: "enterprise",
  大学: "university",
  高校: "university",
  高等院校: "university",
  科研机构: "research_institute",
  科研院所: "research_institute",
  科研单位: "research_institute",
  社会团体: "other",
  行业协会: "other",
  协会: "other",
  学会: "other",
  基金会: "other",
  其他: "other",
};
/** Types that say what a member's registration is, not what it is: resolved by the member's name. */
const BY_NAME = new Set(["事业单位", "民办非企业单位"]);

/** A type word → the schema's type, or undefined when the word is unknown. */
export function typeOfWord(word: string, name?: unknown): string | undefined {
  const w = word.replace(/[\s\u3000]+/g, "");
  if (Object.hasOwn(TYPE_WORDS, w)) return TYPE_WORDS[w];
  if (BY_NAME.has(w)) return typeByName(name);
  if (/(企业|公司)$/.test(w)) return "enterprise";
  // 科学院 ends in 学院 but is an academy of sciences, not a school.
  if (/(大学|学校|高校|院校)$/.test(w) || (/学院$/.test(w) && !/科学院$/.test(w))) return "university";
  if (w.includes("科学院") || /(研究院|研究所|科研院所|科研机构|科研单位)$/.test(w)) return "research_institute";
  return undefined;
}

function typeByName(name: unknown): string {
  const n = typeof name === "string" ? name.replace(/[\s\u3000]+/g, "") : "";
  if (n.includes("科学院") || /(研究院|研究所|研究中心)$/.test(n)) return "research_institute";
  if (/(大学|学院)$/.test(n)) return "university";
  return "other";
}

/** Status words (B10). */
const STATUS: Record<string, string> = { current: "current", withdrawn: "withdrawn", 已退出: "withdrawn", 退出: "withdrawn", 在册: "current", 正常: "current" };

/** Countries that mean the mainland's register (A6). */
const DOMESTIC = new Set(["中国", "中华人民共和国", "中国大陆", "中国内地", "china", "cn", "chn", "prc"]);

/** A member registered on the mainland: `country` absent or one of the mainland's names. */
export function isDomestic(member: Record<string, unknown>): boolean {
  const c = member.country;
  if (c === undefined || c === null) return true;
  if (typeof c !== "string") return true; // a wrong type is schema/invalid's finding; treat as domestic
  const w = c.replace(/[\s\u3000]+/g, "").toLowerCase();
  return w === "" || DOMESTIC.has(w);
}

export function isWithdrawn(member: Record<string, unknown>): boolean {
  return member.status === "withdrawn";
}

/** Names in one cell: 孙国华、李四 / 孙国华,李四 / 孙国华;李四. */
export function splitNames(text: string): string[] {
  return text
    .split(/[、,，;；]/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** One cell's text → the field's value (before the member-wide type resolution). */
export function normaliseRosterValue(field: RosterField, text: string): unknown {
  if (BOOLEAN_FIELDS.has(field)) return booleanCell(text);
  if (field === "former_legal_representatives") return splitNames(text);
  if (field === "status") {
    const w = text.trim().toLowerCase();
    return Object.hasOwn(STATUS, w) ? STATUS[w] : text;
  }
  return text;
}

/** Normalise one member in place (any format): type, status and boolean words; names lists. */
export function normaliseMember(m: Record<string, unknown>): void {
  if (typeof m.type === "string") {
    // hasOwn inside typeOfWord: `type: constructor` stays the text it is.
    const t = typeOfWord(m.type, m.name);
    if (t) m.type = t;
  }
  for (const f of BOOLEAN_FIELDS) {
    if (typeof m[f] === "string" || typeof m[f] === "number") {
      const b = booleanWord(m[f]);
      if (b !== undefined) m[f] = b;
    }
  }
  if (typeof m.status === "string") m.status = normaliseRosterValue("status", m.status);
  if (typeof m.former_legal_representatives === "string") m.former_legal_representatives = splitNames(m.former_legal_representatives);
}

/** Normalise a roster in place (the position of each value does not change). */
export function normalizeRoster(data: Record<string, unknown>): void {
  const members = data.members;
  if (!Array.isArray(members)) return;
  for (const m of members) if (m && typeof m === "object" && !Array.isArray(m)) normaliseMember(m as Record<string, unknown>);
}
