// One proposal, start to finish: load (files → documents) → validate (schema + rules → raw
// findings) → findings (one constructor, finding.ts) → the proposal's entry (status.ts). Nothing
// here throws for a bad file: every problem is a finding.
import type { Proposal } from "../discover.js";
import type { LoadedDocument } from "../load/document.js";
import type { LinkedDocument } from "../load/linked.js";
import { Roster } from "../model/proposal.js";
import { levelOf } from "../profile/resolve.js";
import { getRule, RULES } from "../rules/index.js";
import type { DocRole, RawFinding, Rule, RuleContext } from "../rules/rule.js";
import { schemaFindings } from "../schema/errors.js";
import { validator } from "../schema/validators.js";
import type { Finding, ProposalReport } from "../types.js";
import { makeFinding, messageText, type FindingInput } from "./finding.js";
import { loadProposal } from "./load-proposal.js";
import type { Settings } from "./settings.js";
import { proposalEntry } from "./status.js";
import { applySuppressions } from "./suppressions.js";

export type { Settings } from "./settings.js";
export { atOrAbove } from "./status.js";

export async function auditProposal(proposal: Proposal, settings: Settings): Promise<ProposalReport> {
  return entryOf(proposal, await auditParts(proposal, settings), settings);
}

/**
 * What a proposal's report entry is made from, before --quiet and --fail-on: its findings in the
 * order the audit made them, its name, the suppressed count, and (for the cache) the files it
 * depends on — undefined after an internal error, which must never be remembered.
 */
export interface ProposalParts {
  name: string | null;
  suppressed: number;
  findings: Finding[];
  files?: string[];
}

export async function auditParts(proposal: Proposal, settings: Settings): Promise<ProposalParts> {
  try {
    return await audit(proposal, settings);
  } catch (e) {
    // A bug of ours must not take the rest of a batch down: report it on this proposal.
    if (process.env.DEBUG?.includes("alliance-audit")) console.error(e);
    const reason = String((e as Error)?.message ?? e);
    const f = makeFinding(
      { ruleId: "file/unreadable", messageId: "internal", data: { reason }, file: proposal.charter.display, line: 1, column: 1, pointer: "" },
      settings,
    );
    return { name: null, suppressed: 0, findings: f ? [f] : [] };
  }
}

/** The proposal's report entry: findings sorted (by their text too, so after any re-rendering). */
export function entryOf(proposal: Proposal, parts: ProposalParts, settings: Settings): ProposalReport {
  const findings = [...parts.findings].sort(compareFindings);
  return proposalEntry(proposal.path, parts.name, findings, { failOn: settings.failOn, quiet: settings.quiet, suppressed: parts.suppressed });
}

export function compareFindings(a: Finding, b: Finding): number {
  return cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message);
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function audit(proposal: Proposal, s: Settings): Promise<ProposalParts> {
  const loaded = await loadProposal(proposal, s.cwd);
  if (!loaded.ok) {
    // The conditions need both files: a proposal that could not be loaded gets its file/* findings only.
    const findings = loaded.findings.map((f) => makeFinding(f, s)).filter((f): f is Finding => !!f);
    return { findings, name: loaded.name, suppressed: 0, files: loaded.files };
  }
  const { docs } = loaded;
  const findings: Finding[] = [];
  for (const r of validate(docs, s, loaded.documents)) {
    const f = makeFinding(place(r, docs), s);
    if (f) findings.push(f);
  }
  const { kept, suppressed } = applySuppressions(findings, docs, s);
  return { findings: kept, name: loaded.name, suppressed, files: loaded.files };
}

