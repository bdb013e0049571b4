// One proposal, start to finish: load (files → documents) → validate (schema + rules → findings)
// → a ProposalReport. Nothing here throws for a bad file: every problem is a finding.
import type { Finding, Lang, FailOn, Profile, ProposalReport, Severity, Text } from "../types.js";
import type { Proposal } from "../discover.js";
import { interpolate } from "../i18n.js";
import type { LoadedDocument, LoadResult } from "../load/document.js";
import { readDocument } from "../load/read.js";
import { Roster } from "../model/proposal.js";
import { citationOf } from "../policy/documents.js";
import { effectiveSeverity, getRule, RULES, type SeverityOverrides } from "../rules/index.js";
import type { DocRole, RawFinding, Rule, RuleContext } from "../rules/rule.js";
import { schemaFindings } from "../schema/errors.js";
import { validator } from "../schema/validators.js";
import { applySuppressions } from "./suppressions.js";

export interface Settings {
  profile: Profile;
  asOf: string;
  lang: Lang;
  failOn: FailOn;
  quiet: boolean;
  overrides: SeverityOverrides;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
export function atOrAbove(severity: Severity, failOn: FailOn): boolean {
  return failOn !== "never" && RANK[severity] >= RANK[failOn];
}

export function auditProposal(proposal: Proposal, settings: Settings): ProposalReport {
  const findings: Finding[] = [];
  let name: string | null = null;
  let suppressed = 0;
  try {
    const result = audit(proposal, settings);
    for (const f of result.findings) findings.push(f); // not push(...): 100,000+ findings overflow the stack
    name = result.name;
    suppressed = result.suppressed;
  } catch (e) {
    // A bug of ours must not take the rest of a batch down: report it on this proposal.
    if (process.env.DEBUG?.includes("alliance-audit")) console.error(e);
    findings.push(
      fileFinding("file/unreadable", proposal.charter.display, settings, {
        zh: `alliance-audit 审核此申报材料时出现内部错误（${String((e as Error)?.message ?? e)}）；请报告此问题`,
        en: `alliance-audit failed on this proposal with an internal error (${String((e as Error)?.message ?? e)}); please report it`,
      }),
    );
  }
  const shown = settings.quiet ? findings.filter((f) => f.severity === "error") : findings;
  shown.sort(compareFindings);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of shown) counts[f.severity]++;
  const status = findings.some((f) => atOrAbove(f.severity, settings.failOn)) ? "fail" : "pass";
  // `suppressed` only when something was, and before `findings` (the spec's key order).
  return { path: proposal.path, name, status, counts, ...(suppressed > 0 ? { suppressed } : {}), findings: shown };
}

export function compareFindings(a: Finding, b: Finding): number {
  return cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message);
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function fileFinding(ruleId: "file/missing" | "file/unreadable", file: string, s: Settings, message: Text, line = 1, column = 1): Finding {
  const rule = getRule(ruleId)!;
  return {
    ruleId,
    severity: effectiveSeverity(rule, s.profile, {}) ?? "error",
    message: message[s.lang],
    file,
    line,
    column,
    pointer: "",
    citation: citationOf(rule.citation),
  };
}

function audit(proposal: Proposal, s: Settings): { findings: Finding[]; name: string | null; suppressed: number } {
  const charterResult = readDocument(proposal.charter.abs, "charter");
  const membersResult: LoadResult | undefined = proposal.members ? readDocument(proposal.members.abs, "members") : undefined;
  const name = charterResult.ok ? allianceName(charterResult.doc) : null;

  // When a file is missing or unreadable the proposal gets only its file/* findings.
  const fileFindings: Finding[] = [];
  if (!charterResult.ok) {
    const { message, position } = charterResult.error;
    fileFindings.push(fileFinding("file/unreadable", proposal.charter.display, s, message, position.line, position.column));
  }
  if (!proposal.members) {
    fileFindings.push(
      fileFinding("file/missing", proposal.charter.display, s, {
        zh: `${proposal.path} 中没有成员名单文件（members.yaml、members.yml、members.json 或 members.csv）`,
        en: `no membership file (members.yaml, members.yml, members.json or members.csv) in ${proposal.path}`,
      }),
    );
  } else if (membersResult && !membersResult.ok) {
    const { message, position } = membersResult.error;
    fileFindings.push(fileFinding("file/unreadable", proposal.members.display, s, message, position.line, position.column));
  }
  if (fileFindings.length > 0 || !charterResult.ok || !membersResult?.ok || !proposal.members) {
    return { findings: fileFindings.filter((f) => effectiveSeverity(getRule(f.ruleId)!, s.profile, s.overrides)), name, suppressed: 0 };
  }

  const docs: Record<DocRole, LoadedDocument> = {
    charter: { ...charterResult.doc, file: proposal.charter.display },
    members: { ...membersResult.doc, file: proposal.members.display },
  };
  const raw = validate(docs, s);
  const findings = raw.map((r) => resolve(r, docs, s));
  const { kept, suppressed } = applySuppressions(findings, docs, s);
  return { findings: kept, name, suppressed };
}

