// Rules whose findings the engine makes itself (it reads the files and runs the schema and the
// suppressions); they are here so that `explain`, `rules`, SARIF and the docs know them too.
import { defineRule, type Rule } from "./rule.js";

const both = { national: "error", heilongjiang: "error" } as const;
// Tool rules: they say whether the files could be checked, and cite no policy clause (fidelity.md C1).

export const engineRules: Rule[] = [
  defineRule({
    id: "file/missing",
    condition: "files",
    severity: both,
    title: { zh: "缺少成员名单文件", en: "Membership file missing" },
    description: {
      zh: "一个申报材料文件夹须同时包含章程文件（charter.yaml/.yml/.json）和成员名单文件（members.yaml/.yml/.json/.csv）；条件审核需要两个文件。",
      en: "A proposal folder holds a charter file (charter.yaml/.yml/.json) and a membership file (members.yaml/.yml/.json/.csv); the conditions are checked on both.",
    },
    fix: { zh: "在章程旁放置 members.yaml（或 .csv），或用 --members 指定名单文件。", en: "Put members.yaml (or .csv) beside the charter, or name the roster with --members." },
    messages: {
      noRoster: {
        zh: "{folder} 中没有成员名单文件（members.yaml、members.yml、members.json 或 members.csv）",
        en: "no membership file (members.yaml, members.yml, members.json or members.csv) in {folder}",
      },
      rosterNotFound: { zh: "章程 roster 指定的成员名单文件“{roster}”不存在", en: 'the roster named in roster: "{roster}" does not exist' },
      rosterOutside: {
        zh: "章程 roster 指定的成员名单“{roster}”不在申报文件夹内，未被读取；请把名单放进章程所在的文件夹",
        en: 'the roster named in roster: "{roster}" is outside the proposal folder and was not read; put the roster in the charter\'s folder',
      },
    },
  }),
  defineRule({
    id: "file/unreadable",
    condition: "files",
    severity: both,
    title: { zh: "文件无法读取", en: "File cannot be read" },
    description: {
      zh: "文件无法读取、解码或解析（YAML/JSON/CSV 语法错误、重复的键、空文件、顶层不是映射等）。报告给出第一个错误的行和列。",
      en: "A file cannot be read, decoded or parsed (a YAML/JSON/CSV syntax error, a duplicate key, an empty file, a top level that is not a mapping…). The finding gives the line and column of the first error.",
    },
    fix: { zh: "按提示的行列修正文件，保存为 UTF-8 编码。", en: "Correct the file at the line and column given, and save it as UTF-8." },
    messages: {
      detail: { zh: "{detail}", en: "{detail}" },
      internal: {
        zh: "alliance-audit 审核此申报材料时出现内部错误（{reason}）；请报告此问题",
        en: "alliance-audit failed on this proposal with an internal error ({reason}); please report it",
      },
    },
  }),
  defineRule({
    id: "file/ambiguous",
    condition: "files",
    severity: both,
    title: { zh: "同一文件夹中有两个章程或两个成员名单", en: "Two charters or two rosters in one folder" },
    description: {
      zh: "一个申报文件夹只能有一个章程文件和一个成员名单文件。有两个时，工具不替用户选择：该申报材料不予审核，直到删除其中一个。",
      en: "A proposal folder holds one charter file and one roster file. With two, the tool does not choose for you: the proposal is not audited until one is removed.",
    },
    fix: { zh: "保留一个文件，删除或移走另一个（或在章程中用 roster: 指定名单并删除默认名称的名单）。", en: "Keep one file and remove or move the other (or name the roster with roster: and remove the default-named one)." },
    messages: {
      charters: { zh: "同一文件夹中有两个章程文件（{files}）：请保留一个", en: "two charter files in one folder ({files}): keep one" },
      rosters: { zh: "同一文件夹中有两个成员名单（{files}）：请保留一个", en: "two rosters in one folder ({files}): keep one" },
      rosterNamed: {
        zh: "章程用 roster 指定了成员名单“{roster}”，但文件夹中还有 {other}：请删除其中一个",
        en: 'the charter names the roster "{roster}" but the folder also holds {other}: keep one',
      },
    },
  }),
  defineRule({
    // A tool rule: the policy says nothing about folders (no citation, fidelity.md C1).
    id: "file/skipped",
    condition: "files",
    severity: both,
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
    title: { zh: "字段类型或格式错误", en: "Wrong type or format" },
    description: {
      zh: "某个值的类型或格式不对（如日期不是 YYYY-MM-DD、百分比不是数字、枚举值不在允许范围内），且没有条件规则覆盖该字段。结构以 schemas/ 中的 JSON Schema 为准。",
      en: "A value has the wrong type or format (a date not written YYYY-MM-DD, a percentage that is not a number, an unknown enum value) where no condition rule covers it. The JSON Schemas in schemas/ define the structure.",
    },
    fix: { zh: "按消息中的要求更正该值；编辑器可用 `alliance-audit schema` 输出的模式提示。", en: "Correct the value as the message says; `alliance-audit schema` gives editors the schema." },
    messages: { detail: { zh: "{detail}", en: "{detail}" } },
  }),
  defineRule({
    id: "suppression/no-reason",
    condition: "suppression",
    severity: { national: "warning", heilongjiang: "warning" },
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
    title: { zh: "未知的键或列", en: "Unknown key or column" },
    description: {
      zh: "章程或名单中有模式没有定义的键（多为拼写错误，如 goverment_funding），或 CSV 名单中有不认识的表头：其中的值不会被审核。每个键报告一次，位于该键处；未知键下面的键不再报告。常见的联系方式列（联系人、联系电话、邮箱、地址、备注等）会被忽略，不报告。",
      en: "The charter or roster has a key the schema does not define (usually a typo, such as goverment_funding), or a CSV roster has a header that is no known column: its values are not audited. One finding per key, at the key; keys below an unknown key are not reported again. The usual contact columns (联系人, 联系电话, 邮箱, 地址, 备注 …) are ignored.",
    },
    fix: { zh: "按提示更正键名或表头；确实不需要的内容请删除。", en: "Correct the key or header as suggested; delete what is not needed." },
    messages: { detail: { zh: "{detail}", en: "{detail}" } },
  }),
  defineRule({
    id: "schema/missing-column",
    condition: "files",
    severity: both,
    title: { zh: "名单缺少必需的列", en: "Roster lacks a required column" },
    description: {
      zh: "CSV/XLSX 名单须有以下各列：编号（或序号、id）、单位名称、单位类型、统一社会信用代码、法定代表人。缺少一列时报告一次，列出已有的表头；各行就不再逐一报告该字段缺失。",
      en: "A CSV/XLSX roster needs these columns: id (编号/序号), name (单位名称), type (单位类型), credit code (统一社会信用代码), legal representative (法定代表人). A missing column is reported once, naming the headers found; its rows are then not reported one by one.",
    },
    fix: { zh: "在表头中加上缺少的列（表头名见说明），并为每个成员填写。", en: "Add the missing column to the header (names as above) and fill it in for every member." },
    messages: { detail: { zh: "{detail}", en: "{detail}" } },
  }),
];
