// The `.alliance-audit.yaml` that `init --profile X` writes beside the starter proposal, so that
// the profile chosen once is the one every later audit in that folder uses (cli.md, config file).
import type { Lang, Profile } from "../types.js";

export function configTemplate(lang: Lang, profile: Profile, rememberLang?: Lang): string {
  const lines =
    lang === "zh"
      ? [
          "# alliance-audit 配置文件（由 alliance-audit init 生成）：在本文件夹及其子文件夹中运行的审核使用这些设置；",
          "# 命令行选项优先。可用的键：profile、lang、failOn、rules、ignore。",
          `profile: ${profile}                 # 规则集：national | heilongjiang`,
        ]
      : [
          "# alliance-audit config (written by alliance-audit init): audits run in this folder and below use these settings;",
          "# command-line options win. Keys: profile, lang, failOn, rules, ignore.",
          `profile: ${profile}                 # rule set: national | heilongjiang`,
        ];
  if (rememberLang) lines.push(`lang: ${rememberLang}`);
  return lines.join("\n") + "\n";
}
