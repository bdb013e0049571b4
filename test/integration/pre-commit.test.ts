// The pre-commit hook (.pre-commit-hooks.yaml) installed the way users install it, with Debian's
// pre-commit: `pre-commit try-repo` on this checkout, then a repository whose
// .pre-commit-config.yaml names it, `pre-commit install`, and commits. pre-commit builds the hook
// with `npm install`, `npm pack` (reading the tarball's name from its stdout) and
// `npm install -g` of the tarball, so this also checks that route end to end.
// The checkout's files (tracked and new, not ignored) are copied into a fresh git repository
// first, so that what is tested is the working tree, committed or not, without dist/ or node_modules/.
// Skips, printing why, where pre-commit or git is not installed (scripts/install-pre-commit.sh).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, childEnv, copyExample, hasCommand, run, skipReason, type Ran } from "./helpers.js";

const FILE = "test/integration/pre-commit.test.ts";
const HAS_GIT = hasCommand("git");
const HAS_PRE_COMMIT = hasCommand("pre-commit");
if (!HAS_GIT) skipReason(FILE, "git is not installed");
else if (!HAS_PRE_COMMIT) skipReason(FILE, "pre-commit is not installed (run scripts/install-pre-commit.sh, or apt-get install pre-commit)");

describe.skipIf(!HAS_GIT || !HAS_PRE_COMMIT)("the pre-commit hook", () => {
  let temp: string;
  let hookRepo: string;
  let rev: string;
  let project: string;
  let env: NodeJS.ProcessEnv;

  const git = (cwd: string, ...args: string[]): Ran => run("git", args, { cwd, env });
  const head = (cwd: string) => git(cwd, "rev-parse", "HEAD").stdout.trim();
  const output = (r: Ran) => `${r.stdout}\n${r.stderr}`;

  /** A compliant proposal whose agreement does not expire while this test is kept (date rules compare with today). */
  function writeCompliant(dest: string) {
    copyExample("compliant-national", dest);
    const charter = join(dest, "charter.yaml");
    const text = readFileSync(charter, "utf8");
    expect(text).toMatch(/expiry_date: '\d{4}-\d\d-\d\d'/);
    writeFileSync(charter, text.replace(/expiry_date: '\d{4}-\d\d-\d\d'/, "expiry_date: '2099-03-19'"));
  }

  beforeAll(() => {
    temp = mkdtempSync(join(tmpdir(), "aa-pre-commit-"));
    env = childEnv({
      PRE_COMMIT_HOME: join(temp, "pre-commit-home"),
      // npm, run by pre-commit: dependencies from the cache that `npm ci` filled, the registry only for what is missing.
      npm_config_prefer_offline: "true",
      npm_config_audit: "false",
      npm_config_fund: "false",
      GIT_AUTHOR_NAME: "alliance-audit test",
      GIT_AUTHOR_EMAIL: "test@example.invalid",
      GIT_COMMITTER_NAME: "alliance-audit test",
      GIT_COMMITTER_EMAIL: "test@example.invalid",
      GIT_CONFIG_NOSYSTEM: "1",
      LANG: "C",
    });

    // The hook's repository: this checkout's working tree, committed.
    hookRepo = join(temp, "alliance-audit");
    const files = run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT }).stdout.split("\0").filter(Boolean);
    for (const f of files) {
      try {
        mkdirSync(dirname(join(hookRepo, f)), { recursive: true });
        cpSync(join(ROOT, f), join(hookRepo, f));
      } catch {
        // A tracked file deleted in the working tree: it is not part of what is tested.
      }
    }
    git(hookRepo, "init", "-q");
    git(hookRepo, "add", "-A");
    git(hookRepo, "commit", "-q", "-m", "alliance-audit under test");
    rev = head(hookRepo);

    project = join(temp, "project");
    mkdirSync(project);
    git(project, "init", "-q");
  });

  afterAll(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it("try-repo: the hook fails on a proposal with errors and prints the findings", () => {
    copyExample("unsigned-agreement", join(project, "proposals", "unsigned"));
    git(project, "add", "-A");
    const r = run("pre-commit", ["try-repo", hookRepo, "alliance-audit", "--all-files"], { cwd: project, env });
    expect(r.status, output(r)).toBe(1);
    expect(r.stdout).toMatch(/alliance-audit\.+Failed/);
    expect(r.stdout).toContain("agreement/unsigned");
    expect(r.stdout).toContain("proposals/unsigned/charter.yaml");
    // (Passing is checked by the commits below: every try-repo installs the hook anew, ~20 s.)
    git(project, "reset", "-q");
    rmSync(join(project, "proposals"), { recursive: true });
  });

  it("pre-commit install: a commit of a charter with errors is rejected", () => {
    writeFileSync(
      join(project, ".pre-commit-config.yaml"),
      ["repos:", `  - repo: ${JSON.stringify(hookRepo)}`, `    rev: ${rev}`, "    hooks:", "      - id: alliance-audit", "        args: [proposals/, --lang, zh, --fail-on, error]", ""].join("\n"),
    );
    git(project, "add", ".pre-commit-config.yaml");
    expect(git(project, "commit", "-q", "-m", "pre-commit config").status).toBe(0);
    const install = run("pre-commit", ["install"], { cwd: project, env });
    expect(install.status, output(install)).toBe(0);

    const before = head(project);
    copyExample("unsigned-agreement", join(project, "proposals", "unsigned"));
    git(project, "add", "proposals");
    const r = git(project, "commit", "-m", "an unsigned agreement");
    expect(r.status, output(r)).not.toBe(0);
    expect(output(r)).toMatch(/alliance-audit\.+Failed/);
    expect(output(r)).toContain("agreement/unsigned");
    expect(output(r)).toMatch(/错误/); // args reach the hook: --lang zh ("error" in Chinese)
    expect(head(project)).toBe(before);
    git(project, "rm", "-r", "-q", "--cached", "proposals");
    rmSync(join(project, "proposals"), { recursive: true });
  });

  it("pre-commit install: a commit of a compliant charter is accepted", () => {
    const before = head(project);
    writeCompliant(join(project, "proposals", "compliant"));
    git(project, "add", "proposals");
    const r = git(project, "commit", "-m", "a compliant proposal");
    expect(r.status, output(r)).toBe(0);
    expect(output(r)).toMatch(/alliance-audit\.+Passed/);
    expect(head(project)).not.toBe(before);
  });

  it("does not run when no charter or roster is staged", () => {
    writeFileSync(join(project, "notes.txt"), "minutes of the council meeting\n");
    git(project, "add", "notes.txt");
    const r = git(project, "commit", "-m", "notes");
    expect(r.status, output(r)).toBe(0);
    expect(output(r)).toMatch(/alliance-audit\.+\(no files to check\)Skipped/);
  });
});
