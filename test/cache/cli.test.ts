// --cache through the built command line: with worker threads (--jobs 2 on a batch large enough to
// start them) and in both languages, the report is the one made without the cache.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cli, ensureBuilt, ROOT } from "../helpers/cli.js";

let root: string;
let env: Record<string, string>;
beforeAll(async () => {
  await ensureBuilt();
  root = mkdtempSync(join(tmpdir(), "aa-cache-cli-"));
  // 140 proposals, and the pool told to start a worker from 64 proposals on.
  for (let i = 0; i < 140; i++) cpSync(join(ROOT, "examples", i % 2 ? "missing-bodies" : "compliant-national"), join(root, "batch", `p${String(i).padStart(3, "0")}`), { recursive: true });
  env = { XDG_CACHE_HOME: join(root, "xdg"), ALLIANCE_AUDIT_PER_WORKER: "64" };
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

it("--jobs 2 --cache: cold and warm runs equal --jobs 1 without the cache, in zh and en", async () => {
  const args = ["batch", "--format", "json", "--as-of", "2025-06-01"];
  for (const lang of ["zh", "en"]) {
    const plain = await cli([...args, "--lang", lang, "--jobs", "1"], root, env);
    expect(plain.code).toBe(1);
    for (let run = 0; run < 2; run++) {
      const r = await cli([...args, "--lang", lang, "--jobs", "2", "--cache"], root, env);
      expect(r.stderr).toBe("");
      expect(r.code).toBe(1);
      expect(r.stdout).toBe(plain.stdout);
    }
  }
}, 120_000);

it("--cache-location without a value, or empty, is a usage error (exit 2)", async () => {
  const r = await cli(["batch/p000", "--cache", "--cache-location", ""], root, env);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/--cache-location/);
});

it("--help lists --cache and --cache-location in zh and en", async () => {
  const en = await cli(["--help", "--lang", "en"], root, env);
  expect(en.stdout).toMatch(/--cache\s+remember each proposal/);
  expect(en.stdout).toContain("--cache-location <path>");
  const zh = await cli(["--help", "--lang", "zh"], root, env);
  expect(zh.stdout).toMatch(/--cache\s+记住每份申报材料/);
});
