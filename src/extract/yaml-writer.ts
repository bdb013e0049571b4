// Writes the draft as charter.yaml (and the roster as members.yaml) in the style of `init`: block
// YAML, a comment on each value naming where it came from (`# 联盟协议.docx 第十二条`), and the
// placeholder `TODO` with a comment saying what was looked for. YAML only: the comments are the
// point. Every text from a document is quoted when plain YAML could misread it, and comments are
// kept to one line, so a hostile document cannot inject keys or lines.
import type { Lang, Text } from "../types.js";
import type { Draft, Scalar, Value } from "./types.js";

/** The digest's field order (data-model.md), as the writer lays it out. */
const ORDER: readonly string[] = [
  "alliance.name",
  "alliance.lead_member",
  "agreement.title",
  "agreement.documents",
  "agreement.legally_binding",
  "agreement.signed_date",
  "agreement.effective_date",
  "agreement.expiry_date",
  "agreement.term_years",
  "agreement.innovation_goals",
  "agreement.task_division",
  "agreement.signatures",
  "agreement.membership.admission",
  "agreement.membership.withdrawal",
  "governance.decision_body.name",
  "governance.decision_body.rules",
  "governance.advisory_body.name",
  "governance.executive_body.name",
  "governance.executive_body.host_member",
  "governance.executive_body.full_time_staff",
  "governance.executive_body.rules",
  "governance.liable_entity",
  "funding.management_rules",
  "funding.internal_supervision",
  "funding.custodian",
  "funding.government_funding",
  "funding.government_supervision",
  "ip.ownership",
  "ip.licensing",
  "ip.revenue_distribution",
  "ip.breach_liability",
  "openness.external_cooperation",
  "openness.result_diffusion",
  "openness.government_funded_diffusion",
];

