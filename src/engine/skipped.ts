// What discovery skipped, as report entries: each folder that may hold a proposal but was not
// audited is a proposal of its own in the report, status `unaudited`, with one `file/skipped`
// finding at line 1, column 1 of the folder's path (cli.md, revision 2). So it counts in the
// summary and in the exit code, and nothing in a batch disappears silently.
import type { Skipped } from "../discover.js";
import type { Finding, ProposalReport } from "../types.js";
import { makeFinding } from "./finding.js";
import type { Settings } from "./settings.js";
import { proposalEntry } from "./status.js";

export function skippedReports(skipped: Skipped[], settings: Settings): ProposalReport[] {
  return skipped.map((s): ProposalReport => {
    // file/* rules cannot be off (the settings refuse it), so the finding is always made.
    const f = makeFinding({ ruleId: "file/skipped", messageId: s.reason, data: { path: s.path, detail: s.detail }, file: s.path, line: 1, column: 1, pointer: "" }, settings);
    const findings: Finding[] = f ? [f] : [];
    return proposalEntry(s.path, null, findings, { failOn: settings.failOn, quiet: settings.quiet });
  });
}
