// The layering of docs/architecture.md, checked on the sources: an import in the wrong direction
// fails here (discover → load → validate → report; formats receive rule metadata, they do not
// import the rule list).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(__dirname, "../../src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** Every relative import of a file (static and dynamic), as a path relative to src/. */
function importsOf(file: string, text = readFileSync(file, "utf8")): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
    out.push(relative(SRC, resolve(dirname(file), m[1])).replace(/\\/g, "/").replace(/\.js$/, ".ts"));
  }
  return out;
}

const layer = (path: string) => path.split("/")[0];

/** layer of the importing file → layers (or files) it must not import. */
const FORBIDDEN: Record<string, string[]> = {
  format: ["rules", "engine", "load", "registry", "cli", "documents", "audit.ts", "profile"],
  rules: ["engine", "format", "cli", "audit.ts", "registry"],
  load: ["rules", "engine", "format", "cli", "registry", "audit.ts"],
  documents: ["rules", "engine", "format", "cli", "registry", "load", "audit.ts"],
  engine: ["format", "cli"],
  model: ["rules", "engine", "format", "cli", "registry", "load"],
  profile: ["engine", "format", "cli"],
  registry: ["engine", "format", "cli"],
};

/** Allowed exceptions, each with its reason. */
const ALLOWED: Record<string, string> = {
  // The catalogue's public view (RULES, getRule) for the API and older imports: the registry holds the list.
  "rules/index.ts -> registry/index.ts": "a view of the registry; no rule module imports it",
  // A rule may name a place in the charter with the loader's pointer helper (escaping, no I/O).
  "rules/refs.ts -> load/document.ts": "pointerSegment, a pure string helper",
  // Decoding text documents the same way as every other file (UTF-8, UTF-16, GB18030).
  "documents/text.ts -> load/decode.ts": "one decoder for every text file",
};

/** The imports of `file` (a path under src/) that its layer forbids, less the allowed exceptions. */
function violations(file: string, imports: string[]): string[] {
  const forbidden = FORBIDDEN[layer(file)] ?? [];
  return imports.filter((target) => (forbidden.includes(layer(target)) || forbidden.includes(target)) && !ALLOWED[`${file} -> ${target}`]).map((t) => `${file} -> ${t}`);
}

describe("layers (docs/architecture.md)", () => {
  const all = files(SRC).map((f) => relative(SRC, f).replace(/\\/g, "/"));

  it("finds the sources", () => {
    expect(all.length).toBeGreaterThan(50);
  });

  it("no import goes in the wrong direction", () => {
    expect(all.flatMap((f) => violations(f, importsOf(join(SRC, f))))).toEqual([]);
  });

  it("only the command line imports the command line", () => {
    const wrong = all.filter((f) => layer(f) !== "cli" && f !== "extract/command.ts").flatMap((f) => importsOf(join(SRC, f)).filter((t) => layer(t) === "cli").map((t) => `${f} -> ${t}`));
    expect(wrong).toEqual([]);
  });

  it("the check is real: a formatter importing the rule list, a rule importing the engine, are caught", () => {
    const fake = (path: string, text: string) => violations(path, importsOf(join(SRC, path), text));
    expect(fake("format/x.ts", 'import { RULES } from "../rules/index.js";')).toEqual(["format/x.ts -> rules/index.ts"]);
    expect(fake("rules/x.ts", 'const m = await import("../engine/finding.js");')).toEqual(["rules/x.ts -> engine/finding.ts"]);
    expect(fake("engine/x.ts", 'import { registry } from "../registry/index.js";')).toEqual([]);
  });
});
