// A proposal's status and counts, computed in one place for audit, baseline and merge
// (cli.md, "Revision 2 additions"): `unaudited` when a file/* finding says its conditions were
// not checked, else `fail` when a finding is at or above --fail-on, else `pass`. The exit code
// follows the findings, not the status: an unaudited proposal fails the run exactly when its
// file/* finding is at or above --fail-on (a lowered file/* rule may let it through).
import type { Counts, FailOn, Finding, ProposalReport, Severity, Status, Summary } from "../types.js";

import { atOrAbove, isFileRule } from "../severity.js";

export { atOrAbove, isFileRule } from "../severity.js";

export function statusOf(findings: readonly Finding[], failOn: FailOn): Status {
  if (findings.some((f) => isFileRule(f.ruleId))) return "unaudited";
  return findings.some((f) => atOrAbove(f.severity, failOn)) ? "fail" : "pass";
}

/** True when the proposal makes the exit code 1. */
export function failsRun(p: ProposalReport, failOn: FailOn): boolean {
  return p.findings.some((f) => atOrAbove(f.severity, failOn));
}

export function countOf(findings: readonly Finding[]): Counts {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/**
 * Findings → the proposal's report entry: status from every finding (so `--quiet` never turns
 * an unaudited or failing proposal into a pass), counts and findings from what is shown.
 * `file/*` findings are always shown, even with `--quiet`: they say the proposal was not audited.
 */
export function proposalEntry(
  path: string,
  name: string | null,
  findings: readonly Finding[],
  o: { failOn: FailOn; quiet: boolean; suppressed?: number },
): ProposalReport {
  const shown = o.quiet ? findings.filter((f) => f.severity === "error" || isFileRule(f.ruleId)) : [...findings];
  const suppressed = o.suppressed ?? 0;
  // `suppressed` only when something was, and before `findings` (the spec's key order).
  return { path, name, status: statusOf(findings, o.failOn), counts: countOf(shown), ...(suppressed > 0 ? { suppressed } : {}), findings: shown };
}

export function summarize(proposals: readonly ProposalReport[]): Summary {
  const s: Summary = { proposals: proposals.length, passed: 0, failed: 0, unaudited: 0, error: 0, warning: 0, info: 0 };
  let suppressed = 0;
  for (const p of proposals) {
    if (p.status === "pass") s.passed++;
    else if (p.status === "fail") s.failed++;
    else s.unaudited++;
    s.error += p.counts.error;
    s.warning += p.counts.warning;
    s.info += p.counts.info;
    suppressed += p.suppressed ?? 0;
  }
  if (suppressed > 0) s.suppressed = suppressed;
  return s;
}
