// What discovery skipped, as report entries: each folder that may hold a proposal but was not
// audited is a proposal of its own in the report, status `unaudited`, with one `file/skipped`
// finding at line 1, column 1 of the folder's path (cli.md, revision 2). So it counts in the
// summary and in the exit code, and nothing in a batch disappears silently.
import type { Skipped } from "../discover.js";
import { interpolate } from "../i18n.js";
import { citationOf } from "../policy/documents.js";
import { effectiveSeverity, getRule } from "../rules/index.js";
import type { Finding, ProposalReport } from "../types.js";
import type { Settings } from "./audit-proposal.js";

export function skippedReports(skipped: Skipped[], settings: Settings): ProposalReport[] {
  const rule = getRule("file/skipped")!;
  // A file/* rule can be lowered but never turned off (cli.md revision 2): "off" keeps the default.
  const severity = effectiveSeverity(rule, settings.profile, settings.overrides) ?? rule.severity[settings.profile] ?? "error";
  return skipped.map((s): ProposalReport => {
    const template = rule.messages[s.reason];
    const finding: Finding = {
      ruleId: rule.id,
      severity,
      message: interpolate(template[settings.lang], { path: s.path, detail: s.detail }, settings.lang),
      file: s.path,
      line: 1,
      column: 1,
      pointer: "",
      citation: citationOf(rule.citation),
    };
    const shown = settings.quiet && severity !== "error" ? [] : [finding];
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of shown) counts[f.severity]++;
    // `unaudited` is revision 2's status (types.ts gains it with the lead's engine rewrite).
    const status = "unaudited" as unknown as ProposalReport["status"];
    return { path: s.path, name: null, status, counts, findings: shown };
  });
}
