// The command line's own words in both languages: every command's and option's description, the
// help's headings, defaults, exit codes and examples (issue #13). main.ts builds the commands with
// the texts of the language chosen before parsing (--lang, the config's `lang`, LANG/LC_ALL, or
// the system locale), so `--help` and `help [command]` speak the user's language.
import { Command, InvalidArgumentError, type Help, type Option, type Argument } from "commander";
import { LANG_WORDS, normaliseLang } from "../i18n.js";
import type { Lang } from "../types.js";

type T = { zh: string; en: string };

/** Descriptions of commands, arguments and options. `{formats}` is filled with the format names. */
export const HELP_TEXT = {
  program: {
    zh: "按 国科发政〔2008〕770号 第八条 及地方规则审核产业技术创新战略联盟的申报材料（联盟协议要点与成员名单）。",
    en: "Audit industrial technology innovation strategic alliance proposals (产业技术创新战略联盟) against 国科发政〔2008〕770号 and provincial rules.",
  },
  paths: { zh: "申报材料文件夹、章程文件、批量文件夹或加引号的通配符（默认：当前文件夹）", en: "proposal folders, charter files, batch folders or quoted globs (default: the current folder)" },
  profile: { zh: "规则集：内置的 national、heilongjiang，或规则集文件的路径（默认：配置文件中的，否则 national）", en: "rule set: a built-in profile (national, heilongjiang) or a profile file (default: the config file's, else national)" },
  explainProfile: { zh: "显示该规则集（连同配置文件的规则）下的级别、选项和依据", en: "show the level, options and citation in force under this profile (with the config's rules)" },
  format: { zh: "报告格式：{formats}", en: "report format: {formats}" },
  output: { zh: "把报告写入文件 FILE（要么完整写入，要么不写），而不是标准输出", en: "write the report to FILE (whole or not at all) instead of stdout" },
  failOn: { zh: "使退出码为 1 的最低级别（默认：配置文件中的，否则 error）", en: "lowest severity that makes the exit code 1 (default: the config file's, else error)" },
  asOf: { zh: "日期规则比较的日期（YYYY-MM-DD；默认：今天）", en: "the date that date rules compare with (YYYY-MM-DD; default: today)" },
  members: { zh: "成员名单文件（给出单个章程文件时）", en: "the roster, when a single charter file is given" },
  lang: { zh: `报告语言：${LANG_WORDS}（默认：配置文件中的，否则取自 LANG/LC_ALL 或系统区域设置）`, en: `language: ${LANG_WORDS} (default: the config file's, else from LANG/LC_ALL or the system locale)` },
  jobs: { zh: "批量审核的并行进程数（默认：按处理器数选择）", en: "parallel workers for batch audits (default: chosen from the number of processors)" },
  shard: { zh: "只审核按确定方式分成 n 份中的第 i 份（用于 CI 矩阵）", en: "audit only the i-th of n deterministic slices of the proposals (CI matrices)" },
  quiet: { zh: "只报告错误", en: "report errors only" },
  noColor: { zh: "不使用 ANSI 颜色（也可设置 NO_COLOR）", en: "no ANSI colours (also NO_COLOR)" },
  noFixHints: { zh: "stylish 与 html：不在每条规则的第一个问题下显示修改建议", en: "stylish and html: no fix hint under each rule's first finding" },
  config: { zh: "配置文件（默认：从当前文件夹向上查找 .alliance-audit.yaml/.yml/.json，止于仓库根目录）", en: "config file (default: .alliance-audit.yaml/.yml/.json found upward from the current folder, up to the repository root)" },
  noConfig: { zh: "忽略配置文件", en: "ignore config files" },
  baseline: { zh: "只报告此基线文件中没有记录的问题（其余计为已抑制）", en: "report only findings not recorded in this baseline file (the others count as suppressed)" },
  updateBaseline: { zh: "把当前的问题写入 --baseline 文件，退出码为 0", en: "write the current findings to the --baseline file and exit 0" },
  cache: { zh: "记住每份申报材料的审核结果，只重新审核文件或设置有变化的（结果保存在用户缓存文件夹）", en: "remember each proposal's findings and audit again only proposals whose files or settings changed (kept in the user's cache folder)" },
  cacheLocation: { zh: "缓存文件或其所在文件夹（默认：$XDG_CACHE_HOME/alliance-audit 或 ~/.cache/alliance-audit）", en: "the cache file, or a folder for it (default: $XDG_CACHE_HOME/alliance-audit or ~/.cache/alliance-audit)" },
  watch: { zh: "被审核的文件保存后自动重新审核（Ctrl-C 退出）", en: "audit again whenever an audited file is saved (Ctrl-C quits)" },
  version: { zh: "显示版本号", en: "print the version" },
  help: { zh: "显示帮助", en: "display help" },
  helpCommand: { zh: "显示某个命令的帮助", en: "display help for a command" },
  init: {
    zh: "生成完整、合规的申报材料示例（charter.yaml + members.yaml，附说明注释）；给出 --profile 时还写入记住该规则集的 .alliance-audit.yaml",
    en: "write a complete, compliant starter proposal (charter.yaml + members.yaml) with explaining comments; with --profile also a .alliance-audit.yaml that remembers the profile",
  },
  initDir: { zh: "写入的文件夹（不存在时创建）", en: "the folder to write to (created when missing)" },
  initProfile: { zh: "示例按哪个规则集编写（默认：配置文件中的，否则 national）", en: "rule set the template is written for (default: the config file's, else national)" },
  initLang: { zh: `注释和示例的语言：${LANG_WORDS}（默认：取自 LANG/LC_ALL）`, en: `language of the comments and examples: ${LANG_WORDS} (default: from LANG/LC_ALL)` },
  force: { zh: "覆盖已有文件", en: "overwrite existing files" },
  extract: {
    zh: "从已签署的协议文件（.docx/.pdf/.md/.txt）起草 charter.yaml（及 members.yaml），每个值注明出处",
    en: "draft charter.yaml (and members.yaml) from the signed agreement documents (.docx/.pdf/.md/.txt), each value with its source",
  },
  extractDocuments: { zh: "协议文件；第一个文件所在的文件夹是默认输出文件夹", en: "the agreement documents; the first one's folder is the default output folder" },
  extractMembers: { zh: "成员名单（如 成员名单.xlsx），须在输出文件夹内；章程用 roster: 指向它", en: "the roster (e.g. 成员名单.xlsx), inside the output folder; the charter names it in roster:" },
  extractOutput: { zh: "写入 charter.yaml 的文件夹（默认：第一个文件所在的文件夹）", en: "the folder to write charter.yaml to (default: the first document's folder)" },
  extractLang: { zh: `注释和摘要的语言：${LANG_WORDS}（默认：取自 LANG/LC_ALL）`, en: `language of the comments and summary: ${LANG_WORDS} (default: from LANG/LC_ALL)` },
  explain: { zh: "显示规则的依据、说明（中英文）和修改建议", en: "the rule's citation, explanation (zh and en) and fix hint" },
  ruleId: { zh: "规则编号，例如 agreement/unsigned", en: "a rule id, such as agreement/unsigned" },
  explainLang: { zh: `只显示这种语言：${LANG_WORDS}（默认：中英文都显示）`, en: `print this language only: ${LANG_WORDS} (default: both)` },
  rules: { zh: "列出某个规则集中生效的规则及其级别", en: "table of the rules active in a profile, with severities" },
  rulesConfig: { zh: "显示该配置文件中的级别（默认：从当前文件夹向上查找）", en: "config file whose severities to show (default: found upward from the current folder)" },
  merge: { zh: "把分片审核的 JSON 报告合并为一份报告（可输出任意格式）", en: "merge the JSON reports of shards into one report (any --format)" },
  reports: { zh: "用 --format json 生成的 JSON 报告", en: "JSON reports written with --format json" },
  mergeUpdateBaseline: { zh: "把合并后的问题写入此基线文件，而不是输出报告（退出码 0）", en: "write the merged findings to this baseline file instead of reporting (exit 0)" },
  schema: { zh: "输出文件的 JSON Schema（供编辑器使用：yaml-language-server）", en: "print the JSON Schema of a file (for editors: yaml-language-server)" },
  which: { zh: "charter 或 members", en: "charter or members" },
} satisfies Record<string, T>;

