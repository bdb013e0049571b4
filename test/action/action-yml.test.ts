// action.yml, the composite GitHub Action: its structure (parsed, inputs, steps and the conditions
// that keep it from rebuilding on every run or uploading SARIF unasked), and its shell steps run
// here with bash as the runner would run them, against the CLI that `npm ci` built.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const TEXT = readFileSync(join(ROOT, "action.yml"), "utf8");

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  "working-directory"?: string;
}
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}
const action = yaml.load(TEXT) as Action;
const steps = action.runs.steps;
const step = (id: string) => steps.find((s) => s.id === id)!;
/** Every `${{ … }}` expression of a value, nested or not. */
const expressions = (value: unknown): string[] => JSON.stringify(value).match(/\$\{\{.*?\}\}/g) ?? [];
const isBuild = (run: string) => /\bnpm (ci|install|run build|rebuild)\b|\btsc\b|\besbuild\b/.test(run);

describe("action.yml: structure", () => {
  it("is a composite action with a name, description and described inputs and outputs", () => {
    expect(action.name).toBe("alliance-audit");
    expect(action.description.length).toBeGreaterThan(20);
    expect(action.runs.using).toBe("composite");
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toBeTruthy();
      // No input is required: `uses: alliance-audit/alliance-audit@…` alone audits the repository.
      expect(input.required ?? false, name).toBe(false);
      expect(typeof input.default, name).toBe("string");
    }
    expect(Object.keys(action.inputs)).toEqual(
      expect.arrayContaining(["paths", "profile", "fail-on", "format", "lang", "as-of", "config", "upload-sarif", "sarif-file", "category", "step-summary", "version", "node-version"]),
    );
    expect(Object.keys(action.outputs).sort()).toEqual(["exit-code", "sarif-file"]);
  });

  it("uses every input it declares, and declares every input and step it refers to", () => {
    const used = new Set(expressions(steps).flatMap((e) => [...e.matchAll(/inputs\.([\w-]+)/g)].map((m) => m[1]!)));
    expect([...used].sort()).toEqual(Object.keys(action.inputs).sort());
    const ids = new Set(steps.map((s) => s.id).filter(Boolean));
    const referenced = [...expressions([steps, action.outputs]).join(" ").matchAll(/steps\.([\w-]+)\./g)].map((m) => m[1]!);
    for (const id of referenced) expect(ids.has(id), id).toBe(true);
  });

  it("passes inputs to shell steps as environment variables, never as code", () => {
    for (const s of steps.filter((x) => x.run)) {
      expect(s.run, s.name).not.toContain("${{");
      expect(s.shell, s.name).toBe("bash");
    }
  });

  it("pins each action it uses to a major version", () => {
    for (const s of steps.filter((x) => x.uses)) expect(s.uses, s.name).toMatch(/^[\w-]+\/[\w/-]+@v\d+$/);
  });

  it("builds only on a cache miss, caching dist/ and the runtime node_modules keyed by the action ref", () => {
    const cache = step("cache");
    expect(cache.uses).toMatch(/^actions\/cache@v\d+$/);
    expect(cache.if).toContain("steps.resolve.outputs.mode == 'source'");
    expect(cache.with!.path).toContain("${{ github.action_path }}/dist");
    expect(cache.with!.path).toContain("${{ github.action_path }}/node_modules");
    expect(cache.with!.key).toBe("${{ steps.resolve.outputs.key }}");
    expect(step("resolve").env!.AA_REF).toBe("${{ github.action_ref }}");
    expect(step("resolve").run).toMatch(/key=alliance-audit-build-[^\n]*\$\{ref\}/);

    const builds = steps.filter((s) => s.run && isBuild(s.run));
    expect(builds.length).toBeGreaterThan(0);
    for (const s of builds) {
      // Either the cache-miss build of the action's source, or the npm install of `version`.
      const cacheMiss = s.if?.includes("steps.cache.outputs.cache-hit != 'true'") && s.if.includes("mode == 'source'");
      const npmRoute = s.if?.includes("steps.resolve.outputs.mode == 'npm'") && !/npm (ci|run build)/.test(s.run!);
      expect(cacheMiss || npmRoute, `${s.name}: if: ${s.if}`).toBe(true);
    }
  });

  it("installs the published package by version, and only a version or tag", () => {
    const install = steps.find((s) => s.if?.includes("mode == 'npm'") && s.run)!;
    expect(install.run).toMatch(/npm install --global --prefix "\$RUNNER_TEMP\/alliance-audit" "alliance-audit@\$AA_VERSION"/);
    expect(install.env!.AA_VERSION).toBe("${{ inputs.version }}");
  });

  it("uploads SARIF only when asked: upload-sarif defaults to false", () => {
    expect(action.inputs["upload-sarif"]!.default).toBe("false");
    const uploads = steps.filter((s) => s.uses?.startsWith("github/codeql-action/upload-sarif"));
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.if).toContain("inputs.upload-sarif == 'true'");
  });

  it("fails the job only in its last step, after the report and upload", () => {
    const last = steps[steps.length - 1]!;
    expect(last.if).toContain("always()");
    expect(last.run).toContain('exit "${AA_STATUS:-2}"');
    expect(steps.slice(0, -1).some((s) => s.run && /\bexit [1-9]/.test(s.run) && s.id !== "resolve")).toBe(false);
  });
});

