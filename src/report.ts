// ProposalReports → the Report object that every format renders (cli.md, JSON report v1).
import type { Profile, ProposalReport, Report, Summary } from "./types.js";
import { VERSION } from "./version.js";

export function buildReport(profile: Profile, asOf: string, proposals: ProposalReport[]): Report {
  const sorted = [...proposals].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { version: 1, tool: { name: "alliance-audit", version: VERSION }, profile, asOf, proposals: sorted, summary: summarize(sorted) };
}

export function summarize(proposals: ProposalReport[]): Summary {
  const s: Summary = { proposals: proposals.length, passed: 0, failed: 0, error: 0, warning: 0, info: 0 };
  let suppressed = 0;
  for (const p of proposals) {
    if (p.status === "pass") s.passed++;
    else s.failed++;
    s.error += p.counts.error;
    s.warning += p.counts.warning;
    s.info += p.counts.info;
    suppressed += p.suppressed ?? 0;
  }
  if (suppressed > 0) s.suppressed = suppressed;
  return s;
}
