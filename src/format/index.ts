// The format registry: `--format NAME` looks a formatter up here, so a new format is one entry
// and touches nothing else. Entries load on demand: `--format json` never loads chalk or tables.
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
  return Object.hasOwn(LOADERS, name) ? LOADERS[name]() : undefined;
}

export type { FormatContext, Formatter } from "./types.js";
