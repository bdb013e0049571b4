// The GitHub Action's first run of a ref, as the runner does it: the action's files (this working
// tree, without dist/ and node_modules/) in a folder of their own, action.yml's resolve and build
// steps run there with bash, then its audit step. What the build leaves (dist/ and the pruned
// node_modules/, what actions/cache keeps) must be a working CLI with no dev dependency.
// npm runs offline: the dependencies are in npm's cache after `npm ci`.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AS_OF, ROOT, childEnv, run } from "./helpers.js";

interface Step {
  id?: string;
  name?: string;
  run?: string;
  env?: Record<string, string>;
}
const steps = (yaml.load(readFileSync(join(ROOT, "action.yml"), "utf8")) as { runs: { steps: Step[] } }).runs.steps;

describe("the action's build of its own ref", () => {
  let temp: string;
  let actionPath: string;

  /** Runs one step's script as the runner would (bash -e), with the given expression values. */
  function runStep(s: Step, values: Record<string, string>, cwd: string) {
    const output = join(temp, "output");
    writeFileSync(output, "");
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(s.env ?? {})) env[k] = v.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, e: string) => values[e] ?? "");
    const r = spawnSync("bash", ["-e", "-c", s.run!], {
      cwd,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
      env: childEnv({ ...env, npm_config_offline: "true", RUNNER_TEMP: temp, RUNNER_OS: "Linux", RUNNER_ARCH: "X64", GITHUB_OUTPUT: output, GITHUB_ACTION_PATH: actionPath, LANG: "C" }),
    });
    const outputs = Object.fromEntries(readFileSync(output, "utf8").split("\n").filter(Boolean).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
    return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr), outputs };
  }

  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), "aa-action-build-"));
    actionPath = join(temp, "_actions", "alliance-audit", "alliance-audit", "v0.1.0");
    const files = run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT }).stdout.split("\0").filter(Boolean);
    for (const f of files) {
      if (!existsSync(join(ROOT, f))) continue; // deleted in the working tree
      mkdirSync(dirname(join(actionPath, f)), { recursive: true });
      cpSync(join(ROOT, f), join(actionPath, f));
    }
  });

  afterAll(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it("resolves to the source route with a key naming the ref taken from the action's folder", () => {
    const r = runStep(steps.find((s) => s.id === "resolve")!, {}, temp);
    expect(r.status, r.stderr).toBe(0);
    expect(r.outputs.mode).toBe("source");
    expect(r.outputs.key).toMatch(/-v0\.1\.0-[0-9a-f]{16}$/);
  });

  it("builds dist/ and keeps only runtime dependencies, then audits with that build", () => {
    expect(existsSync(join(actionPath, "dist"))).toBe(false);
    const build = steps.find((s) => s.name?.startsWith("Build alliance-audit"))!;
    const b = runStep(build, {}, actionPath);
    expect(b.status, `${b.stdout}\n${b.stderr}`).toBe(0);
    expect(existsSync(join(actionPath, "dist", "cli.mjs"))).toBe(true);
    expect(existsSync(join(actionPath, "node_modules", "ajv"))).toBe(true);
    for (const dev of ["typescript", "esbuild", "vitest"]) expect(existsSync(join(actionPath, "node_modules", dev)), dev).toBe(false);

    // The audit step, run from a repository folder elsewhere, with the cached files only.
    const workspace = join(temp, "workspace");
    cpSync(join(ROOT, "examples", "unsigned-agreement"), join(workspace, "proposals", "unsigned"), { recursive: true });
    cpSync(join(ROOT, "examples", "compliant-national"), join(workspace, "proposals", "compliant"), { recursive: true });
    const audit = steps.find((s) => s.id === "audit")!;
    const values = { "steps.resolve.outputs.mode": "source", "inputs.fail-on": "error", "inputs.format": "github", "inputs.as-of": AS_OF, "inputs.step-summary": "false" };
    const bad = runStep(audit, { ...values, "inputs.paths": "proposals/unsigned" }, workspace);
    expect(bad.status, bad.stderr).toBe(0);
    expect(bad.outputs["exit-code"]).toBe("1");
    expect(bad.stdout).toMatch(/^::error file=proposals\/unsigned\/charter\.yaml/m);
    const good = runStep(audit, { ...values, "inputs.paths": "proposals/compliant" }, workspace);
    expect(good.outputs["exit-code"]).toBe("0");
  });
});
