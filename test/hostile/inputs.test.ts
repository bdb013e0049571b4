// Issue #12, items 3–6 and 11: what a run writes never replaces what it reads. -o and a baseline
// being written are checked against every input of the run (roster, baseline, config, the files
// of the proposals); one atomic writer refuses links and cleans up after itself, even when the
// process is interrupted; a baseline cannot be named like a roster; shards cannot update a
// baseline (merge does); --jobs is capped at the processors available.
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { existsSync, linkSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../helpers/cli.js";
import { capJobs } from "../../src/engine/pool.js";
import { AS_OF, ROOT, Sandbox, cli, expectNoStack, expectUnchanged, snapshot } from "./helpers.js";

const box = new Sandbox();
beforeAll(async () => {
  await ensureBuilt();
  box.proposal("p");
  box.proposal("b/one");
  box.proposal("b/two");
  box.write("single", { "charter.yaml": readFileSync(join(box.root, "p", "charter.yaml")), "roster.yaml": readFileSync(join(box.root, "p", "members.yaml")) });
});
afterAll(() => box.cleanup());

const run = (args: string[], extra: Record<string, string> = {}) => cli(["--as-of", AS_OF, "--format", "json", ...args], box.root, { env: extra });
const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.endsWith(".tmp"));

describe("-o never overwrites an input of the run (item 3)", () => {
  it("the roster given with --members: exit 2 naming it (en), the roster unchanged", async () => {
    const before = snapshot(box.root);
    const r = await run(["single/charter.yaml", "--members", "single/roster.yaml", "-o", "single/roster.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^alliance-audit: -o single\/roster\.yaml is the roster given with --members \(single\/roster\.yaml\): writing it would overwrite a file this run reads/);
    expectNoStack(r.stderr);
    expectUnchanged(before, snapshot(box.root));
  });

  it("the same roster reached another way (./ and a hard link): still refused, in zh", async () => {
    linkSync(join(box.root, "single", "roster.yaml"), join(box.root, "roster-hardlink.yaml"));
    const r = await run(["single/charter.yaml", "--members", "single/roster.yaml", "-o", "roster-hardlink.yaml", "--lang", "zh"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/-o roster-hardlink\.yaml 是--members 指定的成员名单/);
    const r2 = await run(["single/charter.yaml", "--members", "single/roster.yaml", "-o", "./single/roster.yaml"]);
    expect(r2.code).toBe(2);
  });

  it("the baseline file and the config in use: refused", async () => {
    writeFileSync(join(box.root, "base.json"), '{"version":1,"tool":"alliance-audit","findings":[]}\n');
    const r = await run(["p", "--baseline", "base.json", "-o", "base.json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/-o base\.json is the baseline file \(--baseline\)/);
    writeFileSync(join(box.root, "cfg.yaml"), "failOn: error\n");
    const c = await run(["p", "--config", "cfg.yaml", "-o", "cfg.yaml"]);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/-o cfg\.yaml is the config file in use/);
  });

  it("a file a proposal reads, reached through a link: refused; a fresh name is written (exit 0)", async () => {
    symlinkSync(join(box.root, "p", "charter.yaml"), join(box.root, "charter-link.out"));
    const r = await run(["p", "-o", "charter-link.out"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/a proposal's charter/);
    const ok = await run(["p", "-o", "report.json"]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(box.root, "report.json"), "utf8")).summary.proposals).toBe(1);
  });

  it('-o "", --baseline "", --members "": exit 2 each (never the current folder)', async () => {
    for (const [flag, args] of [["-o", ["p", "-o", ""]], ["--baseline", ["p", "--baseline", ""]], ["--members", ["single/charter.yaml", "--members", ""]]] as const) {
      const r = await run([...args]);
      expect(r.code, flag).toBe(2);
      expect(r.stderr).toContain(`${flag} needs a file name; it cannot be empty`);
    }
    const zh = await run(["p", "-o", "", "--lang", "zh"]);
    expect(zh.stderr).toContain("-o 需要一个文件名，不能为空");
  });
});

describe("the atomic writer (item 4)", () => {
  it("leaves no temporary file when interrupted by SIGTERM before the rename", async () => {
    const dir = box.write("sig", {});
    const script = `
      import { writeAtomic } from ${JSON.stringify(join(ROOT, "dist", "fs", "write-atomic.js"))};
      await writeAtomic(${JSON.stringify(join(dir, "out.json"))}, "x".repeat(1000), { beforeRename: () => { process.stdout.write("ready\\n"); return new Promise((r) => setTimeout(r, 60000)); } });
    `;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"] });
    await new Promise<void>((r) => child.stdout.on("data", (d: Buffer) => d.toString().includes("ready") && r()));
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toHaveLength(1); // it was there
    child.kill("SIGTERM");
    const signal = await new Promise((r) => child.on("exit", (_c, s) => r(s)));
    expect(signal).toBe("SIGTERM");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("the temporary name is unpredictable and in the same folder; a finished write leaves none", async () => {
    const { writeAtomic } = await import("../../src/fs/write-atomic.js");
    const dir = box.write("names", {});
    const seen: string[] = [];
    for (let i = 0; i < 2; i++) {
      await writeAtomic(join(dir, "r.json"), `${i}`, { beforeRename: async () => void seen.push(...readdirSync(dir).filter((n) => n.endsWith(".tmp"))) });
    }
    expect(seen).toHaveLength(2);
    expect(seen[0]).not.toBe(seen[1]);
    expect(seen[0]).toMatch(/^\.r\.json\.[0-9a-f]{32}\.tmp$/);
    expect(readdirSync(dir)).toEqual(["r.json"]);
    expect(readFileSync(join(dir, "r.json"), "utf8")).toBe("1");
  });

  it("the baseline is written by it too: a link at the baseline's name is refused, whether it leads somewhere or not", async () => {
    writeFileSync(join(box.root, "target.txt"), "keep");
    symlinkSync("target.txt", join(box.root, "linked-baseline.json"));
    const r = await run(["p", "--baseline", "linked-baseline.json", "--update-baseline"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to read the baseline file linked-baseline\.json: it is a symbolic link that leads out of the repository/);
    expect(r.stderr).not.toContain("keep");
    expect(readFileSync(join(box.root, "target.txt"), "utf8")).toBe("keep");
    symlinkSync("nowhere/b.json", join(box.root, "dangling-baseline.json"));
    const d = await run(["p", "--baseline", "dangling-baseline.json", "--update-baseline"]);
    expect(d.code).toBe(2);
    expect(d.stderr).toMatch(/will not write the baseline dangling-baseline\.json: it is a symbolic link/);
    expect(existsSync(join(box.root, "nowhere"))).toBe(false);
    expect(leftovers(box.root)).toEqual([]);
  });
});

describe("a baseline is not a roster (item 5)", () => {
  it("--baseline named like a proposal file: exit 2, nothing read or written (en, zh)", async () => {
    const before = snapshot(box.root);
    for (const name of ["p/members.json", "elsewhere/charter.json", "members.csv"]) {
      const r = await run(["p", "--baseline", name, "--update-baseline"]);
      expect(r.code, name).toBe(2);
      expect(r.stderr).toMatch(/the baseline cannot be named (members|charter)\.(json|csv): a proposal would read it as its charter or roster/);
    }
    const zh = await run(["p", "--baseline", "p/members.json", "--lang", "zh"]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/基线文件不能命名为 members\.json/);
    expectUnchanged(before, snapshot(box.root));
  });

  it("an ordinary baseline name is accepted", async () => {
    const r = await run(["p", "--baseline", "ok-baseline.json", "--update-baseline"]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(box.root, "ok-baseline.json"))).toBe(true);
  });
});

describe("baselines and shards (item 6)", () => {
  it("--update-baseline with --shard: exit 2, update from the merged report (en, zh)", async () => {
    const r = await run(["b", "--shard", "1/2", "--baseline", "shard-baseline.json", "--update-baseline"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--update-baseline cannot be combined with --shard: update the baseline from the merged report/);
    const zh = await run(["b", "--shard", "1/2", "--baseline", "shard-baseline.json", "--update-baseline", "--lang", "zh"]);
    expect(zh.stderr).toMatch(/请合并各分片的报告后更新基线/);
    expect(existsSync(join(box.root, "shard-baseline.json"))).toBe(false);
  });

  it("merge --update-baseline FILE writes the baseline from the merged findings: same as an unsharded update", async () => {
    box.write("b/one", { "members.yaml": readFileSync(join(box.root, "p", "members.yaml"), "utf8").replace(/credit_code: "?([0-9A-Z]{18})"?/, 'credit_code: "BAD"') });
    const s1 = await run(["b", "--shard", "1/2", "-o", "s1.json"]);
    const s2 = await run(["b", "--shard", "2/2", "-o", "s2.json"]);
    expect([s1.code, s2.code]).not.toContain(2);
    const m = await cli(["merge", "s1.json", "s2.json", "--update-baseline", "merged-baseline.json"], box.root);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toBe("");
    expect(m.stderr).toMatch(/wrote \d+ findings? to the baseline merged-baseline\.json/);
    const whole = await run(["b", "--baseline", "whole-baseline.json", "--update-baseline"]);
    expect(whole.code).toBe(0);
    const strip = (t: string) => t.replace(/\n {2}"lang": "en",/, "");
    expect(strip(readFileSync(join(box.root, "merged-baseline.json"), "utf8"))).toBe(strip(readFileSync(join(box.root, "whole-baseline.json"), "utf8")));
    // and it silences the findings it lists
    const again = await run(["b", "--baseline", "merged-baseline.json"]);
    expect(again.code, again.stderr).toBe(0);
  });

  it("merge --update-baseline never overwrites a report being merged, nor takes a roster's name", async () => {
    const r = await cli(["merge", "s1.json", "--update-baseline", "p/members.yaml"], box.root);
    expect(r.code).toBe(2);
    const o = await cli(["merge", "s1.json", "s2.json", "-o", "s1.json"], box.root);
    expect(o.code).toBe(2);
    expect(o.stderr).toMatch(/-o s1\.json is a report being merged/);
  });
});

describe("--jobs is capped at the processors available (item 11)", () => {
  it("capJobs: at most the cores, at least 1; below the cap unchanged", () => {
    expect(capJobs(1000, 2)).toBe(2);
    expect(capJobs(2, 2)).toBe(2);
    expect(capJobs(1, 8)).toBe(1);
  });

  it("a larger --jobs is said on stderr (en, zh) and the run succeeds; a small one says nothing", async () => {
    const n = availableParallelism();
    const big = await run(["b", "--jobs", String(n + 5)]);
    expect(big.code).not.toBe(2);
    expect(big.stderr).toContain(`--jobs ${n + 5} is more than the ${n} processors available; using ${n}`);
    const zh = await run(["b", "--jobs", String(n + 5), "--lang", "zh"]);
    expect(zh.stderr).toContain(`--jobs ${n + 5} 超过本机可用的 ${n} 个处理器，按 ${n} 运行`);
    const small = await run(["b", "--jobs", "1"]);
    expect(small.stderr).not.toContain("--jobs");
  });
});
