// GitHub Actions workflow commands: one annotation per finding, shown on the run and on the
// pull request's changed files. Escaping exactly as actions/toolkit's command.ts does it, so the
// runner decodes each value back to what the report says.
import type { Severity } from "../types.js";
import type { Formatter } from "./types.js";
import { visible } from "./visible.js";

const COMMAND: Record<Severity, string> = { error: "error", warning: "warning", info: "notice" };

/**
 * A command's message (after the second `::`): `%`, CR and LF as the toolkit escapes them, and
 * every other control character shown visibly (`\u001b`): input cannot write to the log raw.
 */
export function escapeData(s: string): string {
  return visible(s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"));
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
      // The annotation's line is the file's; a binary file's locator (成员名单!D7) leads the message.
      const message = f.locator ? `${f.locator}: ${f.message}` : f.message;
      return `::${COMMAND[f.severity]} ${props}::${escapeData(message)}\n`;
    })
    .join("");