const RESERVED = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|[-+]?(?:\.\d+|\d[\d_]*(?:\.\d*)?)(?:[eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|<<)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A string as a YAML scalar: plain when unambiguous, else double-quoted with escapes. */
export function yamlString(s: string): string {
  if (DATE.test(s)) return `'${s}'`;
  const plain =
    s !== "" &&
    s !== "TODO" &&
    !RESERVED.test(s) &&
    !/^[\s\-?:,[\]{}#&*!|>'"%@`]/u.test(s) &&
    !/\s$/u.test(s) &&
    !/:\s|\s#|:$/u.test(s) &&
    !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/u.test(s);
  if (plain) return s;
  return JSON.stringify(s).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function scalarText(v: Scalar): string {
  return typeof v === "string" ? yamlString(v) : String(v);
}

/** A comment on one line: control characters and line separators become spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/gu, " ").trim();
}

function comment(source: string | undefined, note: Text | undefined, lang: Lang): string {
  const parts = [source, note?.[lang]].filter((x): x is string => !!x).map(oneLine);
  return parts.length > 0 ? `  # ${parts.join(" — ")}` : "";
}

function writeValue(lines: string[], indent: string, key: string | undefined, v: Value, lang: Lang): void {
  const head = key === undefined ? `${indent}-` : `${indent}${key}:`;
  switch (v.kind) {
    case "scalar":
      lines.push(`${head} ${scalarText(v.value)}${comment(v.source, v.note, lang)}`);
      return;
    case "todo":
      lines.push(`${head} TODO${comment(v.lookedFor[lang], undefined, lang)}`);
      return;
    case "list":
      if (v.items.length === 0) {
        lines.push(`${head} []${comment(v.source, v.note, lang)}`);
        return;
      }
      lines.push(`${head}${comment(v.source, v.note, lang)}`);
      for (const item of v.items) writeValue(lines, `${indent}  `, undefined, item, lang);
      return;
    case "map": {
      if (key === undefined) {
        // `- member: M01` then the other keys under it.
        v.entries.forEach(([k, x], i) => {
          const sub: string[] = [];
          writeValue(sub, `${indent}  `, k, x, lang);
          if (i === 0) sub[0] = `${indent}- ${sub[0].slice(indent.length + 2)}`;
          lines.push(...sub);
        });
        return;
      }
      lines.push(`${head}${comment(v.source, v.note, lang)}`);
      for (const [k, x] of v.entries) writeValue(lines, `${indent}  `, k, x, lang);
    }
  }
}

/** Paths → a nested tree in ORDER, then lines. */
function writeTree(lines: string[], fields: Map<string, Value>, lang: Lang, sections: Record<string, Text>): void {
  const present = ORDER.filter((p) => fields.has(p));
  let open: string[] = [];
  for (const path of present) {
    const parts = path.split(".");
    const parents = parts.slice(0, -1);
    let common = 0;
    while (common < open.length && common < parents.length && open[common] === parents[common]) common++;
    for (let d = common; d < parents.length; d++) {
      if (d === 0) {
        lines.push("");
        const s = sections[parents[0]];
        if (s) lines.push(`# ${oneLine(s[lang])}`);
      }
      lines.push(`${"  ".repeat(d)}${parents[d]}:`);
    }
    open = parents;
    writeValue(lines, "  ".repeat(parents.length), parts[parts.length - 1], fields.get(path)!, lang);
  }
}

const SECTIONS: Record<string, Text> = {
  alliance: { zh: "联盟基本信息", en: "The alliance" },
  agreement: { zh: "条件（二）联盟协议 — 国科发政〔2008〕770号 第八条（二）", en: "Condition (2): the agreement — Guidance 770 [2008], Art. 8(2)" },
  governance: { zh: "条件（三）组织机构 — 第八条（三）", en: "Condition (3): governing bodies — Art. 8(3)" },
  funding: { zh: "条件（四）经费管理 — 第八条（四）", en: "Condition (4): fund management — Art. 8(4)" },
  ip: { zh: "条件（五）利益保障与知识产权 — 第八条（五）", en: "Condition (5): benefits and IP — Art. 8(5)" },
  openness: { zh: "条件（六）开放发展 — 第八条（六）", en: "Condition (6): openness — Art. 8(6)" },
};

export interface CharterYamlInput {
  draft: Draft;
  lang: Lang;
  /** Lines of comment at the top (already in the user's language). */
  header: string[];
  /** `$schema=` target for editors, when known. */
  schema?: string;
  /** `roster:` value (relative to DIR), when a roster file is named. */
  roster?: string;
}

export function charterYaml(o: CharterYamlInput): string {
  const lines: string[] = [];
  if (o.schema) lines.push(`# yaml-language-server: $schema=${oneLine(o.schema)}`);
  for (const h of o.header) lines.push(`# ${oneLine(h)}`);
  lines.push("schema_version: 1");
  if (o.roster !== undefined) lines.push(`roster: ${yamlString(o.roster)}${comment(o.lang === "zh" ? "成员名单文件（相对于本文件夹）" : "the roster file, relative to this folder", undefined, o.lang)}`);
  writeTree(lines, o.draft.fields, o.lang, SECTIONS);
  return `${lines.join("\n")}\n`;
}

export interface MemberDraft {
  id: string;
  name: string;
  source: string;
}

export function membersYaml(members: MemberDraft[], lang: Lang, header: string[], schema?: string): string {
  const lines: string[] = [];
  if (schema) lines.push(`# yaml-language-server: $schema=${oneLine(schema)}`);
  for (const h of header) lines.push(`# ${oneLine(h)}`);
  const zh = lang === "zh";
  const todoType = zh ? "单位类型：enterprise（企业）| university（大学）| research_institute（科研机构）| other" : "unit type: enterprise | university | research_institute | other";
  const todoCode = zh ? "统一社会信用代码（18 位，见营业执照或法人证书）" : "unified social credit code (18 characters, from the business licence)";
  const todoRep = zh ? "法定代表人姓名（与签署页一致）" : "the legal representative's name (as on the signature page)";
  lines.push("members:");
  for (const m of members) {
    lines.push(`  - id: ${yamlString(m.id)}`);
    lines.push(`    name: ${yamlString(m.name)}${comment(m.source, undefined, lang)}`);
    lines.push(`    type: TODO  # ${todoType}`);
    lines.push(`    credit_code: TODO  # ${todoCode}`);
    lines.push(`    legal_representative: TODO  # ${todoRep}`);
  }
  return `${lines.join("\n")}\n`;
}