const HEADINGS: Record<string, T> = {
  "Usage:": { zh: "用法：", en: "Usage:" },
  "Arguments:": { zh: "参数：", en: "Arguments:" },
  "Options:": { zh: "选项：", en: "Options:" },
  "Commands:": { zh: "命令：", en: "Commands:" },
  "Global Options:": { zh: "全局选项：", en: "Global Options:" },
};

/** The help's closing part per command: defaults are in the option list; here exit codes and two examples. */
const EPILOGUE: Record<string, { exit: T[]; examples: [string, T][] }> = {
  "alliance-audit": {
    exit: [
      { zh: "0  没有达到 --fail-on 级别的问题", en: "0  no finding at or above --fail-on" },
      { zh: "1  至少一个问题达到 --fail-on 级别（包括无法审核的申报材料）", en: "1  at least one finding at or above --fail-on (unaudited proposals included)" },
      { zh: "2  命令本身无法运行：选项或取值有误、没有找到申报材料、无法写入输出", en: "2  the command could not run: a bad option or value, no proposal found, an unwritable output" },
    ],
    examples: [
      ["alliance-audit --profile heilongjiang proposals/", { zh: "按黑龙江省规则集审核一批申报材料", en: "audit a batch of proposals under the Heilongjiang profile" }],
      ["alliance-audit . --format html -o report.html --lang zh", { zh: "为评审人员生成中文 HTML 报告", en: "write a Chinese HTML report for reviewers" }],
    ],
  },
  init: {
    exit: [
      { zh: "0  已写入文件", en: "0  the files were written" },
      { zh: "2  文件已存在（未加 --force）或无法写入", en: "2  a file exists (without --force) or cannot be written" },
    ],
    examples: [
      ["alliance-audit init my-alliance --profile heilongjiang", { zh: "在 my-alliance 中生成黑龙江省规则集的示例及配置文件", en: "write a Heilongjiang starter proposal and config into my-alliance" }],
      ["alliance-audit init . --lang zh --force", { zh: "在当前文件夹重新生成中文示例", en: "write the Chinese starter again into the current folder" }],
    ],
  },
  extract: {
    exit: [
      { zh: "0  已写入草稿", en: "0  the draft was written" },
      { zh: "2  文件缺失或无法读取、目标文件已存在（未加 --force）或无法写入；未写入任何文件", en: "2  a document is missing or unreadable, a file exists (without --force) or cannot be written; nothing was written" },
    ],
    examples: [
      ["alliance-audit extract 联盟协议.docx --members 成员名单.xlsx", { zh: "从协议和名单起草章程摘要", en: "draft the digest from the agreement and the roster" }],
      ["alliance-audit extract 联盟协议.pdf 联盟章程.docx --lang zh", { zh: "从两份文件起草，中文注释", en: "draft from two documents, with Chinese comments" }],
    ],
  },
  explain: {
    exit: [
      { zh: "0  已显示规则", en: "0  the rule was shown" },
      { zh: "2  没有这个规则", en: "2  no such rule" },
    ],
    examples: [
      ["alliance-audit explain agreement/unsigned", { zh: "中英文说明", en: "the explanation in Chinese and English" }],
      ["alliance-audit explain governance/advisory-body --lang en", { zh: "只显示英文", en: "in English only" }],
    ],
  },
  rules: {
    exit: [
      { zh: "0  已列出规则", en: "0  the rules were listed" },
      { zh: "2  选项或配置文件有误", en: "2  a bad option or config file" },
    ],
    examples: [
      ["alliance-audit rules --profile heilongjiang", { zh: "黑龙江省规则集的规则及级别", en: "the Heilongjiang profile's rules and severities" }],
      ["alliance-audit rules --no-config --lang zh", { zh: "不考虑配置文件的默认级别（中文）", en: "the default severities, ignoring any config, in Chinese" }],
    ],
  },
  merge: {
    exit: [
      { zh: "0  没有达到 --fail-on 级别的问题", en: "0  no finding at or above --fail-on" },
      { zh: "1  至少一个问题达到 --fail-on 级别", en: "1  at least one finding at or above --fail-on" },
      { zh: "2  报告无法读取、无效或不能合并", en: "2  a report cannot be read, is invalid or cannot be merged" },
    ],
    examples: [
      ["alliance-audit merge shard-*.json --format markdown -o summary.md", { zh: "把 CI 矩阵的分片合并为拉取请求评论", en: "merge a CI matrix's shards into a pull-request comment" }],
      ["alliance-audit merge a.json b.json --format html --lang zh -o report.html", { zh: "合并为中文 HTML 报告", en: "merge into a Chinese HTML report" }],
    ],
  },
  schema: {
    exit: [
      { zh: "0  已输出模式", en: "0  the schema was printed" },
      { zh: "2  没有这个模式", en: "2  no such schema" },
    ],
    examples: [
      ["alliance-audit schema charter > charter.schema.json", { zh: "保存章程的 JSON Schema", en: "save the charter's JSON Schema" }],
      ["alliance-audit schema members", { zh: "显示成员名单的 JSON Schema", en: "print the roster's JSON Schema" }],
    ],
  },
};

