// Issue #12, items 9 and 13: the config in force is bounded. The upward search stops at the
// repository root; a config or baseline that is not a regular file (a link out of the
// repository, a FIFO, a device) is refused without quoting it; ignore globs are matched in
// linear time, and a malformed glob is exit 2 naming the file, line and column.
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findConfig, loadConfig, rebaseGlob } from "../../src/config.js";
import { UsageError } from "../../src/errors.js";
import { compileGlob, matchGlob } from "../../src/fs/glob.js";
import { AS_OF, Sandbox } from "../helpers/proposal.js";
import { cli, json } from "./run-cli.js";

const box = new Sandbox();
afterAll(() => box.cleanup());

const write = (dir: string, name: string, text: string) => writeFileSync(join(dir, name), text);
const audit = (cwd: string, ...args: string[]) => cli(["--format", "json", "--as-of", AS_OF, ...args], cwd);
const usage = (f: () => unknown): UsageError => {
  try {
    f();
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error("no UsageError");
};

describe("the upward config search stops at the repository root (item 9)", () => {
  it("a config above the folder holding .git is not used; one at the root is", () => {
    const outer = box.dir("outer");
    write(outer, ".alliance-audit.yaml", "profile: heilongjiang\n");
    mkdirSync(join(outer, "repo", ".git"), { recursive: true });
    box.proposal({}, "outer/repo/sub/p");
    expect(findConfig(join(outer, "repo", "sub"))).toBeUndefined();
    const r = audit(join(outer, "repo", "sub"), "p");
    expect(json(r).profile).toBe("national");
    write(join(outer, "repo"), ".alliance-audit.yaml", "profile: heilongjiang\n");
    expect(findConfig(join(outer, "repo", "sub"))).toBe(join(outer, "repo", ".alliance-audit.yaml"));
  });

  it("outside any repository the search still goes up (as before)", () => {
    const tree = box.dir("norepo");
    write(tree, ".alliance-audit.yaml", "profile: heilongjiang\n");
    mkdirSync(join(tree, "a"), { recursive: true });
    expect(findConfig(join(tree, "a"))).toBe(join(tree, ".alliance-audit.yaml"));
  });
});

describe("a config or baseline that is not a regular file is refused (item 9)", () => {
  it("a config that links out of the repository: exit 2, its content never shown (en, zh)", () => {
    const tree = box.dir("linkout");
    write(tree, "secret.txt", "TOKEN=hunter2: not: yaml: [\n");
    mkdirSync(join(tree, "repo", ".git"), { recursive: true });
    box.proposal({}, "linkout/repo/p");
    symlinkSync(join(tree, "secret.txt"), join(tree, "repo", ".alliance-audit.yaml"));
    const r = audit(join(tree, "repo"), "p");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to read the config file \.alliance-audit\.yaml: it is a symbolic link that leads out of the repository/);
    expect(r.stderr).not.toContain("hunter2");
    const zh = audit(join(tree, "repo"), "p", "--lang", "zh");
    expect(zh.stderr).toMatch(/拒绝读取配置文件 \.alliance-audit\.yaml：它是一个指向仓库之外的符号链接/);
  });

  it("a link inside the repository is read as usual", () => {
    const tree = box.dir("linkin");
    mkdirSync(join(tree, ".git"), { recursive: true });
    write(tree, "shared.yaml", "profile: heilongjiang\n");
    box.proposal({}, "linkin/p");
    symlinkSync("shared.yaml", join(tree, ".alliance-audit.yaml"));
    const r = audit(tree, "p");
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).profile).toBe("heilongjiang");
  });

  it("a FIFO as config or baseline, a device as --config: exit 2 at once, never blocks", () => {
    const tree = box.dir("fifo");
    mkdirSync(join(tree, ".git"), { recursive: true });
    box.proposal({}, "fifo/p");
    execFileSync("mkfifo", [join(tree, ".alliance-audit.yaml")]);
    const r = audit(tree, "p");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to read the config file \.alliance-audit\.yaml: it is not a regular file but a pipe \(FIFO\)/);
    const dev = audit(tree, "p", "--config", "/dev/zero");
    expect(dev.code).toBe(2);
    expect(dev.stderr).toMatch(/it is not a regular file but a device/);
    execFileSync("mkfifo", [join(tree, "base.json")]);
    const b = audit(tree, "p", "--no-config", "--baseline", "base.json");
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/refusing to read the baseline file base\.json: it is not a regular file but a pipe/);
  });

  it("a baseline that is not JSON: the message does not quote it", () => {
    const tree = box.dir("badbase");
    box.proposal({}, "badbase/p");
    write(tree, "base.json", "SECRET-VALUE-123 is not json");
    const r = audit(tree, "p", "--baseline", "base.json");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid baseline file base\.json: not valid JSON/);
    expect(r.stderr).not.toContain("SECRET");
  });
});

