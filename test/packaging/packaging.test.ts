// The packaging scripts, fast: scripts/pack-manifest.mjs (the tarball's package.json without
// install scripts, the checkout's restored byte for byte), scripts/test-summary.mjs (CI's closing
// lines), package.json's lifecycle scripts and .ci/run's order. The slow end-to-end checks
// (npm pack + install, pre-commit) are in test/integration/.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PACK_MANIFEST = join(ROOT, "scripts", "pack-manifest.mjs");
const SUMMARY = join(ROOT, "scripts", "test-summary.mjs");
const node = (args: string[], cwd: string) => spawnSync(process.execPath, args, { cwd, encoding: "utf8" });

describe("scripts/pack-manifest.mjs", () => {
  let dir: string;
  // Tabs and an odd key order: restore must give back these bytes, not a re-serialisation.
  const original = '{\n\t"name": "x",\n\t"version": "1.0.0",\n\t"scripts": {\n\t\t"build": "tsc",\n\t\t"prepare": "npm run build",\n\t\t"postinstall": "node x.js",\n\t\t"test": "vitest run"\n\t},\n\t"bin": { "x": "bin/x.js" }\n}\n';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "aa-pack-manifest-"));
    writeFileSync(join(dir, "package.json"), original);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const manifest = () => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { scripts: Record<string, string>; bin: unknown };

  it("strip removes the install-time scripts and keeps the others and every other field", () => {
    expect(node([PACK_MANIFEST, "strip"], dir).status).toBe(0);
    expect(manifest().scripts).toEqual({ build: "tsc", test: "vitest run" });
    expect(manifest().bin).toEqual({ x: "bin/x.js" });
    expect(readFileSync(join(dir, "package.json"), "utf8")).toMatch(/^\{\n\t"name"/); // the file's indentation
  });

  it("restore gives back the original bytes and removes the backup", () => {
    node([PACK_MANIFEST, "strip"], dir);
    expect(node([PACK_MANIFEST, "restore"], dir).status).toBe(0);
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe(original);
    expect(existsSync(join(dir, ".package.json.prepack"))).toBe(false);
  });

  it("restore without a strip before it changes nothing", () => {
    expect(node([PACK_MANIFEST, "restore"], dir).status).toBe(0);
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe(original);
  });

  it("after an interrupted pack (strip twice, no restore) the original is still what is restored", () => {
    node([PACK_MANIFEST, "strip"], dir);
    node([PACK_MANIFEST, "strip"], dir);
    node([PACK_MANIFEST, "restore"], dir);
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe(original);
  });

  it("a package.json without scripts is packed unchanged in content", () => {
    writeFileSync(join(dir, "package.json"), '{\n  "name": "x",\n  "version": "1.0.0"\n}\n');
    node([PACK_MANIFEST, "strip"], dir);
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))).toEqual({ name: "x", version: "1.0.0" });
  });

  it("refuses an unknown command with exit 2 and a usage line", () => {
    const r = node([PACK_MANIFEST, "publish"], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("usage:");
    expect(readFileSync(join(dir, "package.json"), "utf8")).toBe(original);
  });
});

describe("package.json lifecycle scripts", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string>; files: string[]; bin: Record<string, string> };

  it("builds on npm ci in a checkout (prepare) and on npm pack (prepack), and restores after the pack", () => {
    expect(pkg.scripts.prepare).toBe("npm run build");
    expect(pkg.scripts.prepack).toBe("npm run build && node scripts/pack-manifest.mjs strip");
    expect(pkg.scripts.postpack).toBe("node scripts/pack-manifest.mjs restore");
    // Nothing runs when the package is installed.
    for (const s of ["preinstall", "install", "postinstall"]) expect(pkg.scripts[s], s).toBeUndefined();
  });

  it("ships the built CLI and its launcher, not the sources", () => {
    expect(pkg.bin).toEqual({ "alliance-audit": "bin/alliance-audit.js" });
    expect(pkg.files).toEqual(expect.arrayContaining(["bin", "dist", "schemas"]));
    expect(pkg.files).not.toContain("src");
    expect(readFileSync(join(ROOT, pkg.bin["alliance-audit"]!), "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
  });

  it("keeps lifecycle banners off npm pack's stdout (.npmrc), where the tarball name is read", () => {
    expect(readFileSync(join(ROOT, ".npmrc"), "utf8")).toMatch(/^foreground-scripts=false$/m);
  });
});

describe("scripts/test-summary.mjs", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "aa-summary-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const report = (name: string, r: object) => {
    writeFileSync(join(dir, name), JSON.stringify(r));
    return join(dir, name);
  };

  it("prints a line per suite and the total, and exits 0 when nothing failed", () => {
    const unit = report("u.json", { numPassedTests: 10, numFailedTests: 0, numFailedTestSuites: 0, numPendingTests: 2, numTodoTests: 0 });
    const integration = report("i.json", { numPassedTests: 3, numFailedTests: 0, numFailedTestSuites: 0, numPendingTests: 1, numTodoTests: 0 });
    const r = node([SUMMARY, `unit=${unit}`, `integration=${integration}`], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("unit: 10 passed, 0 failed, 2 skipped\nintegration: 3 passed, 0 failed, 1 skipped\ntests: 13 passed, 0 failed, 3 skipped\n");
  });

  it("exits 1 on a failed test, a file that failed to load, or a missing report", () => {
    const failed = report("f.json", { numPassedTests: 1, numFailedTests: 2, numFailedTestSuites: 1, numPendingTests: 0, numTodoTests: 0 });
    expect(node([SUMMARY, `unit=${failed}`], dir).stdout).toContain("tests: 1 passed, 2 failed, 0 skipped");
    expect(node([SUMMARY, `unit=${failed}`], dir).status).toBe(1);
    const broken = report("b.json", { numPassedTests: 5, numFailedTests: 0, numFailedTestSuites: 1, numPendingTests: 0, numTodoTests: 0 });
    expect(node([SUMMARY, `unit=${broken}`], dir).status).toBe(1);
    const missing = node([SUMMARY, `integration=${join(dir, "none.json")}`], dir);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toContain("integration: no report");
  });
});

describe(".ci/run", () => {
  // The commands, without the comments that describe them.
  const ci = readFileSync(join(ROOT, ".ci", "run"), "utf8")
    .split("\n")
    .filter((l) => !/^\s*#/.test(l))
    .join("\n");
  const at = (s: string) => {
    const i = ci.indexOf(s);
    expect(i, s).toBeGreaterThanOrEqual(0);
    return i;
  };

  it("installs, runs the unit tests, installs the integration tools, runs the integration tests, then prints the counts", () => {
    const order = ["npm ci", "npm test", "scripts/install-chromium.sh", "scripts/install-pre-commit.sh", "npm run test:integration", "scripts/test-summary.mjs"].map(at);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("lets a tool's install fail without failing CI (its test skips)", () => {
    expect(ci).toMatch(/bash scripts\/install-chromium\.sh \|\|/);
    expect(ci).toMatch(/bash scripts\/install-pre-commit\.sh \|\|/);
  });
});