/** The closing text of a command's help: its exit codes and two examples, in `lang`. */
export function helpEpilogue(command: string, lang: Lang): string {
  const e = EPILOGUE[command];
  if (!e) return "";
  const head = lang === "zh" ? { exit: "退出码：", examples: "示例：" } : { exit: "Exit codes:", examples: "Examples:" };
  const width = Math.max(...e.examples.map(([cmd]) => cmd.length));
  const lines = ["", head.exit, ...e.exit.map((t) => `  ${t[lang]}`), "", head.examples];
  for (const [cmd, what] of e.examples) lines.push(`  ${cmd.padEnd(width)}  # ${what[lang]}`);
  return lines.join("\n") + "\n";
}

/** `(可选：a、b；默认：x)` / `(choices: a, b; default: x)`, commander's extra info in `lang`. */
function extraInfo(choices: readonly string[] | undefined, defaultValue: unknown, defaultDescription: string | undefined, showDefault: boolean, lang: Lang): string {
  const parts: string[] = [];
  if (choices) parts.push(lang === "zh" ? `可选：${choices.join("、")}` : `choices: ${choices.join(", ")}`);
  if (showDefault && defaultValue !== undefined) {
    const d = defaultDescription ?? String(defaultValue);
    parts.push(lang === "zh" ? `默认：${d}` : `default: ${d}`);
  }
  if (parts.length === 0) return "";
  return lang === "zh" ? `（${parts.join("；")}）` : ` (${parts.join("; ")})`;
}

