// Rules whose findings the engine makes itself (it reads the files and runs the schema and the
// suppressions); they are here so that `explain`, `rules`, SARIF and the docs know them too.
import { N } from "../policy/documents.js";
import { defineRule, type Rule } from "./rule.js";

const both = { national: "error", heilongjiang: "error" } as const;
const CITE = N("一", "1"); // the alliance's files are what the conditions are checked on

export const engineRules: Rule[] = [
  defineRule({
    id: "file/missing",
    condition: "files",
    severity: both,
    citation: CITE,
    title: { zh: "缺少成员名单文件", en: "Membership file missing" },
    description: {
      zh: "一个申报材料文件夹须同时包含章程文件（charter.yaml/.yml/.json）和成员名单文件（members.yaml/.yml/.json/.csv）；条件审核需要两个文件。",
      en: "A proposal folder holds a charter file (charter.yaml/.yml/.json) and a membership file (members.yaml/.yml/.json/.csv); the conditions are checked on both.",
    },
    fix: { zh: "在章程旁放置 members.yaml（或 .csv），或用 --members 指定名单文件。", en: "Put members.yaml (or .csv) beside the charter, or name the roster with --members." },
    messages: {},
  }),
  defineRule({
    id: "file/unreadable",
    condition: "files",
    severity: both,
    citation: CITE,
    title: { zh: "文件无法读取", en: "File cannot be read" },
    description: {
      zh: "文件无法读取、解码或解析（YAML/JSON/CSV 语法错误、重复的键、空文件、顶层不是映射等）。报告给出第一个错误的行和列。",
      en: "A file cannot be read, decoded or parsed (a YAML/JSON/CSV syntax error, a duplicate key, an empty file, a top level that is not a mapping…). The finding gives the line and column of the first error.",
    },
    fix: { zh: "按提示的行列修正文件，保存为 UTF-8 编码。", en: "Correct the file at the line and column given, and save it as UTF-8." },
    messages: {},
  }),
  defineRule({
    id: "schema/invalid",
    condition: "files",
    severity: both,
    citation: CITE,
    title: { zh: "字段类型或格式错误", en: "Wrong type or format" },
    description: {
      zh: "某个值的类型或格式不对（如日期不是 YYYY-MM-DD、百分比不是数字、枚举值不在允许范围内），且没有条件规则覆盖该字段。结构以 schemas/ 中的 JSON Schema 为准。",
      en: "A value has the wrong type or format (a date not written YYYY-MM-DD, a percentage that is not a number, an unknown enum value) where no condition rule covers it. The JSON Schemas in schemas/ define the structure.",
    },
    fix: { zh: "按消息中的要求更正该值；编辑器可用 `alliance-audit schema` 输出的模式提示。", en: "Correct the value as the message says; `alliance-audit schema` gives editors the schema." },
    messages: {},
  }),
  defineRule({
    id: "suppression/no-reason",
    condition: "suppression",
    severity: { national: "warning", heilongjiang: "warning" },
    citation: CITE,
    title: { zh: "抑制注释没有说明理由", en: "Suppression without a reason" },
    description: {
      zh: "行内抑制注释 `# alliance-audit-disable-next-line <规则> -- <理由>` 必须写明理由，供审核人员判断。",
      en: "An inline `# alliance-audit-disable-next-line <rule-id> -- <reason>` comment must give a reason for the reviewer.",
    },
    fix: { zh: "在规则编号后加上“ -- 理由”。", en: 'Add " -- reason" after the rule id.' },
    messages: {
      default: {
        zh: "抑制注释（{rules}）没有说明理由：请在规则后写“ -- 理由”",
        en: 'suppression of {rules} gives no reason: add " -- <reason>" after the rule id',
      },
    },
  }),
  defineRule({
    id: "suppression/unused",
    condition: "suppression",
    severity: { national: "warning", heilongjiang: "warning" },
    citation: CITE,
    title: { zh: "抑制注释没有抑制任何问题", en: "Suppression suppresses nothing" },
    description: {
      zh: "行内抑制注释的下一行没有该规则的问题：注释已过时，或规则编号写错。",
      en: "The line after an inline suppression has no finding of that rule: the comment is stale or names the wrong rule.",
    },
    fix: { zh: "删除该注释，或更正规则编号。", en: "Remove the comment, or correct the rule id." },
    messages: {
      default: {
        zh: "抑制注释（{rules}）的下一行没有相应的问题，可以删除",
        en: "suppression of {rules} suppresses nothing on the next line; remove it",
      },
    },
  }),
  defineRule({
    id: "schema/unknown-key",
    condition: "files",
    severity: { national: "warning", heilongjiang: "warning" },
    citation: CITE, // C1: the lead drops citations of tool rules
    title: { zh: "未知的键或列", en: "Unknown key or column" },
    description: {
      zh: "章程或名单中有模式没有定义的键（多为拼写错误，如 goverment_funding），或 CSV 名单中有不认识的表头：其中的值不会被审核。每个键报告一次，位于该键处；未知键下面的键不再报告。常见的联系方式列（联系人、联系电话、邮箱、地址、备注等）会被忽略，不报告。",
      en: "The charter or roster has a key the schema does not define (usually a typo, such as goverment_funding), or a CSV roster has a header that is no known column: its values are not audited. One finding per key, at the key; keys below an unknown key are not reported again. The usual contact columns (联系人, 联系电话, 邮箱, 地址, 备注 …) are ignored.",
    },
    fix: { zh: "按提示更正键名或表头；确实不需要的内容请删除。", en: "Correct the key or header as suggested; delete what is not needed." },
    messages: {},
  }),
  defineRule({
    id: "schema/missing-column",
    condition: "files",
    severity: both,
    citation: CITE, // C1: the lead drops citations of tool rules
    title: { zh: "名单缺少必需的列", en: "Roster lacks a required column" },
    description: {
      zh: "CSV/XLSX 名单须有以下各列：编号（或序号、id）、单位名称、单位类型、统一社会信用代码、法定代表人。缺少一列时报告一次，列出已有的表头；各行就不再逐一报告该字段缺失。",
      en: "A CSV/XLSX roster needs these columns: id (编号/序号), name (单位名称), type (单位类型), credit code (统一社会信用代码), legal representative (法定代表人). A missing column is reported once, naming the headers found; its rows are then not reported one by one.",
    },
    fix: { zh: "在表头中加上缺少的列（表头名见说明），并为每个成员填写。", en: "Add the missing column to the header (names as above) and fill it in for every member." },
    messages: {},
  }),
];
