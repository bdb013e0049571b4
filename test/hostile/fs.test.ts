// Hostile file systems (issue 4): folders named like files, links that lead nowhere or in
// circles, pipes that would block a read forever, unreadable files, odd and long paths. Each is a
// finding on its proposal (or, for a link loop, simply not a proposal); the batch finishes.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../helpers/cli.js";
import { audit } from "../../src/audit.js";
import {
  AS_OF,
  Sandbox,
  checkBatch,
  checkCase,
  cli,
  expectFinding,
  expectNoStack,
  expectSaneReport,
  expectUnchanged,
  isRoot,
  jsonOf,
  proposalAt,
  runBatch,
  snapshot,
  type BatchRun,
  type HostileCase,
} from "./helpers.js";

const box = new Sandbox();
const hasMkfifo = (() => {
  try {
    execFileSync("mkfifo", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
const mkfifo = (p: string) => execFileSync("mkfifo", [p]);

/** A path of about 3,900 bytes (under Linux's PATH_MAX of 4,096), with Chinese and spaces. */
const LONG = Array.from({ length: 15 }, (_, i) => `第${i}级 产业技术创新战略联盟 申报材料 folder ${"长".repeat(50)}`).join("/");

const CASES: HostileCase[] = [
  {
    dir: "folder-charter",
    title: "a folder named charter.yaml",
    files: { "charter.yaml": null },
    setup: (d) => mkdirSync(join(d, "charter.yaml")),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", line: 1, column: 1, message: /this is a folder, not a file/ },
    only: true,
  },
  {
    dir: "folder-members",
    title: "a folder named members.yaml",
    files: { "members.yaml": null },
    setup: (d) => mkdirSync(join(d, "members.yaml")),
    expect: { ruleId: "file/unreadable", file: "members.yaml", message: /this is a folder, not a file/ },
    only: true,
  },
  {
    dir: "dangling-link",
    title: "a dangling symbolic link named charter.yaml",
    files: { "charter.yaml": null },
    setup: (d) => symlinkSync(join(d, "gone", "charter.yaml"), join(d, "charter.yaml")),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", message: /does not exist \(a dangling symbolic link\?\)/ },
    only: true,
  },
  {
    dir: "self-link",
    title: "a charter.yaml link that points at itself",
    files: { "charter.yaml": null },
    setup: (d) => symlinkSync("charter.yaml", join(d, "charter.yaml")),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", message: /symbolic link loop/ },
    only: true,
  },
  {
    dir: "link-loop",
    title: "a symbolic link loop under the batch folder is not followed (no hang, no proposal)",
    files: { "charter.yaml": null, "members.yaml": null },
    setup: (d) => {
      symlinkSync(".", join(d, "self"));
      symlinkSync("..", join(d, "up"));
      mkdirSync(join(d, "a"));
      symlinkSync("../b", join(d, "a", "to-b"));
      mkdirSync(join(d, "b"));
      symlinkSync("../a", join(d, "b", "to-a"));
    },
    absent: true,
  },
  {
    dir: "linked-proposal",
    title: "a proposal whose files are links to real files is read through the links",
    files: { "charter.yaml": null, "members.yaml": null },
    setup: (d) => {
      symlinkSync(join(box.root, "batch", "spaces 与 中文 路径", "charter.yaml"), join(d, "charter.yaml"));
      symlinkSync(join(box.root, "batch", "spaces 与 中文 路径", "members.yaml"), join(d, "members.yaml"));
    },
    pass: true,
  },
  { dir: "spaces 与 中文 路径", title: "a path with spaces and Chinese characters", pass: true },
  { dir: LONG, title: `a very long path (${Buffer.byteLength(LONG)} bytes of folders)`, pass: true },
];
if (hasMkfifo) {
  CASES.push(
    {
      dir: "fifo-charter",
      title: "a FIFO named charter.yaml must not hang",
      files: { "charter.yaml": null },
      setup: (d) => mkfifo(join(d, "charter.yaml")),
      expect: { ruleId: "file/unreadable", file: "charter.yaml", line: 1, column: 1, message: /not a regular file \(a pipe or a device\?\)/ },
      only: true,
    },
    {
      dir: "fifo-members",
      title: "a FIFO named members.yaml must not hang",
      files: { "members.yaml": null },
      setup: (d) => mkfifo(join(d, "members.yaml")),
      expect: { ruleId: "file/unreadable", file: "members.yaml", message: /not a regular file/ },
      only: true,
    },
  );
}

let run: BatchRun;
beforeAll(async () => {
  await ensureBuilt();
  run = await runBatch(box, CASES);
}, 180_000);
afterAll(() => box.cleanup());

describe("hostile file systems", () => {
  for (const c of CASES) it(c.title, () => checkCase(run, c));

  it.skipIf(!hasMkfifo)("FIFOs and link loops: the whole batch finishes, never blocked on a FIFO (no timeout kill, no signal)", () => {
    // Not a duration: a FIFO opened for a blocking read would hang until runBatch's timeout kills
    // the binary (signal SIGTERM); the time itself is bench/'s business.
    expect(run.cli.signal).toBeNull();
    expect([0, 1]).toContain(run.cli.code);
  });

  it("the batch: every proposal reported, same report in-process and from the binary, nothing changed", () => {
    checkBatch(run, CASES);
  });

  it.skipIf(!hasMkfifo)("a FIFO given by name on the command line, as a charter and as --members, does not hang", async () => {
    const d = box.proposal("single-fifo", { "members.yaml": null });
    mkfifo(join(d, "roster.yaml"));
    const before = snapshot(d);
    const r = await cli(["charter.yaml", "--members", "roster.yaml", "--format", "json", "--as-of", AS_OF], d, { timeoutMs: 20_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expectNoStack(r.stderr);
    expectFinding(proposalAt(jsonOf(r), "."), { ruleId: "file/unreadable", file: "roster.yaml", message: /not a regular file/ }, true);
    expectUnchanged(before, snapshot(d));
  });

  it("a link loop given by name is a usage error (exit 2) that says so", async () => {
    const d = box.write("named-loop", {});
    symlinkSync("loop-b", join(d, "loop-a"));
    symlinkSync("loop-a", join(d, "loop-b"));
    const r = await cli(["loop-a"], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/loop-a is a symbolic link loop/);
    expectNoStack(r.stderr);
  });
});

describe("an unreadable file (chmod 000)", () => {
  // Root reads any file, so as root the run is repeated as the unprivileged user `nobody`.
  const asNobody = isRoot ? { uid: 65534, gid: 65534 } : {};
  let dir: string;
  let ok = true;
  beforeAll(() => {
    dir = box.proposal("unreadable");
    chmodSync(join(dir, "members.yaml"), 0o000);
    if (isRoot) {
      try {
        execFileSync(process.execPath, ["-e", "0"], { uid: 65534, gid: 65534, cwd: dir });
      } catch (e) {
        ok = false;
        console.log(`skipping the chmod-000 test: running as root, and running as nobody failed (${(e as Error).message})`);
      }
    }
  });

  it("is a permission-denied finding on that file; the charter is untouched", async (ctx) => {
    if (!ok || !existsSync(dir)) ctx.skip();
    const before = snapshot(dir);
    const r = await cli([".", "--format", "json", "--as-of", AS_OF], dir, asNobody);
    expect(r.code, r.stderr).toBe(1);
    expectNoStack(r.stderr);
    const report = jsonOf(r);
    expectSaneReport(report);
    expectFinding(proposalAt(report, "."), { ruleId: "file/unreadable", file: "members.yaml", line: 1, column: 1, message: /permission denied/ }, true);
    expectUnchanged(before, snapshot(dir));
  });

  it("in-process too (skipped as root: root reads anything)", async (ctx) => {
    if (isRoot) {
      console.log("skipping the in-process chmod-000 check: running as root, which reads any file (the binary run above covers it as nobody)");
      ctx.skip();
    }
    const report = await audit({ paths: ["."], cwd: dir, asOf: AS_OF, lang: "en" });
    expectFinding(proposalAt(report, "."), { ruleId: "file/unreadable", file: "members.yaml", message: /permission denied/ }, true);
  });
});