describe("ignore globs cannot hang the tool (item 13)", () => {
  const evil = "*a*a*a*a*a*a*a*a*a*a*b/**";

  it("the evil glob against long folder names: matched correctly (a run finishes; no timing asserted)", () => {
    const g = compileGlob(evil);
    const long = "a".repeat(5000);
    expect(matchGlob(g, `${long}/x`)).toBe(false);
    expect(matchGlob(g, `${long}b/x`)).toBe(true);
    // Rebasing matches the cwd's own folder names against the glob: the same matcher.
    expect(rebaseGlob(evil, "/r", `/r/${"a".repeat(200)}`)).toEqual([`../${evil}`]);
    expect(rebaseGlob(evil, "/r", `/r/${"a".repeat(200)}b`)).toEqual(["**", `../${evil}`]);
  });

  it("the CLI with that glob and a folder named with 60 a's finishes and audits what is not ignored", () => {
    const tree = box.dir("evil");
    write(tree, ".alliance-audit.yaml", `ignore: ["${evil}"]\n`);
    box.proposal({}, `evil/${"a".repeat(60)}/p`);
    box.proposal({}, `evil/${"a".repeat(60)}b/p`);
    const r = audit(tree, ".");
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).proposals.map((p: { path: string }) => p.path)).toEqual([`${"a".repeat(60)}/p`]);
  });

  it("globs: * ? [..] [!..] {a,b} ** and escapes, matching and not matching", () => {
    const m = (g: string, p: string) => matchGlob(compileGlob(g), p);
    expect(m("archive/**", "archive")).toBe(true);
    expect(m("archive/**", "archive/2020/p")).toBe(true);
    expect(m("archive/**", "archives/p")).toBe(false);
    expect(m("**/draft-?", "a/b/draft-1")).toBe(true);
    expect(m("**/draft-?", "a/b/draft-12")).toBe(false);
    expect(m("p[0-9]", "p7")).toBe(true);
    expect(m("p[!0-9]", "p7")).toBe(false);
    expect(m("{old,tmp}/*", "tmp/x")).toBe(true);
    expect(m("{old,tmp}/*", "new/x")).toBe(false);
    expect(m("a\\*b", "a*b")).toBe(true);
    expect(m("a\\*b", "axb")).toBe(false);
    expect(m("*", "a/b")).toBe(false);
    expect(m("草稿*", "草稿一")).toBe(true);
  });

  it("a malformed glob: exit 2 naming the config file, line and column (en, zh)", () => {
    const tree = box.dir("badglob");
    write(tree, ".alliance-audit.yaml", 'profile: national\nignore:\n  - "archive/**"\n  - "drafts/[abc"\n');
    box.proposal({}, "badglob/p");
    const r = audit(tree, "p");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/config file \.alliance-audit\.yaml:4:5: invalid glob "drafts\/\[abc" under ignore \(at character 8: an opening bracket \[ is never closed\)/);
    const zh = audit(tree, "p", "--lang", "zh");
    expect(zh.stderr).toMatch(/配置文件 \.alliance-audit\.yaml:4:5：ignore 中的通配符 "drafts\/\[abc" 无效/);
    for (const bad of ["a/{b,c", "a}", "!(x)/**", "!archive/**", "a/+(b)"]) {
      const e = usage(() => {
        write(tree, "bad.yaml", `ignore: [${JSON.stringify(bad)}]\n`);
        loadConfig(join(tree, "bad.yaml"), tree);
      });
      expect(e.text.en, bad).toMatch(/bad\.yaml:1:\d+: invalid glob/);
    }
    write(tree, "good.yaml", 'ignore: ["a/{b,c}/**", "x[!y]z", "**/tmp"]\n');
    expect(loadConfig(join(tree, "good.yaml"), tree).ignore).toHaveLength(3);
  });
});
