// explain, rules and schema: the rule catalogue and the schemas, for people and editors.
import Table from "cli-table3";
import { UsageError } from "../errors.js";
import { citationsFor } from "../policy/cite.js";
import { citationLabel, clauseText, citationText, DOCUMENTS } from "../policy/documents.js";
import { resolveProfile } from "../profile/resolve.js";
import type { EffectiveProfile } from "../profile/types.js";
import { registry } from "../registry/index.js";
import { profileLabel } from "../report.js";
import { getRule, RULES } from "../rules/index.js";
import { suggest } from "../similar.js";
import { schemaText, SCHEMA_NAMES, type SchemaName } from "../schema/schemas.js";
import type { Lang } from "../types.js";
import { visible } from "../format/visible.js";

/**
 * `explain RULE [--lang L]`: with a language, that language only (fidelity.md C8); without, both.
 * Tool rules (file/*, schema/*, ref/*, suppression/*) print no policy citation (C1).
 */
/**
 * `explain RULE [--lang L] [--profile P]`: with a language, that language only (fidelity.md C8);
 * without, both. Tool rules (file/*, schema/*, ref/*, suppression/*) print no policy citation (C1).
 * With a profile, the level, options and citation in force under it (profiles.md).
 */
export function explainCommand(id: string, lang?: Lang, profile?: EffectiveProfile): string {
  const rule = getRule(id);
  if (!rule) {
    const near = suggest(id, RULES.map((r) => r.id));
    throw new UsageError({
      zh: `未知的规则 ${id}${near ? `；是否指 ${near}？` : ""}（alliance-audit rules 列出全部规则）`,
      en: `unknown rule "${id}"${near ? `; did you mean ${near}?` : ""} (alliance-audit rules lists them all)`,
    });
  }
  const langs: Lang[] = lang ? [lang] : ["zh", "en"];
  const L = {
    severity: { zh: "级别", en: "severity" },
    citation: { zh: "依据", en: "citation" },
    options: { zh: "选项", en: "options" },
    none: { zh: "无（工具规则，不引用政策条款）", en: "none (a tool rule: it cites no policy clause)" },
    explanation: { zh: "说明：", en: "Explanation:" },
    fix: { zh: "修改建议：", en: "How to fix:" },
  };
  const label = (k: keyof typeof L) => langs.map((l) => L[k][l]).join(" / ");
  // Every label padded to the widest, so that the values line up.
  const width = Math.max(...(Object.keys(L) as (keyof typeof L)[]).filter((k) => k !== "explanation" && k !== "fix" && k !== "none").map((k) => label(k).length));
  const pad = (k: keyof typeof L) => `${label(k).padEnd(width)}    `;
  const lines = [`${rule.id}`, `  ${langs.map((l) => rule.title[l]).join(" — ")}`, ""];
  if (profile) {
    const setting = profile.rules[rule.id];
    // A profile file's name, options and citations are written by others: controls shown visibly (issue #12).
    lines.push(`${pad("severity")}${visible(profileLabel(profile.id, langs[0]))}: ${setting?.level ?? "off"}`);
    if (rule.options) lines.push(`${pad("options")}${visible(JSON.stringify({ ...rule.options.defaults, ...(setting?.options ?? {}) }))}`);
    const { citation, alsoCites } = citationsFor(rule, profile);
    if (!citation) lines.push(`${pad("citation")}${langs.map((l) => L.none[l]).join(" / ")}`);
    else for (const [k, l] of langs.entries()) lines.push(`${k === 0 ? pad("citation") : " ".repeat(pad("citation").length)}${[citation, ...alsoCites].map((c) => visible(citationLabel(c)[l])).join(l === "zh" ? "；" : "; ")}`);
  } else {
    const severities = registry.profileNames().map((p) => `${p}: ${registry.profiles.get(p)!.layer.rules[rule.id]?.level ?? "off"}`).join(" · ");
    lines.push(`${pad("severity")}${severities}`);
    if (rule.options) lines.push(`${pad("options")}${JSON.stringify(rule.options.defaults)} — ${langs.map((l) => rule.options!.accepts[l]).join(" / ")}`);
    const refs = rule.citation ? [rule.citation, ...(rule.alsoCites ?? [])] : [];
    if (refs.length === 0) lines.push(`${pad("citation")}${langs.map((l) => L.none[l]).join(" / ")}`);
    for (const [k, l] of langs.entries()) {
      if (refs.length) lines.push(`${k === 0 ? pad("citation") : " ".repeat(pad("citation").length)}${refs.map((r) => citationText(r, l)).join(l === "zh" ? "；" : "; ")}`);
    }
  }
  for (const r of rule.citation ? [rule.citation, ...(rule.alsoCites ?? [])] : []) {
    const text = clauseText(r);
    if (text) lines.push("", `${DOCUMENTS[r.doc].full[langs[0]]} ${r.article[langs[0]]}${langs[0] === "zh" ? "：" : ":"}`, indent(text));
  }
  for (const l of langs) lines.push("", L.explanation[l], indent(rule.description[l]));
  for (const l of langs) lines.push("", L.fix[l], indent(rule.fix[l]));
  lines.push("");
  return lines.join("\n");
}

const indent = (s: string) => s.split("\n").map((l) => `  ${l}`).join("\n");

/**
 * The rules of a profile with their levels, options and citations in force (a profile file's and
 * the config's settings included): a rule turned off is listed as `off`; `configFile` is named in
 * the caption.
 */
export function rulesCommand(profileOrName: EffectiveProfile | string, lang: Lang, configFile?: string): string {
  const profile = typeof profileOrName === "string" ? resolveProfile({ profile: profileOrName, from: process.cwd(), cwd: process.cwd() }) : profileOrName;
  const head = lang === "zh" ? ["规则", "级别", "名称", "依据", "选项"] : ["rule", "severity", "title", "citation", "options"];
  const table = new Table({ head, style: { head: [], border: [] } });
  let n = 0;
  let off = 0;
  for (const rule of RULES) {
    const setting = profile.rules[rule.id];
    const level = setting?.level ?? "off";
    // A rule off in the built-in and not turned on by a file is not part of this profile.
    if (level === "off" && !setting?.explicit) continue;
    if (level === "off") off++;
    else n++;
    const { citation } = citationsFor(rule, profile);
    const options = rule.options ? visible(JSON.stringify({ ...rule.options.defaults, ...(setting?.options ?? {}) })) : "";
    table.push([rule.id, level, rule.title[lang], citation ? visible(citationLabel(citation)[lang]) : "—", options]);
  }
  const offText = off ? (lang === "zh" ? `，${off} 条已关闭` : `, ${off} off`) : "";
  const from = configFile ? (lang === "zh" ? `（配置文件 ${configFile}）` : ` (config ${configFile})`) : "";
  const name = visible(profileLabel(profile.id, lang));
  const caption = lang === "zh" ? `规则集 ${name}：${n} 条规则${offText}${from}` : `profile ${name}: ${n} rules${offText}${from}`;
  return `${caption}\n${table.toString()}\n`;
}

export function schemaCommand(which: string): string {
  if (!(SCHEMA_NAMES as readonly string[]).includes(which)) {
    throw new UsageError({ zh: `未知的模式 ${which}（可选 charter、members）`, en: `unknown schema "${which}" (choose charter or members)` });
  }
  return schemaText(which as SchemaName);
}
