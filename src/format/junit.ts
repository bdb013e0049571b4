// JUnit XML for CI test-report views (Jenkins, GitLab, Azure…): one <testsuite> per proposal,
// one <testcase> per rule checked (the rules active in the profile), a <failure> per finding at or
// above --fail-on; findings below it go to the suite's <system-out>. Valid against the Jenkins
// xUnit JUnit schema and, as far as its one-failure-per-testcase limit allows, the strict Ant
// schema (windyroad): it wants properties/system-out/system-err on every suite, a timestamp and a
// hostname, and no attributes on <testsuites>. Times are 0 and the timestamp is the as-of date,
// so the same report gives the same bytes.
import { atOrAbove, isFileRule } from "../severity.js";
import { profileLabel } from "../report.js";
import type { Finding, Lang, ProposalReport, Report, RulesMeta } from "../types.js";
import { citeText, evidenceText } from "./common.js";
import type { FormatContext, Formatter } from "./types.js";
import { pushAll } from "./push-all.js";
import { visible as shown } from "./visible.js";

const WORDS = {
  zh: { sep: "：", rule: "规则", citation: "依据", fix: "修改建议", belowFailOn: "未达到 --fail-on 级别的问题", suppressed: "已抑制的问题", notChecked: "未审核：申报材料的文件缺失或无法读取" },
  en: { sep: ": ", rule: "rule", citation: "citation", fix: "fix", belowFailOn: "findings below --fail-on", suppressed: "suppressed findings", notChecked: "not checked: the proposal's files are missing or unreadable" },
} as const;

export const junit: Formatter = (report, ctx) => {
  const active = Object.values(ctx.rules).filter((r) => r.severity).map((r) => r.id);
  // The settings in force (cli.md revision 2): <properties> of <testsuites> is Jenkins-valid.
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', "<testsuites>"];
  report.proposals.forEach((p, i) => pushAll(out, suite(p, i, active, report, ctx)));
  out.push("</testsuites>", "");
  return out.join("\n");
};

function suite(p: ProposalReport, id: number, active: string[], report: Report, ctx: FormatContext): string[] {
  const w = WORDS[ctx.lang];
  // A finding of a rule outside the profile (a report merged from another version) still gets a testcase.
  const extra = [...new Set(p.findings.map((f) => f.ruleId))].filter((r) => !active.includes(r)).sort();
  const failing = new Map<string, Finding[]>();
  const below: Finding[] = [];
  for (const f of p.findings) {
    if (atOrAbove(f.severity, ctx.failOn)) {
      const list = failing.get(f.ruleId);
      if (list) list.push(f);
      else failing.set(f.ruleId, [f]);
    }
    else below.push(f);
  }
  // With a file missing or unreadable only the file/* rules ran: the others were not checked.
  const filesBroken = p.findings.some((f) => isFileRule(f.ruleId));

  const cases: string[] = [];
  let failures = 0;
  let skipped = 0;
  for (const ruleId of [...active, ...extra]) {
    const open = `    <testcase name="${attr(shown(ruleId))}" classname="${attr(shown(p.path))}" time="0"`;
    const fs = failing.get(ruleId);
    if (fs) {
      failures++;
      cases.push(`${open}>`);
      for (const f of fs) cases.push(`      <failure type="${f.severity}" message="${attr(shown(f.message))}">${text(details(f, ctx.lang, ctx.rules))}</failure>`);
      cases.push("    </testcase>");
    } else if (filesBroken && !isFileRule(ruleId)) {
      skipped++;
      cases.push(`${open}>`, `      <skipped message="${attr(w.notChecked)}"/>`, "    </testcase>");
    } else {
      cases.push(`${open}/>`);
    }
  }

  // Every value from the report is the input's (or a forged report's, via merge): controls shown
  // visibly, as in every other non-JSON format, so a viewer never prints them raw (issue #12).
  const props: [string, string][] = [
    ...(p.name ? [["name", shown(p.name)] as [string, string]] : []),
    ["status", shown(p.status)],
    ["profile", shown(profileLabel(report.profile, ctx.lang))],
    ["config", shown(report.config ?? "")],
    ["as-of", shown(report.asOf)],
    ["fail-on", ctx.failOn],
    ["tool", `${report.tool.name} ${report.tool.version}`],
  ];
  if (p.suppressed) props.push(["suppressed", String(p.suppressed)]);

  const stdout = below.length ? [`${w.belowFailOn}${w.sep.trim()}`, ...below.map(line)] : [];
  if (p.suppressed) stdout.push(`${w.suppressed}${w.sep}${p.suppressed}`);

  return [
    `  <testsuite name="${attr(shown(p.path))}" package="${attr(shown(p.path))}" id="${id}" tests="${active.length + extra.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0" timestamp="${attr(timestamp(report.asOf))}" hostname="localhost">`,
    "    <properties>",
    ...props.map(([k, v]) => `      <property name="${attr(k)}" value="${attr(v)}"/>`),
    "    </properties>",
    ...cases,
    stdout.length ? `    <system-out>${text(stdout.join("\n"))}</system-out>` : "    <system-out/>",
    "    <system-err/>",
    "  </testsuite>",
  ];
}

const line = (f: Finding) => shown(`${f.file}${f.locator ? ` ${f.locator}` : `:${f.line}:${f.column}`}  ${f.severity}  ${f.message}  ${f.ruleId}`);

/** xs:dateTime from the as-of date; a forged report's `asOf` cannot become anything else. */
function timestamp(asOf: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? `${asOf}T00:00:00` : "1970-01-01T00:00:00";
}

/** The failure's body: where, what, why (the policy clause) and how to fix. */
function details(f: Finding, lang: Lang, rules: RulesMeta): string {
  const w = WORDS[lang];
  const rule = rules[f.ruleId];
  const lines = [line(f)];
  lines.push(`${w.rule}${w.sep}${shown(f.ruleId)}${rule ? ` — ${rule.title[lang]}` : ""}`);
  const cite = citeText(f, lang);
  if (cite) lines.push(`${w.citation}${w.sep}${cite}`);
  const ev = evidenceText(f, lang);
  if (ev) lines.push(ev);
  if (rule) lines.push(`${w.fix}${w.sep}${rule.fix[lang]}`);
  return lines.join("\n");
}

// Characters XML 1.0 cannot carry at all, not even as character references: C0 controls other
// than tab, LF and CR, U+FFFE/U+FFFF and unpaired surrogates. They are shown as \uXXXX instead.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const visible = (s: string) => s.replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);

/** Character data: `&`, `<`, `>` escaped; CR kept as a reference (a parser would turn it into LF). */
export function text(s: string): string {
  return visible(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}

/** An attribute value in double quotes: also `"`, and tab/LF/CR as references (else normalised to spaces). */
export function attr(s: string): string {
  return text(s).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
}