/**
 * Help in `lang`: the headings, choices and defaults in that language, and widths counted in
 * terminal columns (a Chinese character takes two), so the columns line up and wrap correctly.
 */
/**
 * Display width for help's columns. string-width (Unicode property regexes, Intl.Segmenter) costs
 * ~25 ms to load, a sixth of a cold audit, so main() loads it only when help is asked for; until
 * then, a wide/full-width CJK character counts two and anything else one, which is exact for the
 * help texts themselves.
 */
let widthOf = (s: string): number => {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
};

export async function loadHelpWidth(): Promise<void> {
  widthOf = (await import("string-width")).default;
}

export function helpConfiguration(lang: Lang): Partial<Help> {
  return {
    styleTitle: (s: string) => HEADINGS[s]?.[lang] ?? s,
    displayWidth: (s: string) => widthOf(s),
    optionDescription: (o: Option) => {
      const show = o.required || o.optional || (o.isBoolean() && typeof o.defaultValue === "boolean");
      // `--no-color` and friends have default true: an implementation detail, not shown.
      return o.description + extraInfo(o.argChoices, o.negate ? undefined : o.defaultValue, o.defaultValueDescription, show && !o.negate, lang);
    },
    argumentDescription: (a: Argument) => a.description + extraInfo(a.argChoices, a.defaultValue, a.defaultValueDescription, true, lang),
  };
}

/** Adds each command's exit codes and examples after its help, and the localised help option. */
export function localiseHelp(cmd: Command, name: string, lang: Lang): Command {
  cmd.helpOption("-h, --help", HELP_TEXT.help[lang]);
  const epilogue = helpEpilogue(name, lang);
  if (epilogue) cmd.addHelpText("after", epilogue);
  return cmd;
}

/** `--lang` as people write it (zh-CN, zh_CN, cn …) → zh | en; anything else is a bad value (exit 2). */
export function langOption(lang: Lang): (value: string) => Lang {
  return (value: string) => {
    const l = normaliseLang(value);
    if (!l) throw new InvalidArgumentError(lang === "zh" ? `可选：${LANG_WORDS}` : `Allowed values are ${LANG_WORDS}.`);
    return l;
  };
}
