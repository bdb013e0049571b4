// explain, rules and schema: the rule catalogue and the schemas, for people and editors.
import Table from "cli-table3";
import { UsageError } from "../errors.js";
import { clauseText, citationText, DOCUMENTS } from "../policy/documents.js";
import { effectiveSeverity, getRule, RULES, type SeverityOverrides } from "../rules/index.js";
import { suggest } from "../rules/similar.js";
import { schemaText, SCHEMA_NAMES, type SchemaName } from "../schema/schemas.js";
import { PROFILES, type Lang, type Profile } from "../types.js";

/**
 * `explain RULE [--lang L]`: with a language, that language only (fidelity.md C8); without, both.
 * Tool rules (file/*, schema/*, ref/*, suppression/*) print no policy citation (C1).
 */
export function explainCommand(id: string, lang?: Lang): string {
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
    none: { zh: "无（工具规则，不引用政策条款）", en: "none (a tool rule: it cites no policy clause)" },
    explanation: { zh: "说明：", en: "Explanation:" },
    fix: { zh: "修改建议：", en: "How to fix:" },
  };
  const label = (k: keyof typeof L) => langs.map((l) => L[k][l]).join(" / ");
  const severities = PROFILES.map((p) => `${p}: ${rule.severity[p] ?? "—"}`).join(" · ");
  const refs = rule.citation ? [rule.citation, ...(rule.alsoCites ?? [])] : [];
  const lines = [`${rule.id}`, `  ${langs.map((l) => rule.title[l]).join(" — ")}`, "", `${label("severity")}    ${severities}`];
  if (refs.length === 0) lines.push(`${label("citation")}    ${langs.map((l) => L.none[l]).join(" / ")}`);
  for (const [k, l] of langs.entries()) {
    if (refs.length) lines.push(`${k === 0 ? `${label("citation")}    ` : " ".repeat(label("citation").length + 4)}${refs.map((r) => citationText(r, l)).join(l === "zh" ? "；" : "; ")}`);
  }
  for (const r of refs) {
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
 * The rules of a profile with their effective severities after `overrides` (a config file's
 * `rules`): a rule the config turns off is listed as `off`; `configFile` is named in the caption.
 */
export function rulesCommand(profile: Profile, lang: Lang, overrides: SeverityOverrides = {}, configFile?: string): string {
  const head = lang === "zh" ? ["规则", "级别", "名称", "依据"] : ["rule", "severity", "title", "citation"];
  const table = new Table({ head, style: { head: [], border: [] } });
  let n = 0;
  let off = 0;
  for (const rule of RULES) {
    if (rule.severity[profile] === undefined) continue; // not part of this profile
    const sev = effectiveSeverity(rule, profile, overrides);
    if (sev) n++;
    else off++;
    table.push([rule.id, sev ?? "off", rule.title[lang], rule.citation ? citationText(rule.citation, lang) : "—"]);
  }
  const offText = off ? (lang === "zh" ? `，${off} 条已关闭` : `, ${off} off`) : "";
  const from = configFile ? (lang === "zh" ? `（配置文件 ${configFile}）` : ` (config ${configFile})`) : "";
  const caption = lang === "zh" ? `规则集 ${profile}：${n} 条规则${offText}${from}` : `profile ${profile}: ${n} rules${offText}${from}`;
  return `${caption}\n${table.toString()}\n`;
}

export function schemaCommand(which: string): string {
  if (!(SCHEMA_NAMES as readonly string[]).includes(which)) {
    throw new UsageError({ zh: `未知的模式 ${which}（可选 charter、members）`, en: `unknown schema "${which}" (choose charter or members)` });
  }
  return schemaText(which as SchemaName);
}
