// explain, rules and schema: the rule catalogue and the schemas, for people and editors.
import Table from "cli-table3";
import { UsageError } from "../errors.js";
import { clauseText, citationText, DOCUMENTS } from "../policy/documents.js";
import { effectiveSeverity, getRule, RULES, type SeverityOverrides } from "../rules/index.js";
import { suggest } from "../rules/similar.js";
import { schemaText, SCHEMA_NAMES, type SchemaName } from "../schema/schemas.js";
import { PROFILES, type Lang, type Profile } from "../types.js";

export function explainCommand(id: string): string {
  const rule = getRule(id);
  if (!rule) {
    const near = suggest(id, RULES.map((r) => r.id));
    throw new UsageError({
      zh: `未知的规则 ${id}${near ? `；是否指 ${near}？` : ""}（alliance-audit rules 列出全部规则）`,
      en: `unknown rule "${id}"${near ? `; did you mean ${near}?` : ""} (alliance-audit rules lists them all)`,
    });
  }
  const severities = PROFILES.map((p) => `${p}: ${rule.severity[p] ?? "—"}`).join(" · ");
  const refs = [rule.citation, ...(rule.alsoCites ?? [])];
  const lines = [
    `${rule.id}`,
    `  ${rule.title.zh} — ${rule.title.en}`,
    "",
    `级别 / severity    ${severities}`,
    `依据 / citation    ${refs.map((r) => citationText(r, "zh")).join("；")}`,
    `                   ${refs.map((r) => citationText(r, "en")).join("; ")}`,
  ];
  for (const r of refs) {
    const text = clauseText(r);
    if (text) lines.push("", `${DOCUMENTS[r.doc].full.zh} ${r.article.zh}：`, indent(text));
  }
  lines.push("", "说明：", indent(rule.description.zh), "", "Explanation:", indent(rule.description.en));
  lines.push("", "修改建议：", indent(rule.fix.zh), "", "How to fix:", indent(rule.fix.en), "");
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
    table.push([rule.id, sev ?? "off", rule.title[lang], citationText(rule.citation, lang)]);
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
