// Commander writes its own parse errors (unknown option, bad choice, missing argument …) in
// English. With --lang zh (or a zh* locale) they are said in Chinese too, like every other
// message of the CLI; a message this table does not know is passed on unchanged.
import type { Lang } from "../types.js";

const RULES: [RegExp, (...m: string[]) => string][] = [
  [/^error: unknown option '([^']*)'/, (o) => `错误：未知的选项“${o}”`],
  [/^error: unknown command '([^']*)'/, (c) => `错误：未知的命令“${c}”`],
  [/^error: missing required argument '([^']*)'/, (a) => `错误：缺少参数 ${a}`],
  [/^error: option '([^']*)' argument missing/, (o) => `错误：选项 ${o} 缺少值`],
  [/^error: required option '([^']*)' not specified/, (o) => `错误：必须给出选项 ${o}`],
  [
    /^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/s,
    (o, v, c) => `错误：选项 ${o} 的值“${v}”无效，可选：${c.split(/, /).join("、")}`,
  ],
  // An argParser's own reason (--lang's accepted spellings), already in the user's language.
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. (.*)$/s, (o, v, why) => `错误：选项 ${o} 的值“${v}”无效，${why.replace(/\.$/, "")}`],
  [
    /^error: command-argument value '([^']*)' is invalid for argument '([^']*)'\. Allowed choices are (.*)\.$/s,
    (v, a, c) => `错误：参数 ${a} 的值“${v}”无效，可选：${c.split(/, /).join("、")}`,
  ],
  [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\.$/, (cmd, n, got) => `错误：${cmd ? `命令 ${cmd} 的` : ""}参数过多：应为 ${n} 个，实际 ${got} 个`],
];

/** Commander's error message (possibly several lines, with "(Did you mean …?)") in `lang`. */
export function localizeCommanderError(message: string, lang: Lang): string {
  if (lang !== "zh") return message;
  const trailing = message.endsWith("\n") ? "\n" : "";
  const lines = message.replace(/\n$/, "").split("\n");
  const head = lines[0];
  let out = head;
  for (const [re, zh] of RULES) {
    const m = re.exec(head);
    if (m) {
      out = zh(...m.slice(1).map((x) => x ?? "")) + head.slice(m[0].length);
      break;
    }
  }
  const rest = lines.slice(1).map((l) => l.replace(/^\(Did you mean (.*)\?\)$/, "（是否指 $1？）"));
  return [out, ...rest].join("\n") + trailing;
}
