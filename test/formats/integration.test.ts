// The CI integration files: action.yml (its audit script run for real against the fixtures with
// the built CLI), .pre-commit-hooks.yaml, and the YAML examples of docs/ci.md.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { FIXTURES, TRICKY } from "./helpers.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const read = (f: string) => readFileSync(join(ROOT, f), "utf8");
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const action: Json = yaml.load(read("action.yml"));
const auditStep = action.runs.steps.find((s: Json) => s.id === "audit");

/** Runs the action's audit script as the runner would, with the inputs as environment variables. */
function runAction(inputs: Record<string, string>) {
  const temp = mkdtempSync(join(tmpdir(), "aa-action-"));
  const env: Record<string, string> = { ...(process.env as Record<string, string>), RUNNER_TEMP: temp, GITHUB_OUTPUT: join(temp, "output"), GITHUB_STEP_SUMMARY: join(temp, "summary"), GITHUB_ACTION_PATH: ROOT, NO_COLOR: "1" };
  for (const key of Object.keys(auditStep.env)) env[key] = "";
  Object.assign(env, { AA_PATHS: ".", AA_FAIL_ON: "error", AA_FORMAT: "github", AA_UPLOAD: "true", AA_SUMMARY: "true", AA_AS_OF: "2026-01-01", AA_LANG: "en" }, inputs);
  const run = spawnSync("bash", ["-c", auditStep.run], { cwd: FIXTURES, env, encoding: "utf8", timeout: 60_000 });
  const file = (f: string) => (existsSync(join(temp, f)) ? readFileSync(join(temp, f), "utf8") : "");
  const outputs = Object.fromEntries(file("output").split("\n").filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2)));
  const result = { run, outputs, summary: file("summary"), sarif: file("alliance-audit.sarif") };
  rmSync(temp, { recursive: true, force: true });
  return result;
}

describe("action.yml", () => {
  it("is a composite action on Node 20 with the documented inputs, uploading SARIF", () => {
    expect(action.runs.using).toBe("composite");
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(["paths", "profile", "fail-on", "format", "upload-sarif", "category"]));
    const uses = action.runs.steps.map((s: Json) => s.uses).filter(Boolean);
    expect(uses).toEqual(expect.arrayContaining([expect.stringMatching(/^actions\/setup-node@/), expect.stringMatching(/^github\/codeql-action\/upload-sarif@/)]));
    expect(action.inputs["node-version"].default).toBe("20");
    // Every input reaches the script through env, never pasted into the script as code.
    expect(auditStep.run).not.toMatch(/\$\{\{/);
  });

  const built = existsSync(join(ROOT, "dist/cli.mjs"));
  it.skipIf(!built)("audits, annotates, summarises and writes SARIF; exit code 1 on an error", () => {
    // Paths split on whitespace, so a folder with a space in its name is given as a glob.
    const { run, outputs, summary, sarif } = runAction({ AA_PATHS: "compliant tricky*" });
    expect(run.status).toBe(0); // the step itself passes; the Result step fails after the upload
    expect(outputs["exit-code"]).toBe("1");
    expect(outputs["sarif-file"]).toMatch(/alliance-audit\.sarif$/);
    expect(run.stdout).toMatch(/^::error file=tricky 联盟%2C100%25\/members\.yaml,line=\d+,col=\d+,title=agreement\/unsigned::/m);
    expect(summary).toContain("| compliant |");
    expect(JSON.parse(sarif).runs[0].results.length).toBeGreaterThan(0);
  });

  it.skipIf(!built)("reports exit code 2 when the command cannot run, and 0 for a clean proposal", () => {
    expect(runAction({ AA_PROFILE: "nowhere" }).outputs["exit-code"]).toBe("2");
    expect(runAction({ AA_PATHS: "compliant" }).outputs["exit-code"]).toBe("0");
  });
});

describe(".pre-commit-hooks.yaml", () => {
  it("runs on charter and roster files, without passing file names", () => {
    const [hook]: Json = yaml.load(read(".pre-commit-hooks.yaml"));
    expect(hook).toMatchObject({ id: "alliance-audit", language: "node", pass_filenames: false, entry: "alliance-audit" });
    const files = new RegExp(hook.files);
    for (const f of ["charter.yaml", "p/charter.yml", "p/charter.json", "p/members.yaml", "p/members.yml", "p/members.json", "a/b/members.csv"]) expect(f).toMatch(files);
    for (const f of ["p/charter.csv", "p/mycharter.yaml", "p/members.yaml.bak", "README.md"]) expect(f).not.toMatch(files);
  });
});

describe("docs/ci.md", () => {
  it("has YAML examples that parse, for GitHub Actions, pre-commit and GitLab with a JUnit report", () => {
    const blocks = [...read("docs/ci.md").matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
    const docs: Json[] = blocks.map((b) => yaml.load(b));
    expect(docs.some((d) => d?.jobs?.audit?.steps?.some((s: Json) => /^alliance-audit\/alliance-audit@/.test(s.uses ?? "")))).toBe(true);
    expect(docs.some((d) => d?.repos?.[0]?.hooks?.[0]?.id === "alliance-audit")).toBe(true);
    expect(docs.some((d) => d?.["alliance-audit"]?.artifacts?.reports?.junit)).toBe(true);
  });
});
