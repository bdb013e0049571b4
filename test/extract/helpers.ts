// Shared by the extract tests: a temporary copy of a fixture case (the documents of the public
// cases d01–d04 and d07, copied byte for byte into test/fixtures/extract/), and the YAML it wrote.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";

export const FIXTURES = fileURLToPath(new URL("../fixtures/extract/", import.meta.url));

export const CASES = {
  d01: { dir: "d01-docx-literal", docs: ["联盟协议书.docx"] },
  d02: { dir: "d02-docx-autonumber", docs: ["联盟协议.docx"] },
  d03: { dir: "d03-md-missing-bodies", docs: ["联盟协议.md"] },
  d04: { dir: "d04-txt-term-and-names", docs: ["联盟协议书.txt"] },
  d07: { dir: "d07-pdf-two-documents", docs: ["联盟协议.pdf", "联盟章程.docx"] },
} as const;
export type CaseName = keyof typeof CASES;

const made: string[] = [];

/** A fresh folder holding the case's files; `roster: false` leaves the roster out. */
export function copyCase(name: CaseName, o: { roster?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), `extract-${name}-`));
  made.push(dir);
  const from = join(FIXTURES, CASES[name].dir);
  for (const f of readdirSync(from)) {
    if (o.roster === false && f.startsWith("members.")) continue;
    cpSync(join(from, f), join(dir, f));
  }
  return dir;
}

export function cleanup(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function readYaml(file: string): any {
  return yaml.load(readFileSync(file, "utf8"));
}

/** A folder's files and their bytes, to show that a refused run wrote nothing. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) out[f] = readFileSync(join(dir, f)).toString("base64");
  return out;
}
