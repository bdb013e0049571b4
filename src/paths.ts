// Where the package's own files are (package.json, schemas/, dist/), whether this code runs from
// src/ (tests), dist/ (the API) or the single-file CLI bundle dist/cli.mjs: each sits at a
// different depth, so the root is found rather than assumed.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(start: string): string {
  for (let d = start, i = 0; i < 8; i++) {
    if (existsSync(join(d, "package.json")) && existsSync(join(d, "schemas", "charter.schema.json"))) return d;
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  return join(start, "..", "..");
}

export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** True when running from TypeScript sources (vitest): there is no compiled worker to start. */
export const FROM_SOURCES = import.meta.url.endsWith(".ts");