function allianceName(doc: LoadedDocument): string | null {
  const alliance = doc.data.alliance;
  const n = alliance && typeof alliance === "object" ? (alliance as Record<string, unknown>).name : undefined;
  return typeof n === "string" && n.trim() ? n.trim() : null;
}

/** The rules to run for these settings, computed once per settings object (not per proposal). */
const activeRules = new WeakMap<Settings, Rule[]>();
function rulesFor(s: Settings): Rule[] {
  let list = activeRules.get(s);
  if (!list) {
    list = RULES.filter((r) => r.check && effectiveSeverity(r, s.profile, s.overrides));
    activeRules.set(s, list);
  }
  return list;
}

/** Schema + rules → raw findings, with schema violations that a firing rule covers removed. */
export function validate(docs: Record<DocRole, LoadedDocument>, s: Settings): RawFinding[] {
  const ruleFindings: RawFinding[] = [];
  let rule!: Rule;
  const ctx: RuleContext = {
    charter: docs.charter.data,
    roster: new Roster(docs.members.data),
    asOf: s.asOf,
    profile: s.profile,
    report: (r) => {
      const template = rule.messages[r.messageId];
      ruleFindings.push({
        ruleId: rule.id,
        doc: r.doc ?? "charter",
        pointer: r.pointer,
        at: r.at,
        severity: r.severity,
        message: { zh: interpolate(template.zh, r.data, "zh"), en: interpolate(template.en, r.data, "en") },
      });
    },
  };
  for (rule of rulesFor(s)) rule.check!(ctx);

  const schema: RawFinding[] = [];
  if (effectiveSeverity(getRule("schema/invalid")!, s.profile, s.overrides)) {
    for (const role of ["charter", "members"] as const) {
      const v = validator(role);
      if (!v(docs[role].data)) for (const f of schemaFindings(v.errors, role)) schema.push(f);
    }
  }
  return schema.length ? [...schema.filter((f) => !coveredByFiring(f, ruleFindings)), ...ruleFindings] : ruleFindings;
}

const coverPatterns = new Map<Rule, RegExp>();
function covers(rule: Rule, pointer: string): boolean {
  if (!rule.covers?.length) return false;
  let re = coverPatterns.get(rule);
  if (!re) {
    const alts = rule.covers.map((c) => c.split("/").map((seg) => (seg === "*" ? "[^/]+" : seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("/"));
    re = new RegExp(`^(?:${alts.join("|")})$`);
    coverPatterns.set(rule, re);
  }
  return re.test(pointer);
}

/**
 * A schema violation is reported once, as the condition rule that covers it (rules.md): when that
 * rule fired on the same value or on a value enclosing it.
 */
function coveredByFiring(f: RawFinding, ruleFindings: RawFinding[]): boolean {
  return ruleFindings.some((r) => {
    if (r.doc !== f.doc) return false;
    if (!(f.pointer === r.pointer || f.pointer.startsWith(r.pointer + "/"))) return false;
    return covers(getRule(r.ruleId)!, f.pointer);
  });
}

function resolve(r: RawFinding, docs: Record<DocRole, LoadedDocument>, s: Settings): Finding {
  const rule = getRule(r.ruleId)!;
  const doc = docs[r.doc];
  const pos = doc.locate(r.pointer, r.at);
  const configured = s.overrides[rule.id];
  // A configured severity wins; otherwise a finding may carry its own (an agent's signature is a warning).
  const severity = configured && configured !== "off" ? configured : (r.severity ?? effectiveSeverity(rule, s.profile, s.overrides)!);
  return {
    ruleId: r.ruleId,
    severity,
    message: r.message[s.lang],
    file: doc.file,
    line: pos.line,
    column: pos.column,
    pointer: r.pointer,
    citation: citationOf(rule.citation),
  };
}
