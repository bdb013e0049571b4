// Reading what a profile file (or the profile part of a config file) says: `extends`, `name`,
// `sources` and `rules` entries written as ESLint writes rule settings — a level, or
// `[level, options?, { cite, article? }?]`. Every problem is an exit-2 error naming the file, line
// and column and what is accepted (profiles.md): a typo in a profile must never be silently ignored.
import { UsageError } from "../errors.js";
import type { LoadedDocument } from "../load/document.js";
import { DOCUMENTS } from "../policy/documents.js";
import { registry } from "../registry/index.js";
import type { Rule } from "../rules/rule.js";
import { suggest } from "../similar.js";
import { createAjv, type Validator } from "../schema/validators.js";
import type { Citation, Text } from "../types.js";
import type { LayerRule, Level, ProfileLayer, ProfileSource } from "./types.js";

const LEVELS: readonly Level[] = ["off", "info", "warning", "error"];

const esc = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");
const show = (v: unknown) => (v !== null && typeof v === "object" ? JSON.stringify(v) : `"${String(v)}"`);

/** Where a value of the file is, for messages: `shanxi.yaml:7:3`. */
export type Locate = (pointer: string, how?: "key" | "value") => string;

export function locator(doc: LoadedDocument, shown: string): Locate {
  return (pointer, how = "value") => {
    const p = doc.locate(pointer, how);
    return `${shown}:${p.line}:${p.column}`;
  };
}

/** The profile keys of a parsed file: extends (or the config's older `profile`), name, sources, rules. */
export function profilePart(data: Record<string, unknown>, at: Locate, kind: Text): Omit<ProfileLayer, "file" | "display"> {
  const layer: Omit<ProfileLayer, "file" | "display"> = { sources: {}, rules: {} };
  const bad = (pointer: string, what: Text, how?: "key" | "value"): never => {
    const where = at(pointer, how);
    throw new UsageError({ zh: `${kind.zh} ${where}：${what.zh}`, en: `${kind.en} ${where}: ${what.en}` });
  };

  if (data.extends !== undefined && data.profile !== undefined) {
    bad("/profile", { zh: "profile 和 extends 不能同时出现（profile 是 extends 的旧写法）；请只保留 extends", en: "profile and extends cannot both be given (profile is an older spelling of extends); keep extends only" }, "key");
  }
  const ext = data.extends ?? data.profile;
  const extKey = data.extends !== undefined ? "extends" : "profile";
  if (ext !== undefined) {
    if (typeof ext !== "string" || ext.trim() === "") {
      bad(`/${extKey}`, { zh: `${extKey} 应为内置规则集名称（${registry.profileNames().join("、")}）或规则集文件的路径`, en: `${extKey} must be a built-in profile (${registry.profileNames().join(", ")}) or the path of a profile file` });
    }
    const spec = (ext as string).trim();
    // Not a built-in and not a file name: a misspelt built-in (`profile: shanghai`), said as such.
    if (!registry.profiles.has(spec) && !/\.(ya?ml|json)$/i.test(spec)) {
      bad(`/${extKey}`, {
        zh: `${extKey} 的值 ${show(spec)} 无效（可选 ${registry.profileNames().join("、")}，或规则集文件 .yaml/.json 的路径）`,
        en: `invalid value ${show(spec)} for ${extKey} (choose ${registry.profileNames().join(", ")}, or the path of a .yaml/.json profile file)`,
      });
    }
    layer.extends = spec;
  }

  if (data.name !== undefined) {
    const n = data.name;
    if (typeof n === "string" && n.trim()) layer.name = { zh: n.trim(), en: n.trim() };
    else if (n && typeof n === "object" && !Array.isArray(n) && typeof (n as Text).zh === "string" && typeof (n as Text).en === "string" && Object.keys(n).every((k) => k === "zh" || k === "en")) {
      layer.name = { zh: (n as Text).zh, en: (n as Text).en };
    } else bad("/name", { zh: "name 应为文本，或 { zh: 中文名, en: English name }", en: "name must be text, or { zh: Chinese name, en: English name }" });
  }

  if (data.sources !== undefined) {
    const src = data.sources;
    if (!src || typeof src !== "object" || Array.isArray(src)) bad("/sources", { zh: "sources 应为“编号: { title, url? }”的映射", en: 'sources must be a mapping of "id: { title, url? }"' });
    for (const [id, v] of Object.entries(src as Record<string, unknown>)) {
      const pointer = `/sources/${esc(id)}`;
      if (id in DOCUMENTS) bad(pointer, { zh: `来源编号 ${id} 已由内置文件使用（N、HLJ），请换一个`, en: `the source id ${id} is taken by a built-in document (N, HLJ); choose another` }, "key");
      const o = v as Record<string, unknown>;
      const ok = o && typeof o === "object" && !Array.isArray(o) && typeof o.title === "string" && o.title.trim() !== "" && (o.url === undefined || typeof o.url === "string") && Object.keys(o).every((k) => k === "title" || k === "url");
      if (!ok) bad(pointer, { zh: `来源 ${id} 应为 { title: 文件名称, url?: 网址 }`, en: `the source ${id} must be { title: the document's title, url?: its address }` });
      if ((o.title as string).length > MAX_TEXT || (typeof o.url === "string" && o.url.length > MAX_TEXT)) {
        bad(pointer, { zh: `来源 ${id} 的 title 或 url 过长（最多 ${MAX_TEXT} 个字符）`, en: `the title or url of the source ${id} is too long (at most ${MAX_TEXT} characters)` });
      }
      layer.sources[id] = { title: (o.title as string).trim(), ...(typeof o.url === "string" ? { url: o.url } : {}) };
    }
  }

  if (data.rules !== undefined) {
    const rules = data.rules;
    if (rules === null || typeof rules !== "object" || Array.isArray(rules)) {
      bad("/rules", { zh: "rules 应为“规则编号: 级别”或“规则编号: [级别, 选项, { cite, article }]”的映射", en: 'rules must be a mapping of "rule-id: level" or "rule-id: [level, options, { cite, article }]"' });
    }
    for (const [id, entry] of Object.entries(rules as Record<string, unknown>)) {
      const pointer = `/rules/${esc(id)}`;
      layer.rules[id] = { ...ruleEntry(id, entry, pointer, layer.sources, bad), at: at(pointer, "key") };
    }
  }
  return layer;
}

