// The package as users get it: `npm pack` in this checkout (which builds dist/), a global
// install of the tarball into a temporary prefix, and the installed `alliance-audit` run from
// another folder. The install is offline (`--offline`: the dependencies are in npm's cache after
// `npm ci`); where npm has not cached the registry's metadata of the dependencies yet, it falls
// back to `--prefer-offline`, which asks the npm registry only for what is missing, and skips,
// printing why, where the registry cannot be reached either.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AS_OF, NETWORK_ERROR, ROOT, TARBALL, VERSION, childEnv, copyExample, run, skipReason, type Ran } from "./helpers.js";

const FILE = "test/integration/pack-install.test.ts";
/** The lifecycle scripts npm runs when it installs a package. */
const INSTALL_SCRIPTS = ["preinstall", "install", "postinstall", "prepare", "prepublish"];

describe("npm pack, then npm install -g of the tarball", () => {
  let temp: string;
  let packed: Ran;
  let manifestBefore: string;
  let install: Ran & { mode: string };
  let installed = false;
  let bin: string;
  let work: string;

  /** The installed CLI, run in a folder outside this checkout with only its bin on PATH first. */
  const cli = (args: string[]) =>
    run(bin, args, { cwd: work, env: childEnv({ PATH: `${join(temp, "prefix", "bin")}${delimiter}${process.env.PATH ?? ""}`, LANG: "C" }) });

  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), "aa-pack-"));
    work = join(temp, "work");
    manifestBefore = readFileSync(join(ROOT, "package.json"), "utf8");
    packed = run("npm", ["pack", "--pack-destination", temp], { cwd: ROOT });
    if (packed.status !== 0) return;
    const prefix = join(temp, "prefix");
    const installArgs = (mode: string) => ["install", "--global", join(temp, TARBALL), "--prefix", prefix, mode, "--no-audit", "--no-fund"];
    install = { ...run("npm", installArgs("--offline"), { cwd: temp }), mode: "--offline" };
    if (install.status !== 0 && /ENOTCACHED/.test(install.stderr)) {
      install = { ...run("npm", installArgs("--prefer-offline"), { cwd: temp }), mode: "--prefer-offline" };
    }
    installed = install.status === 0;
    if (!installed && NETWORK_ERROR.test(install.stderr)) {
      skipReason(FILE, `the installed CLI is not checked: npm could not install the dependencies offline and the npm registry cannot be reached (${NETWORK_ERROR.exec(install.stderr)?.[1]})`);
    }
    bin = join(prefix, "bin", "alliance-audit");
    copyExample("unsigned-agreement", join(work, "proposals", "unsigned"));
    copyExample("compliant-national", join(work, "proposals", "compliant"));
  });

  afterAll(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  /** Whether the install could not reach the registry (then the installed CLI is not checked). */
  const offlineOnly = () => !installed && NETWORK_ERROR.test(install?.stderr ?? "");

  it("npm pack succeeds and prints only the tarball's name on stdout (pre-commit reads it from there)", () => {
    expect(packed.status, packed.stderr).toBe(0);
    expect(packed.stdout).toBe(`${TARBALL}\n`);
  });

  it("leaves package.json as it was, with its prepare script for checkouts", () => {
    expect(readFileSync(join(ROOT, "package.json"), "utf8")).toBe(manifestBefore);
    expect(JSON.parse(manifestBefore).scripts.prepare).toBe("npm run build");
    expect(existsSync(join(ROOT, ".package.json.prepack"))).toBe(false);
  });

  it("packs the built CLI, schemas and docs, and no sources or tests", () => {
    const list = run("tar", ["-tzf", join(temp, TARBALL)]);
    expect(list.status, list.stderr).toBe(0);
    const files = list.stdout.split("\n").filter(Boolean);
    for (const f of ["bin/alliance-audit.js", "dist/cli.mjs", "dist/worker.mjs", "dist/index.js", "dist/index.d.ts", "dist/validators/charter.cjs", "schemas/charter.schema.json", "package.json", "README.md"]) {
      expect(files).toContain(`package/${f}`);
    }
    expect(files.filter((f) => /^package\/(src|test|scripts|bench|node_modules)\//.test(f) || f.endsWith(".prepack"))).toEqual([]);
  });

  it("ships a package.json without install scripts", () => {
    const r = run("tar", ["-xzOf", join(temp, TARBALL), "package/package.json"]);
    expect(r.status, r.stderr).toBe(0);
    const scripts = (JSON.parse(r.stdout) as { scripts?: Record<string, string> }).scripts ?? {};
    expect(INSTALL_SCRIPTS.filter((s) => s in scripts)).toEqual([]);
    expect(JSON.parse(r.stdout).version).toBe(VERSION);
  });

  it("installs globally with no build step and no install-script warning", ({ skip }) => {
    if (offlineOnly()) skip();
    expect(install.status, `${install.mode}\n${install.stderr}`).toBe(0);
    expect(install.stderr).not.toMatch(/install-scripts|allowScripts|prepare|prepack/i);
    const pkg = join(temp, "prefix", "lib", "node_modules", "alliance-audit");
    expect(existsSync(join(pkg, "dist", "cli.mjs"))).toBe(true);
    // Only the runtime dependencies: no compiler, bundler or test runner was needed to install.
    for (const dev of ["typescript", "esbuild", "vitest"]) expect(existsSync(join(pkg, "node_modules", dev)), dev).toBe(false);
    expect(existsSync(join(pkg, "src"))).toBe(false);
  });

  it("puts alliance-audit on PATH: --version prints the package's version", ({ skip }) => {
    if (offlineOnly()) skip();
    const r = cli(["--version"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
    // Found through PATH by name, as a shell would.
    const byName = run("alliance-audit", ["--version"], { cwd: work, env: childEnv({ PATH: `${join(temp, "prefix", "bin")}${delimiter}${process.env.PATH ?? ""}` }) });
    expect(byName.stdout.trim()).toBe(VERSION);
    // As the action's npm route runs it: `node <prefix>/bin/alliance-audit` (a link to bin/alliance-audit.js).
    const viaNode = run(process.execPath, [bin, "--version"], { cwd: work });
    expect(viaNode.stdout.trim()).toBe(VERSION);
  });

  it("audits an example from another folder: errors exit 1 with their rule ids", ({ skip }) => {
    if (offlineOnly()) skip();
    const r = cli(["proposals/unsigned", "--as-of", AS_OF, "--format", "json", "--lang", "en"]);
    expect(r.status, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as { proposals: { path: string; findings: { ruleId: string; file: string }[] }[] };
    expect(report.proposals.map((p) => p.path)).toEqual(["proposals/unsigned"]);
    expect(report.proposals[0]!.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(["agreement/unsigned", "agreement/signatory-not-legal-rep"]));
    expect(report.proposals[0]!.findings[0]!.file).toBe("proposals/unsigned/charter.yaml");
  });

  it("audits a compliant example: exit 0 and no finding", ({ skip }) => {
    if (offlineOnly()) skip();
    const r = cli(["proposals/compliant", "--as-of", AS_OF, "--format", "json"]);
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { summary: { error: number; warning: number } }).summary).toMatchObject({ error: 0, warning: 0 });
  });

  it("audits a batch on worker threads and reports in Chinese and English", ({ skip }) => {
    if (offlineOnly()) skip();
    const zh = cli(["proposals", "--as-of", AS_OF, "--jobs", "2", "--lang", "zh", "--no-color"]);
    expect(zh.status, zh.stderr).toBe(1);
    expect(zh.stdout).toContain("proposals/compliant");
    expect(zh.stdout).toContain("proposals/unsigned");
    expect(zh.stdout).toContain("未通过"); // a failed proposal, in Chinese
    const en = cli(["proposals", "--as-of", AS_OF, "--jobs", "2", "--lang", "en", "--no-color"]);
    expect(en.status, en.stderr).toBe(1);
    expect(en.stdout).toContain("failed");
    expect(en.stdout).not.toContain("未通过");
  });

  it("prints a one-line error, no stack trace, for a path that holds no proposal", ({ skip }) => {
    if (offlineOnly()) skip();
    const r = cli(["no-such-folder"]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("from a checkout: npm link, as the README says", () => {
  let prefix: string;
  beforeAll(() => {
    prefix = mkdtempSync(join(tmpdir(), "aa-link-"));
  });
  afterAll(() => {
    if (prefix) rmSync(prefix, { recursive: true, force: true });
  });

  it("npm link --ignore-scripts puts this checkout's alliance-audit on PATH, without a warning", () => {
    // npm's global prefix, moved to a temporary folder: `npm link` writes there.
    const env = childEnv({ npm_config_prefix: prefix });
    const link = run("npm", ["link", "--ignore-scripts", "--offline", "--no-audit", "--no-fund"], { cwd: ROOT, env });
    expect(link.status, link.stderr).toBe(0);
    expect(link.stderr).not.toMatch(/install-scripts|allowScripts/);
    const r = run("alliance-audit", ["--version"], { cwd: tmpdir(), env: { ...env, PATH: `${join(prefix, "bin")}${delimiter}${process.env.PATH ?? ""}` } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(VERSION);
  });
});