/** A raw finding located in its document. */
function place(r: RawFinding, docs: Record<DocRole, LoadedDocument>): FindingInput {
  const doc = docs[r.doc];
  const pos = doc.locate(r.pointer, r.at);
  const locator = doc.locator?.(r.pointer, r.at);
  return {
    ruleId: r.ruleId,
    messageId: r.messageId,
    data: r.data,
    severity: r.severity,
    file: doc.file,
    line: pos.line,
    column: pos.column,
    pointer: r.pointer,
    ...(locator ? { locator } : {}),
    ...(r.evidence ? { evidence: r.evidence } : {}),
    ...(r.citation ? { citation: r.citation } : {}),
  };
}

/** The rules to run for these settings, computed once per settings object (not per proposal). */
const activeRules = new WeakMap<Settings, Rule[]>();
function rulesFor(s: Settings): Rule[] {
  let list = activeRules.get(s);
  if (!list) {
    list = RULES.filter((r) => r.check && levelOf(s.profile, r.id));
    activeRules.set(s, list);
  }
  return list;
}

const SCHEMA_RULES = ["schema/invalid", "schema/unknown-key", "schema/missing-column"];

/** Schema + rules → raw findings, with schema violations that a firing rule covers removed. */
export function validate(docs: Record<DocRole, LoadedDocument>, s: Settings, documents?: readonly LinkedDocument[]): RawFinding[] {
  const ruleFindings: RawFinding[] = [];
  const roster = new Roster(docs.members.data);
  for (const rule of rulesFor(s)) {
    // Each rule gets its own context, so a finding can never be credited to another rule.
    const ctx: RuleContext = {
      charter: docs.charter.data,
      roster,
      asOf: s.asOf,
      profile: s.profile.base,
      options: { ...(rule.options?.defaults ?? {}), ...(s.profile.rules[rule.id]?.options ?? {}) },
      ...(documents ? { documents } : {}),
      charterComments: docs.charter.comments,
      report: (r) => {
        if (!rule.messages[r.messageId]) messageText(rule, r.messageId, r.data, "en"); // throws: names the rule and the id
        ruleFindings.push({
          ruleId: rule.id,
          doc: r.doc ?? "charter",
          pointer: r.pointer,
          at: r.at,
          severity: r.severity,
          messageId: r.messageId,
          data: r.data,
          ...(r.evidence ? { evidence: r.evidence } : {}),
          ...(r.citation ? { citation: r.citation } : {}),
        });
      },
    };
    rule.check!(ctx);
  }

  const schema: RawFinding[] = [];
  // The schema's findings (schema/invalid, unknown-key, missing-column) come from one validation;
  // makeFinding drops those whose rule is off.
  if (SCHEMA_RULES.some((id) => levelOf(s.profile, id))) {
    for (const role of ["charter", "members"] as const) {
      const v = validator(role);
      if (!v(docs[role].data)) for (const f of schemaFindings(v.errors, role)) schema.push(f);
    }
  }
  if (schema.length === 0) return ruleFindings;
  const firing = indexByPointer(ruleFindings);
  return [...schema.filter((f) => !coveredByFiring(f, firing)), ...ruleFindings];
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

/** Rule findings by document and pointer, so that each schema error looks up only its own ancestors. */
function indexByPointer(findings: RawFinding[]): Map<string, Set<string>> {
  const index = new Map<string, Set<string>>();
  for (const r of findings) {
    const k = `${r.doc}\0${r.pointer}`;
    let ids = index.get(k);
    if (!ids) index.set(k, (ids = new Set()));
    ids.add(r.ruleId);
  }
  return index;
}

/**
 * A schema violation is reported once, as the condition rule that covers it (rules.md): when that
 * rule fired on the same value or on a value enclosing it. Linear in the pointer's depth: an
 * 80,000-row roster must not compare every schema error with every finding.
 */
function coveredByFiring(f: RawFinding, firing: Map<string, Set<string>>): boolean {
  let p = f.pointer;
  for (;;) {
    const ids = firing.get(`${f.doc}\0${p}`);
    if (ids) for (const id of ids) if (covers(getRule(id)!, f.pointer)) return true;
    if (p === "") return false;
    p = p.slice(0, p.lastIndexOf("/"));
  }
}