type Bad = (pointer: string, what: Text, how?: "key" | "value") => never;

function ruleEntry(id: string, entry: unknown, pointer: string, sources: Record<string, ProfileSource>, bad: Bad): LayerRule {
  const rule = registry.getRule(id);
  if (!rule) {
    const near = suggest(id, registry.rules.map((r) => r.id));
    bad(pointer, { zh: `rules 下的规则“${id}”不存在${near ? `，是否指 ${near}？` : ""}（alliance-audit rules 列出全部规则）`, en: `unknown rule "${id}" under rules${near ? `; did you mean ${near}?` : ""} (alliance-audit rules lists them all)` }, "key");
  }
  const parts = Array.isArray(entry) ? entry : [entry];
  if (parts.length < 1 || parts.length > 3) {
    bad(pointer, { zh: `规则 ${id} 的设置应为级别，或 [级别, 选项, { cite, article }]`, en: `the setting of ${id} must be a level, or [level, options, { cite, article }]` });
  }
  const [level, options, cite] = parts;
  const levelAt = Array.isArray(entry) ? `${pointer}/0` : pointer;
  if (typeof level !== "string" || !(LEVELS as readonly string[]).includes(level)) {
    bad(levelAt, { zh: `规则 ${id} 的级别 ${show(level)} 无效（可选 off、info、warning、error）`, en: `invalid severity ${show(level)} for rules.${id} (choose off, info, warning or error)` });
  }
  if (level === "off" && id.startsWith("file/")) {
    bad(levelAt, {
      zh: `规则 ${id} 不能关闭：文件缺失或无法读取时，该申报材料的条件根本没有审核；可以降为 warning 或 info`,
      en: `${id} cannot be turned off: when a file is missing or unreadable the proposal's conditions were not checked at all; lower it to warning or info instead`,
    });
  }
  const out: LayerRule = { level: level as Level };
  if (options !== undefined && options !== null) out.options = checkOptions(rule!, options, `${pointer}/1`, bad);
  if (cite !== undefined) out.cite = checkCite(id, cite, `${pointer}/2`, sources, bad);
  return out;
}

const optionValidators = new Map<Rule, Validator>();

