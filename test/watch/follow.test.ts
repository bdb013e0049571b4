// Issue #12, item 12: --watch exits (2) when its first run fails, even after it started watching;
// follows proposals that disappear and come back, or are renamed in a batch, without a save of
// an audited file; and leaves no watcher behind (checked in-process on the API).
import { mkdirSync, renameSync, rmSync, writeFileSync, readFileSync, cpSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { watchAudit } from "../../src/cli/watch.js";
import { UsageError } from "../../src/errors.js";
import { AS_OF, Sandbox } from "../helpers/proposal.js";
import { count, killWatchers, start, waitFor } from "./helpers.js";

const box = new Sandbox();
afterAll(() => {
  killWatchers();
  box.cleanup();
});
const watcherCount = () => process.getActiveResourcesInfo().filter((r) => r === "FSEventWrap").length;

describe("--watch follows proposals", () => {
  it("exits 2 when the first run fails after discovery (a missing baseline), leaving nothing running", async () => {
    const root = box.dir("f1");
    box.proposal({}, "f1/p");
    const { out, exited } = start(["--watch", "--as-of", AS_OF, "--baseline", "missing-baseline.json", "p"], root);
    expect(await exited).toBe(2);
    expect(out.stderr).toContain("baseline file not found: missing-baseline.json");
  });

  it("a proposal folder removed and put back is audited again without another save", async () => {
    const root = box.dir("f2");
    const p = box.proposal({}, "f2/p");
    const keep = join(root, "keep");
    cpSync(p, keep, { recursive: true });
    const { child, out, exited } = start(["--watch", "--as-of", AS_OF, "p"], root);
    const SUMMARY = "1 proposal: ";
    await waitFor("the first report", () => count(out.stdout, SUMMARY) === 1);
    rmSync(p, { recursive: true });
    await waitFor("the error while it is gone", () => out.stderr.includes("path not found: p"));
    cpSync(keep, p, { recursive: true });
    await waitFor("a report once it is back", () => count(out.stdout, SUMMARY) === 2);
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });

  it("a proposal renamed in a batch is followed under its new name", async () => {
    const root = box.dir("f3");
    box.proposal({}, "f3/batch/group/old-name");
    const { child, out, exited } = start(["--watch", "--as-of", AS_OF, "--format", "json", "batch"], root);
    await waitFor("the first report", () => count(out.stdout, '"version": 2') === 1);
    renameSync(join(root, "batch", "group", "old-name"), join(root, "batch", "group", "new-name"));
    await waitFor("the report after the rename", () => count(out.stdout, '"version": 2') === 2);
    const last = JSON.parse(out.stdout.slice(out.stdout.lastIndexOf('{\n  "version": 2')));
    expect(last.proposals.map((x: { path: string }) => x.path)).toEqual(["batch/group/new-name"]);
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });

  it("leaves no watcher behind: after a stop, and after a first run that fails", async () => {
    const root = box.dir("f4");
    box.proposal({}, "f4/p");
    const before = watcherCount();
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const io = { stdout: { write: () => true, isTTY: false }, stderr: { write: () => true } } as unknown as { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream };
      let stop!: () => void;
      const until = new Promise<void>((r) => (stop = r));
      const running = watchAudit({ options: () => ({ paths: ["p"], asOf: AS_OF, lang: "en" }), render: () => "report\n", until }, io);
      await waitFor("watchers", () => watcherCount() > before);
      stop();
      expect(await running).toBe(0);
      // close() releases the handle on the next turn of the event loop.
      await waitFor("the watchers to close", () => watcherCount() === before, 3000);

      const failing = watchAudit({ options: () => ({ paths: ["p"], asOf: AS_OF, lang: "en" }), baseline: "missing.json", render: () => "" }, io);
      await expect(failing).rejects.toBeInstanceOf(UsageError);
      await waitFor("the watchers to close", () => watcherCount() === before, 3000);
    } finally {
      process.chdir(cwd);
    }
  });
});
