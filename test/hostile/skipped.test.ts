// Issue #12, item 8: nothing is skipped silently in a batch. A folder that cannot be listed, a
// linked proposal folder, a proposal beyond the depth limit and a near-miss charter name each
// give a proposal entry with one file/skipped finding (status unaudited, line 1 column 1 of the
// folder's path) that counts in the summary; a GBK folder name is decoded and audited.
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../helpers/cli.js";
import { discoverAll, isNearMissCharter, MAX_WALK_DEPTH } from "../../src/discover.js";
import { AS_OF, Sandbox, cli, charterText, gb18030Encode, isRoot, jsonOf, membersText } from "./helpers.js";

const box = new Sandbox();
beforeAll(async () => {
  await ensureBuilt();
});
afterAll(() => box.cleanup());

const run = (cwd: string, args: string[]) => cli(["--as-of", AS_OF, "--format", "json", ...args], cwd);

describe("near-miss charter names", () => {
  it("Charter.yaml, charter.YAML, charter .yaml, 章程.yaml are near misses; charter.yaml and notes.yaml are not", () => {
    for (const n of ["Charter.yaml", "charter.YAML", "charter .yaml", "章程.yaml", "CHARTER.JSON"]) expect(isNearMissCharter(n), n).toBe(true);
    for (const n of ["charter.yaml", "charter.json", "notes.yaml", "members.yaml", "charter.txt"]) expect(isNearMissCharter(n), n).toBe(false);
  });

  it("each gives an unaudited entry with file/skipped at 1:1 of the folder, counted in the summary (en)", async () => {
    const batch = box.write("nm", {});
    box.proposal("nm/good");
    box.proposal("nm/upper", { "charter.yaml": null, "Charter.yaml": charterText() });
    box.proposal("nm/zh", { "charter.yaml": null, "章程.yaml": charterText() });
    const r = await run(batch, ["."]);
    expect(r.code).toBe(1);
    const report = jsonOf(r);
    expect(report.proposals.map((p) => [p.path, p.status])).toEqual([["good", "pass"], ["upper", "unaudited"], ["zh", "unaudited"]]);
    const f = report.proposals[1].findings;
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ ruleId: "file/skipped", severity: "error", file: "upper", line: 1, column: 1 });
    expect(f[0].message).toBe("Charter.yaml in upper is not a charter file name (charter.yaml, charter.yml or charter.json), so the folder was not audited; rename it");
    expect(report.summary.proposals).toBe(3);
    const zh = jsonOf(await run(batch, [".", "--lang", "zh"]));
    expect(zh.proposals[2].findings[0].message).toBe("zh 中的章程.yaml 不是章程文件名（应为 charter.yaml、charter.yml 或 charter.json），此文件夹未被审核；请改名");
  });

  it("a batch of proposals only: no file/skipped entry", async () => {
    const batch = box.write("clean", {});
    box.proposal("clean/a");
    box.proposal("clean/b");
    const d = discoverAll(["."], { cwd: batch });
    expect(d.skipped).toEqual([]);
    expect(d.proposals).toHaveLength(2);
  });
});

describe("links, depth, unlistable folders", () => {
  it("a symbolically linked proposal folder is named, not followed; a link to a plain folder is not", () => {
    const batch = box.write("ln", {});
    box.proposal("real/p");
    symlinkSync(join(box.root, "real", "p"), join(batch, "linked"));
    mkdirSync(join(box.root, "plain"));
    symlinkSync(join(box.root, "plain"), join(batch, "plain-link"));
    const d = discoverAll(["."], { cwd: batch });
    expect(d.proposals).toEqual([]);
    expect(d.skipped).toEqual([{ path: "linked", reason: "symlink", detail: join(box.root, "real", "p") }]);
  });

  it("a proposal beyond the depth limit: too-deep, the same with and without ignore globs", () => {
    const batch = box.write("deep", {});
    const rel = Array.from({ length: MAX_WALK_DEPTH + 1 }, (_, i) => `d${i}`).join("/");
    box.proposal(`deep/${rel}`);
    box.proposal("deep/shallow");
    const plain = discoverAll(["."], { cwd: batch });
    const withIgnore = discoverAll(["."], { cwd: batch, ignore: ["nothing/**"] });
    for (const d of [plain, withIgnore]) {
      expect(d.proposals.map((p) => p.path)).toEqual(["shallow"]);
      expect(d.skipped).toEqual([{ path: rel, reason: "too-deep", detail: String(MAX_WALK_DEPTH) }]);
    }
  });

  it("a folder that cannot be listed: file/skipped in a batch; named directly: permission denied", async () => {
    // root lists anything: the CLI then runs as nobody, as in fs.test.ts.
    const asNobody = isRoot ? { uid: 65534, gid: 65534 } : {};
    const batch = box.write("perm", {});
    box.proposal("perm/ok");
    box.proposal("perm/locked");
    chmodSync(join(batch, "locked"), 0o000);
    try {
      const r = await cli(["--as-of", AS_OF, "--format", "json", "."], batch, asNobody);
      const report = jsonOf(r);
      const locked = report.proposals.find((p) => p.path === "locked")!;
      expect(locked.status).toBe("unaudited");
      expect(locked.findings[0].message).toBe("the folder locked cannot be listed (EACCES); proposals in it were not audited");
      const direct = await cli(["--as-of", AS_OF, "locked"], batch, asNobody);
      expect(direct.code).toBe(2);
      expect(direct.stderr).toContain("permission denied: locked");
      expect(direct.stderr).not.toContain("no proposal found");
    } finally {
      chmodSync(join(batch, "locked"), 0o755);
    }
  });
});

describe("folder names that are not UTF-8", () => {
  it("a GBK-named proposal folder is audited, its name decoded as GB18030 for display", async () => {
    const batch = box.write("gbk", {});
    const name = "黑龙江联盟";
    const raw = Buffer.concat([Buffer.from(batch + "/"), gb18030Encode(name)]);
    mkdirSync(raw);
    writeFileSync(Buffer.concat([raw, Buffer.from("/charter.yaml")]), charterText());
    writeFileSync(Buffer.concat([raw, Buffer.from("/members.yaml")]), membersText());
    box.proposal("gbk/plain");
    const r = await run(batch, ["."]);
    const report = jsonOf(r);
    expect(report.proposals.map((p) => [p.path, p.status])).toEqual([["plain", "pass"], [name, "pass"]]);
    expect(report.proposals[1].name).toBe(report.proposals[0].name);
    expect(readFileSync(join(box.root, "gbk", "plain", "charter.yaml"), "utf8")).toBe(charterText());
  });
});
