// The rule documentation pages (docs/rules/<id>.md, one per rule as Stylelint has them) are
// rendered from the rule objects, so they cannot drift: scripts/gen-rule-docs.mjs writes them and
// a test fails when the committed pages differ from what the rules say.
import { resolveProfile } from "../profile/resolve.js";
import { citationsFor } from "../policy/cite.js";
import { citationText, clauseText, DOCUMENTS } from "../policy/documents.js";
import { RULES, type Rule } from "../rules/index.js";
import { registry } from "../registry/index.js";
import type { PROFILES } from "../types.js";

/** A rule's level in a registered profile, undefined when off there. */
function levelIn(profile: string, ruleId: string): string | undefined {
  const l = registry.profiles.get(profile)?.layer.rules[ruleId]?.level;
  return l && l !== "off" ? l : undefined;
}

export function ruleDoc(rule: Rule): string {
  const refs = rule.citation ? [rule.citation, ...(rule.alsoCites ?? [])] : [];
  const lines = [
    `# ${rule.id}`,
    "",
    `**${rule.title.zh}** — ${rule.title.en}`,
    "",
    "| profile | severity |",
    "|---|---|",
    ...registry.profileNames().map((p) => `| ${p} | ${levelIn(p, rule.id) ?? "— (not active)"} |`),
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
  // One severity column per profile of the registry (national = N, heilongjiang = HLJ).
  const names = registry.profileNames();
  const short = (p: string) => (p === "national" ? "N" : p === "heilongjiang" ? "HLJ" : p);
  const lines = [
    "# Rules",
    "",
    "Generated from the rule objects in `src/rules/` (`npm run docs`). Severities: N = national, HLJ = heilongjiang; a rule active in neither is turned on by a profile file (profiles.md).",
    "",
    `| rule | ${names.map(short).join(" | ")} | title | citation |`,
    `|---|${names.map(() => "---|").join("")}---|---|`,
  ];
  for (const r of RULES) {
    lines.push(`| [${r.id}](${r.id}.md) | ${names.map((p) => levelIn(p, r.id) ?? "—").join(" | ")} | ${r.title.zh} — ${r.title.en} | ${r.citation ? citationText(r.citation, "zh") : "—"} |`);
  }
  return lines.join("\n") + "\n";
}

/** Every page: path under docs/rules/ → content. */
export function allRuleDocs(): Map<string, string> {
  const pages = new Map<string, string>([["README.md", rulesIndex()]]);
  for (const r of RULES) pages.set(`${r.id}.md`, ruleDoc(r));
  return pages;
}

// ---- the README's rule table ----
// The README lists every rule with its severities and citations; it is rendered here, like the
// pages above, between two marker comments that `npm run docs` rewrites, so that a new rule or a
// changed severity cannot leave the README behind (test/docs checks it is current).
export const README_TABLE_BEGIN = "<!-- rule-table:begin (generated from src/rules by `npm run docs`; edit the rule objects, not this table) -->";
export const README_TABLE_END = "<!-- rule-table:end -->";

const CONDITION_LABEL: Record<Rule["condition"], string> = {
  files: "files, structure, references",
  composition: "（一） composition",
  agreement: "（二） agreement",
  governance: "（三） governance",
  funding: "（四） funding",
  ip: "（五） IP",
  openness: "（六） openness",
  alliance: "alliance (local rules: HLJ 第4–5条, profiles)",
  suppression: "suppressions",
};

/** `N 第八条（二）`, `HLJ 第6条`: the short form the table's legend explains. */
function shortCite(c: { document: string; article: string }): string {
  const doc = (Object.keys(DOCUMENTS) as (keyof typeof DOCUMENTS)[]).find((d) => DOCUMENTS[d].name.zh === c.document);
  return `${doc ?? c.document} ${c.article}`;
}

function citeCell(rule: Rule, profile: (typeof PROFILES)[number]): string {
  if (rule.severity[profile] === undefined) return "—";
  const { citation, alsoCites } = citationsFor(rule, resolveProfile({ profile, from: process.cwd(), cwd: process.cwd() }));
  if (!citation) return "—";
  return [citation, ...alsoCites].map(shortCite).join(" + ");
}

/** The Markdown table of every rule (without the markers). */
export function readmeRuleTable(): string {
  const lines = [
    "| condition | rule | N | HLJ | what it checks | cites (N) | cites (HLJ) |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const r of RULES) {
    const sev = (p: (typeof PROFILES)[number]) => r.severity[p] ?? "—";
    lines.push(
      `| ${CONDITION_LABEL[r.condition]} | [\`${r.id}\`](docs/rules/${r.id}.md) | ${sev("national")} | ${sev("heilongjiang")} | ${r.title.en}（${r.title.zh}） | ${citeCell(r, "national")} | ${citeCell(r, "heilongjiang")} |`,
    );
  }
  return lines.join("\n");
}

/** The README with its rule table region replaced; throws when the markers are missing. */
export function withReadmeRuleTable(readme: string): string {
  const begin = readme.indexOf(README_TABLE_BEGIN);
  const end = readme.indexOf(README_TABLE_END);
  if (begin < 0 || end < begin) throw new Error(`README.md has no rule table region (${README_TABLE_BEGIN} … ${README_TABLE_END})`);
  return `${readme.slice(0, begin + README_TABLE_BEGIN.length)}\n${readmeRuleTable()}\n${readme.slice(end)}`;
}