function checkOptions(rule: Rule, options: unknown, pointer: string, bad: Bad): Record<string, unknown> {
  if (!rule.options) bad(pointer, { zh: `规则 ${rule.id} 没有选项`, en: `${rule.id} takes no options` });
  let v = optionValidators.get(rule);
  if (!v) {
    v = createAjv({ allErrors: false, verbose: false }).compile(rule.options!.schema) as Validator;
    optionValidators.set(rule, v);
  }
  if (!v(options)) {
    const e = v.errors?.[0];
    const what = e ? optionError(e) : { zh: "无效", en: "is invalid" };
    bad(`${pointer}${e?.instancePath ?? ""}`, {
      zh: `规则 ${rule.id} 的选项有误：${what.zh}；可用的选项：${rule.options!.accepts.zh}`,
      en: `invalid options for ${rule.id}: ${what.en}; accepted: ${rule.options!.accepts.en}`,
    });
  }
  // What a schema cannot say: a range whose bounds are the wrong way round accepts nothing.
  const o = options as Record<string, unknown>;
  if (typeof o.min_years === "number" && typeof o.max_years === "number" && o.min_years > o.max_years) {
    bad(`${pointer}/min_years`, {
      zh: `规则 ${rule.id} 的选项有误：min_years（${o.min_years}）大于 max_years（${o.max_years}）；可用的选项：${rule.options!.accepts.zh}`,
      en: `invalid options for ${rule.id}: min_years (${o.min_years}) is greater than max_years (${o.max_years}); accepted: ${rule.options!.accepts.en}`,
    });
  }
  return options as Record<string, unknown>;
}

/** An option's schema error as people read it, in both languages (Ajv's own text is English only). */
function optionError(e: NonNullable<Validator["errors"]>[number]): Text {
  const field = e.instancePath ? e.instancePath.slice(1).replace(/\//g, ".") : "";
  const p = e.params as Record<string, unknown>;
  const f = (zh: string, en: string): Text => ({ zh: `${field ? `${field} ` : ""}${zh}`, en: `${field ? `${field} ` : ""}${en}` });
  const TYPES: Record<string, string> = { integer: "整数", number: "数", boolean: "true 或 false", array: "列表", object: "映射", string: "文本" };
  switch (e.keyword) {
    case "additionalProperties":
      return { zh: `未知的选项“${String(p.additionalProperty)}”`, en: `unknown option "${String(p.additionalProperty)}"` };
    case "required":
      return { zh: `缺少选项 ${String(p.missingProperty)}`, en: `the option ${String(p.missingProperty)} is missing` };
    case "type":
      return f(`应为${TYPES[String(p.type)] ?? String(p.type)}`, `must be ${String(p.type) === "integer" ? "a whole number" : String(p.type) === "boolean" ? "true or false" : `a${/^[aeiou]/.test(String(p.type)) ? "n" : ""} ${String(p.type)}`}`);
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return f(`应 ${String(p.comparison)} ${String(p.limit)}`, `must be ${String(p.comparison)} ${String(p.limit)}`);
    case "minItems":
      return f(`至少应有 ${String(p.limit)} 项`, `must list at least ${String(p.limit)} item${p.limit === 1 ? "" : "s"}`);
    case "pattern":
      return f("格式不符（应为 2、4 或 6 位数字）", "has the wrong form (2, 4 or 6 digits)");
    default:
      return f(e.message ?? "无效", e.message ?? "is invalid");
  }
}

/** Longest text a source's title or a citation's article may be (the report schema's bound). */
const MAX_TEXT = 1024;

function checkCite(id: string, cite: unknown, pointer: string, sources: Record<string, ProfileSource>, bad: Bad): Citation {
  const o = cite as Record<string, unknown>;
  const ok = o && typeof o === "object" && !Array.isArray(o) && typeof o.cite === "string" && (o.article === undefined || typeof o.article === "string") && Object.keys(o).every((k) => k === "cite" || k === "article");
  if (!ok) bad(pointer, { zh: `规则 ${id} 的依据应为 { cite: 来源编号, article?: 条款 }`, en: `the citation of ${id} must be { cite: a source id, article?: the article }` });
  const src = o.cite as string;
  const known = [...Object.keys(sources), ...Object.keys(DOCUMENTS)];
  const title = sources[src]?.title ?? (src in DOCUMENTS ? DOCUMENTS[src as keyof typeof DOCUMENTS].name.zh : undefined);
  if (!title) {
    bad(`${pointer}/cite`, { zh: `未知的来源“${src}”（可用：${known.join("、")}；请在 sources 中定义）`, en: `unknown source "${src}" (known: ${known.join(", ")}; define it under sources)` });
  }
  if (typeof o.article === "string" && o.article.length > MAX_TEXT) {
    bad(`${pointer}/article`, { zh: `规则 ${id} 的 article 过长（最多 ${MAX_TEXT} 个字符）`, en: `the article of ${id} is too long (at most ${MAX_TEXT} characters)` });
  }
  return { document: title!, article: typeof o.article === "string" ? o.article.trim() : "" };
}
