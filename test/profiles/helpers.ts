// Helpers for the profile tests (../shared/spec/profiles.md): profile files written into a
// sandbox next to proposals built from the compliant base, audited through the API (fast) or the
// built command line (exit codes, messages, formats).
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { audit } from "../../src/audit.js";
import type { Finding, ProposalReport } from "../../src/types.js";
import { AS_OF, type Data, type Mutation, Sandbox } from "../helpers/proposal.js";

export { AS_OF, Sandbox };

/** Write `text` at `rel` under `dir` (folders made) and return its absolute path. */
export function put(dir: string, rel: string, text: string): string {
  const p = join(dir, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
}

/**
 * Audit one proposal with the API under `profile` (a built-in name or a file path relative to the
 * proposal folder, which is the cwd), optionally with a config layer read from `config`.
 */
export async function auditWith(dir: string, profile: string | undefined, extra: { asOf?: string; lang?: "zh" | "en" } = {}): Promise<ProposalReport> {
  const report = await audit({ paths: ["."], cwd: dir, asOf: extra.asOf ?? AS_OF, lang: extra.lang ?? "en", jobs: 1, ...(profile ? { profile } : {}) });
  if (report.proposals.length !== 1) throw new Error(`expected one proposal in ${dir}`);
  return report.proposals[0];
}

/** The findings of one rule. */
export const findingsOf = (p: ProposalReport, ruleId: string): Finding[] => p.findings.filter((f) => f.ruleId === ruleId);

/** A proposal folder with a profile file `profile.yaml` holding `profileText`. */
export function proposalWithProfile(box: Sandbox, profileText: string, m: Mutation = {}): string {
  const dir = box.proposal(m);
  put(dir, "profile.yaml", profileText);
  return dir;
}

/** A roster member of the compliant base, rewritten (credit code, core flag …). */
export function setMember(members: Data, id: string, fields: Data): void {
  const m = (members.members as Data[]).find((x) => x.id === id);
  if (!m) throw new Error(`no member ${id}`);
  Object.assign(m, fields);
}

// Valid 统一社会信用代码 in chosen divisions (GB 32100 check characters computed below), for
// rosters whose members are registered where a test needs them.
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** A valid enterprise credit code registered in `division` (6 digits); `n` makes it distinct. */
export function creditCode(division: string, n: number): string {
  const org8 = String(10_000_000 + n).slice(-8);
  let s = 0;
  for (let i = 0; i < 8; i++) s += Number(org8[i]) * ORG_WEIGHTS[i];
  const c = 11 - (s % 11);
  const first17 = `91${division}${org8}${c === 10 ? "X" : c === 11 ? "0" : String(c)}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return first17 + ALPHABET[(31 - (sum % 31)) % 31];
}
