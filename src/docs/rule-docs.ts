// The rule documentation pages (docs/rules/<id>.md, one per rule as Stylelint has them) are
// rendered from the rule objects, so they cannot drift: scripts/gen-rule-docs.mjs writes them and
// a test fails when the committed pages differ from what the rules say.
import { citationText, clauseText, DOCUMENTS } from "../policy/documents.js";
import { RULES, type Rule } from "../rules/index.js";
import { PROFILES } from "../types.js";

export function ruleDoc(rule: Rule): string {
  const refs = rule.citation ? [rule.citation, ...(rule.alsoCites ?? [])] : [];
  const lines = [
    `# ${rule.id}`,
    "",
    `**${rule.title.zh}** — ${rule.title.en}`,
    "",
    "| profile | severity |",
    "|---|---|",
    ...PROFILES.map((p) => `| ${p} | ${rule.severity[p] ?? "— (not active)"} |`),
    "",
    "## 依据 / Citation",
    "",
  ];
  if (refs.length === 0) lines.push("无：工具规则，不引用政策条款。 — None: a tool rule cites no policy clause.", "");
  for (const r of refs) {
    lines.push(`- ${citationText(r, "zh")} — ${citationText(r, "en")}`);
    const text = clauseText(r);
    if (text) lines.push("", `  > ${DOCUMENTS[r.doc].full.zh} ${r.article.zh}：${text.replace(/\n/g, " ")}`, "");
  }
  lines.push("## 说明", "", rule.description.zh, "", "## Explanation", "", rule.description.en, "");
  lines.push("## 修改建议 / How to fix", "", rule.fix.zh, "", rule.fix.en, "");
  const ids = Object.keys(rule.messages);
  if (ids.length) {
    lines.push("## Messages", "", "| id | 中文 | English |", "|---|---|---|");
    for (const id of ids) lines.push(`| ${id} | ${rule.messages[id].zh.replace(/\|/g, "\\|")} | ${rule.messages[id].en.replace(/\|/g, "\\|")} |`);
    lines.push("");
  }
  lines.push(`Suppress one finding: \`# alliance-audit-disable-next-line ${rule.id} -- <reason>\` on the line before the value.`, "");
  return lines.join("\n");
}

export function rulesIndex(): string {
  const lines = ["# Rules", "", "Generated from the rule objects in `src/rules/` (`npm run docs`). Severities: N = national, HLJ = heilongjiang.", "", "| rule | N | HLJ | title | citation |", "|---|---|---|---|---|"];
  for (const r of RULES) {
    lines.push(`| [${r.id}](${r.id}.md) | ${r.severity.national ?? "—"} | ${r.severity.heilongjiang ?? "—"} | ${r.title.zh} — ${r.title.en} | ${r.citation ? citationText(r.citation, "zh") : "—"} |`);
  }
  return lines.join("\n") + "\n";
}

/** Every page: path under docs/rules/ → content. */
export function allRuleDocs(): Map<string, string> {
  const pages = new Map<string, string>([["README.md", rulesIndex()]]);
  for (const r of RULES) pages.set(`${r.id}.md`, ruleDoc(r));
  return pages;
}
