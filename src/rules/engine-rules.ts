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
    // A tool rule: the policy says nothing about folders. The citation field is required by the
    // Rule type for now; tool rules lose it together (fidelity.md C1).
    id: "file/skipped",
    condition: "files",
    severity: both,
    citation: CITE,
    title: { zh: "批量审核中有未审核的文件夹", en: "Folder skipped in a batch" },
    description: {
      zh: "批量审核时，某个可能是申报材料的文件夹没有被审核：文件夹无法列出、申报材料文件夹是符号链接（批量审核不跟随链接）、层级超过搜索深度限制，或章程文件名写法接近但不正确（如 Charter.yaml、charter.YAML、charter .yaml、章程.yaml）。它在报告中作为一份“未审核”的申报材料列出，不会被悄悄跳过。",
      en: "In a batch, a folder that may hold a proposal was not audited: it cannot be listed, the proposal folder is a symbolic link (a batch does not follow links), it lies deeper than the search depth limit, or its charter is named almost but not exactly right (Charter.yaml, charter.YAML, charter .yaml, 章程.yaml). It is listed as an unaudited proposal, never skipped silently.",
    },
    fix: {
      zh: "将章程文件改名为 charter.yaml（或 .yml、.json）；给予文件夹读取权限；直接指定链接指向的文件夹；或把申报材料移到较浅的文件夹。",
      en: "Rename the charter to charter.yaml (or .yml, .json); make the folder readable; name the folder a link points to directly; or move the proposal to a shallower folder.",
    },
    messages: {
      unlistable: {
        zh: "无法列出文件夹 {path} 的内容（{detail}），其中的申报材料未被审核",
        en: "the folder {path} cannot be listed ({detail}); proposals in it were not audited",
      },
      symlink: {
        zh: "{path} 是指向申报材料文件夹（{detail}）的符号链接；批量审核不跟随链接，未审核；请直接指定该文件夹",
        en: "{path} is a symbolic link to a proposal folder ({detail}); a batch does not follow links, so it was not audited; name that folder directly",
      },
      "too-deep": {
        zh: "文件夹 {path} 超过 {detail} 层的搜索深度，未被搜索，其中的申报材料未被审核；请直接指定它",
        en: "the folder {path} is deeper than the search limit of {detail} levels and was not searched; proposals in it were not audited; name it directly",
      },
      "near-miss": {
        zh: "{path} 中的 {detail} 不是章程文件名（应为 charter.yaml、charter.yml 或 charter.json），此文件夹未被审核；请改名",
        en: "{detail} in {path} is not a charter file name (charter.yaml, charter.yml or charter.json), so the folder was not audited; rename it",
      },
    },
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
];