/** Runs a step's script with bash in a runner-like environment; returns its outputs. */
function runStep(s: Step, env: Record<string, string>, home: string) {
  const output = join(home, `output-${Math.random().toString(36).slice(2)}`);
  writeFileSync(output, "");
  const stepEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.env ?? {})) {
    // The expressions the runner would evaluate: inputs (given or default) and steps' outputs, from `env`.
    stepEnv[k] = v.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expr: string) => env[expr] ?? (expr.startsWith("inputs.") ? (action.inputs[expr.slice(7)]?.default ?? "") : ""));
  }
  const r = spawnSync("bash", ["-e", "-c", s.run!], {
    cwd: env.cwd ?? ROOT,
    encoding: "utf8",
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LANG: "C", NO_COLOR: "1", RUNNER_TEMP: home, RUNNER_OS: "Linux", RUNNER_ARCH: "X64", GITHUB_OUTPUT: output, GITHUB_ACTION_PATH: ROOT, ...stepEnv, ...(env.GITHUB_STEP_SUMMARY ? { GITHUB_STEP_SUMMARY: env.GITHUB_STEP_SUMMARY } : {}) },
  });
  const outputs = Object.fromEntries(readFileSync(output, "utf8").split("\n").filter(Boolean).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
  return { ...r, outputs };
}

describe("action.yml: its shell steps", () => {
  let home: string;
  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), "aa-action-"));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it("resolve: the action's own copy gets a cache key naming the ref; the same sources give the same key", () => {
    const a = runStep(step("resolve"), { "github.action_ref": "v0.1.0" }, home);
    expect(a.status, a.stderr).toBe(0);
    expect(a.outputs.mode).toBe("source");
    expect(a.outputs.key).toMatch(/^alliance-audit-build-v1-Linux-X64-node\d+-v0\.1\.0-[0-9a-f]{16}$/);
    expect(runStep(step("resolve"), { "github.action_ref": "v0.1.0" }, home).outputs.key).toBe(a.outputs.key);
    const other = runStep(step("resolve"), { "github.action_ref": "feature/x y" }, home).outputs.key!;
    expect(other).not.toBe(a.outputs.key);
    expect(other).toContain("-feature_x_y-"); // a ref's slashes and spaces do not reach the key
  });

  it("resolve: a version selects the npm route; a URL or path as version is refused", () => {
    const npm = runStep(step("resolve"), { "inputs.version": "0.1.0" }, home);
    expect(npm.status).toBe(0);
    expect(npm.outputs).toEqual({ mode: "npm" });
    for (const bad of ["file:../evil", "https://example.invalid/x.tgz", "../x", "1.0.0 --global"]) {
      const r = runStep(step("resolve"), { "inputs.version": bad }, home);
      expect(r.status, bad).toBe(2);
      expect(r.stdout).toContain("::error");
      expect(r.outputs.mode).toBeUndefined();
    }
  });

  const audit = (inputs: Record<string, string>) =>
    runStep(step("audit"), { "steps.resolve.outputs.mode": "source", "inputs.as-of": "2025-06-01", ...inputs }, home);

  it("audit: an example with errors sets exit-code 1, prints annotations and writes no SARIF by default", () => {
    const summary = join(home, "summary-fail.md");
    const r = runStep(step("audit"), { "steps.resolve.outputs.mode": "source", "inputs.as-of": "2025-06-01", "inputs.paths": "examples/unsigned-agreement", GITHUB_STEP_SUMMARY: summary }, home);
    expect(r.status, r.stderr).toBe(0);
    expect(r.outputs["exit-code"]).toBe("1");
    expect(r.outputs["sarif-file"]).toBeUndefined();
    expect(existsSync(join(home, "alliance-audit.sarif"))).toBe(false);
    expect(r.stdout).toMatch(/^::error file=examples\/unsigned-agreement\/charter\.yaml,line=\d+/m);
    expect(readFileSync(summary, "utf8")).toContain("agreement/unsigned");
  });

  it("audit: a compliant example sets exit-code 0", () => {
    const r = audit({ "inputs.paths": "examples/compliant-national" });
    expect(r.outputs["exit-code"]).toBe("0");
    expect(r.stdout).not.toContain("::error");
  });

  it("audit: upload-sarif true writes the SARIF file for the upload step", () => {
    const r = audit({ "inputs.paths": "examples/unsigned-agreement", "inputs.upload-sarif": "true" });
    expect(r.outputs["exit-code"]).toBe("1");
    expect(r.outputs["sarif-file"]).toBe(join(home, "alliance-audit.sarif"));
    const sarif = JSON.parse(readFileSync(r.outputs["sarif-file"]!, "utf8")) as { version: string; runs: { results: { ruleId: string }[] }[] };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]!.results.map((x) => x.ruleId)).toContain("agreement/unsigned");
  });

  it("audit: a bad input sets exit-code 2, and the last step turns it into an error", () => {
    const r = audit({ "inputs.paths": "examples/compliant-national", "inputs.fail-on": "sometimes" });
    expect(r.outputs["exit-code"]).toBe("2");
    const last = runStep(steps[steps.length - 1]!, { "steps.audit.outputs.exit-code": "2" }, home);
    expect(last.status).toBe(2);
    expect(last.stdout).toContain("::error title=alliance-audit::");
    expect(runStep(steps[steps.length - 1]!, { "steps.audit.outputs.exit-code": "1" }, home).status).toBe(1);
  });
});
