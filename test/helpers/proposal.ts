// Builds proposals in temporary folders from the compliant base (a copy of the conformance case
// compliant-national, kept in test/fixtures so that tests never read ../shared), audits them with
// the programmatic API and summarises the findings.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import { audit, type AuditOptions } from "../../src/audit.js";
import type { Finding, Profile, ProposalReport, Report } from "../../src/types.js";

export const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
export const CASES = join(FIXTURES, "conformance");
export const BASE = join(CASES, "compliant-national");
/** Every test passes an as-of date so that it does not rot (rules.md, "As-of date"). */
export const AS_OF = "2025-06-01";
export const PROFILES: Profile[] = ["national", "heilongjiang"];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Data = Record<string, any>;

export const baseCharterText = (): string => readFileSync(join(BASE, "charter.yaml"), "utf8");
export const baseMembersText = (): string => readFileSync(join(BASE, "members.yaml"), "utf8");
/** A fresh, mutable copy of the compliant charter / roster. */
export const baseCharter = (): Data => yaml.load(baseCharterText(), { schema: yaml.CORE_SCHEMA }) as Data;
export const baseMembers = (): Data => yaml.load(baseMembersText(), { schema: yaml.CORE_SCHEMA }) as Data;

export const toYaml = (data: unknown): string => yaml.dump(data, { lineWidth: -1, schema: yaml.CORE_SCHEMA });

/** A member of the base roster by id. */
export function member(members: Data, id: string): Data {
  const m = (members.members as Data[]).find((x) => x.id === id);
  if (!m) throw new Error(`no member ${id} in the test roster`);
  return m;
}

export interface Mutation {
  /** Change the base charter in place. */
  charter?: (c: Data) => void;
  /** Change the base roster in place. */
  members?: (m: Data) => void;
  /** Rewrite the base charter's text (for comments, unquoted scalars …); wins over `charter`. */
  charterText?: (text: string) => string;
  /** Rewrite the base roster's text; wins over `members`. */
  membersText?: (text: string) => string;
  /** No membership file at all. */
  noMembers?: boolean;
  /** Further files in the proposal folder (file name → text). */
  extraFiles?: Record<string, string>;
  /** The roster as members.csv with this text, instead of members.yaml. */
  membersCsv?: string;
  asOf?: string;
}

/** One temporary root per test file; call `cleanup()` in afterAll. */
export class Sandbox {
  readonly root = mkdtempSync(join(tmpdir(), "alliance-audit-test-"));
  private n = 0;

  /** A new empty folder under the root. */
  dir(name = `p${++this.n}`): string {
    const d = join(this.root, name);
    mkdirSync(d, { recursive: true });
    return d;
  }

  /** Write files (relative path → text or bytes) into a new folder and return it. */
  files(files: Record<string, string | Uint8Array>, name?: string): string {
    const d = this.dir(name);
    for (const [rel, content] of Object.entries(files)) {
      mkdirSync(dirname(join(d, rel)), { recursive: true });
      writeFileSync(join(d, rel), content);
    }
    return d;
  }

  /** The compliant base with a mutation applied, written as charter.yaml + members.yaml. */
  proposal(m: Mutation = {}, name?: string): string {
    let charter: string;
    if (m.charterText) charter = m.charterText(baseCharterText());
    else if (m.charter) {
      const c = baseCharter();
      m.charter(c);
      charter = toYaml(c);
    } else charter = baseCharterText();
    const files: Record<string, string> = { "charter.yaml": charter };
    if (m.membersCsv !== undefined) files["members.csv"] = m.membersCsv;
    else if (!m.noMembers) {
      if (m.membersText) files["members.yaml"] = m.membersText(baseMembersText());
      else if (m.members) {
        const r = baseMembers();
        m.members(r);
        files["members.yaml"] = toYaml(r);
      } else files["members.yaml"] = baseMembersText();
    }
    return this.files({ ...files, ...(m.extraFiles ?? {}) }, name);
  }

  cleanup(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

export interface RunOptions extends Omit<AuditOptions, "paths" | "cwd"> {
  profile?: Profile;
}

/** Audit one folder (as its own cwd) and return the report of its single proposal. */
export async function auditOne(dir: string, options: RunOptions = {}): Promise<ProposalReport> {
  const report = await auditReport(dir, options);
  if (report.proposals.length !== 1) throw new Error(`expected one proposal in ${dir}, got ${report.proposals.length}`);
  return report.proposals[0];
}

export function auditReport(dir: string, options: RunOptions = {}): Promise<Report> {
  return audit({ asOf: AS_OF, lang: "en", jobs: 1, ...options, paths: ["."], cwd: dir });
}

/** Build the mutated base in the sandbox and audit it. */
export async function run(box: Sandbox, m: Mutation, profile: Profile = "national", extra: RunOptions = {}): Promise<ProposalReport> {
  return auditOne(box.proposal(m), { profile, asOf: m.asOf ?? AS_OF, ...extra });
}

/** ruleId → number of findings. */
export function tally(findings: Finding[]): Record<string, number> {
  const t: Record<string, number> = {};
  for (const f of findings) t[f.ruleId] = (t[f.ruleId] ?? 0) + 1;
  return t;
}

/** ruleId → severity → number of findings (the shape of the conformance cases' expected.json). */
export function tallyBySeverity(findings: Finding[]): Record<string, Record<string, number>> {
  const t: Record<string, Record<string, number>> = {};
  for (const f of findings) {
    t[f.ruleId] ??= {};
    t[f.ruleId][f.severity] = (t[f.ruleId][f.severity] ?? 0) + 1;
  }
  return t;
}

export const of = (p: ProposalReport, ruleId: string): Finding[] => p.findings.filter((f) => f.ruleId === ruleId);

/** Remove an entry from a list by predicate (in place). */
export function removeWhere<T>(list: T[], pred: (x: T) => boolean): void {
  const i = list.findIndex(pred);
  if (i < 0) throw new Error("removeWhere: nothing matched");
  list.splice(i, 1);
}

/** Replace one exact line-fragment of a text, failing loudly when it is not there exactly once. */
export function replaceOnce(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0 || text.indexOf(from, i + 1) >= 0) throw new Error(`replaceOnce: "${from}" is not in the text exactly once`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** 1-based line number of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split("\n").findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`lineOf: "${needle}" not found`);
  return i + 1;
}
