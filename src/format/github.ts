// GitHub Actions workflow commands: one annotation per finding, shown on the run and on the
// pull request's changed files. Escaping exactly as actions/toolkit's command.ts does it, so the
// runner decodes each value back to what the report says.
import type { Severity } from "../types.js";
import type { Formatter } from "./types.js";

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/** A command's message (after the second `::`): `%`, CR and LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A property value (`file=…`, `title=…`): also `:` and `,`, which delimit the properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export const github: Formatter = (report) =>
  report.proposals
    .flatMap((p) => p.findings)
    .map((f) => {
      const props = `file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(f.ruleId)}`;
      return `::${COMMAND[f.severity]} ${props}::${escapeData(f.message)}\n`;
    })
    .join("");
