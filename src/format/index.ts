// The format registry: `--format NAME` looks a formatter up here, so a new format is one entry
// and touches nothing else. Entries load on demand: `--format json` never loads chalk or tables.
import { UsageError } from "../errors.js";
import type { Formatter } from "./types.js";

const LOADERS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import("./stylish.js")).stylish,
  json: async () => (await import("./json.js")).json,
  sarif: async () => (await import("./sarif.js")).sarif,
  junit: async () => (await import("./junit.js")).junit,
  github: async () => (await import("./github.js")).github,
  markdown: async () => (await import("./markdown.js")).markdown,
  html: async () => (await import("./html.js")).html,
  csv: async () => (await import("./csv.js")).csv,
};

export function formatNames(): string[] {
  return Object.keys(LOADERS);
}

export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  return Object.hasOwn(LOADERS, name) ? tooLargeSaid(name, await LOADERS[name]()) : undefined;
}

/**
 * A report past what one JavaScript string holds (about 512 MiB: a roster within the limits whose
 * every value is wrong has a million findings) is a clear exit-2 message, not "internal error".
 */
function tooLargeSaid(name: string, format: Formatter): Formatter {
  return (report, ctx) => {
    try {
      return format(report, ctx);
    } catch (e) {
      if (!(e instanceof RangeError) || !/string length/i.test(e.message)) throw e;
      const n = report.proposals.reduce((k, p) => k + p.findings.length, 0);
      throw new UsageError({
        zh: `报告太大（${n} 个问题），无法以 ${name} 格式一次写出；请分批审核（--shard）或改用 --format csv`,
        en: `the report is too large to write as ${name} (${n} findings); audit in parts (--shard) or use --format csv`,
      });
    }
  };
}

export type { FormatContext, Formatter } from "./types.js";
