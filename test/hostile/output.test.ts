// -o FILE (cli.md): the report is written whole or not at all. A folder that does not exist is an
// exit-2 error that leaves nothing behind; an existing report is replaced atomically (a reader
// sees the old report or the new one, never half of one); a proposal file is never overwritten;
// pipes and devices are written to, never replaced.
import { lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync, chmodSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../helpers/cli.js";
import { AS_OF, Sandbox, cli, expectNoStack, expectUnchanged, snapshot } from "./helpers.js";

const box = new Sandbox();
let proposal: string;
beforeAll(async () => {
  await ensureBuilt();
  proposal = box.proposal("proposal");
});
afterAll(() => box.cleanup());

const audit = (out: string, extra: string[] = []) => cli(["proposal", "--as-of", AS_OF, "--format", "json", "-o", out, ...extra], box.root);
const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.endsWith(".tmp"));

describe("-o FILE", () => {
  it("into a folder that does not exist: exit 2, a message saying what to do, no temporary file anywhere", async () => {
    const before = snapshot(box.root);
    const r = await audit("missing/folder/report.json");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^alliance-audit: cannot write the report to missing\/folder\/report\.json \(ENOENT\); check that the folder exists and is writable\n$/);
    expectNoStack(r.stderr);
    expect(r.stdout).toBe("");
    expectUnchanged(before, snapshot(box.root));
  });

  it("over an existing report: replaced whole (a new inode, by rename), its permissions kept, no temporary file left", async () => {
    const out = join(box.root, "report.json");
    writeFileSync(out, '{"old": true}\n');
    chmodSync(out, 0o640);
    const inode = statSync(out).ino;
    const r = await audit("report.json");
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, "utf8"));
    expect(report.summary).toMatchObject({ proposals: 1, passed: 1 });
    expect(statSync(out).ino).not.toBe(inode);
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(leftovers(box.root)).toEqual([]);
  });

  it("a reader polling the report while it is rewritten only ever sees a complete report", async () => {
    // A large report (5,000 unsigned members) makes a torn write visible if there were one.
    const big = box.proposal("big", {
      "members.yaml": "members:\n" + Array.from({ length: 5000 }, (_, i) => `- {id: X${i}, name: 成员${i}, type: enterprise, credit_code: 91350100M000100Y43, legal_representative: 代表${i}}\n`).join(""),
    });
    const out = join(box.root, "polled.json");
    writeFileSync(out, JSON.stringify({ placeholder: true }));
    let reads = 0;
    let torn = 0;
    let stop = false;
    const poll = (async () => {
      while (!stop) {
        try {
          JSON.parse(readFileSync(out, "utf8"));
        } catch {
          torn++;
        }
        reads++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    for (let i = 0; i < 2; i++) {
      const r = await cli([big, "--as-of", AS_OF, "--format", "json", "-o", out], box.root);
      expect(r.code).toBe(1);
    }
    stop = true;
    await poll;
    expect(reads).toBeGreaterThan(0);
    expect(torn).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).proposals[0].counts.error).toBeGreaterThan(5000);
    expect(leftovers(box.root)).toEqual([]);
  });

  it("never over an audited file: -o charter.yaml / members.yaml is exit 2 and the file is unchanged", async () => {
    for (const name of ["proposal/charter.yaml", "proposal/members.yaml", "elsewhere/members.csv"]) {
      const before = snapshot(box.root);
      const r = await audit(name);
      expect(r.code, name).toBe(2);
      expect(r.stderr).toMatch(/never changes the files it audits/);
      expectNoStack(r.stderr);
      expectUnchanged(before, snapshot(box.root));
    }
  });

  it("onto a folder: exit 2, nothing left in it", async () => {
    mkdirSync(join(box.root, "a-folder"));
    const r = await audit("a-folder");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write the report to a-folder \(EISDIR\)/);
    expect(readdirSync(join(box.root, "a-folder"))).toEqual([]);
  });

  it("over a symbolic link: refused (exit 2), the link and its target untouched", async () => {
    // A link planted in a checkout (report.json → ~/.bashrc) must not make -o overwrite its target,
    // nor silently replace what someone put there on purpose.
    writeFileSync(join(box.root, "precious.txt"), "do not touch");
    symlinkSync("precious.txt", join(box.root, "link.json"));
    const before = snapshot(box.root);
    const r = await audit("link.json");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^alliance-audit: will not write the report to link\.json: it is a symbolic link/);
    expectNoStack(r.stderr);
    expectUnchanged(before, snapshot(box.root));
    expect(readFileSync(join(box.root, "precious.txt"), "utf8")).toBe("do not touch");
    expect(leftovers(box.root)).toEqual([]);
  });

  it("through a link that leads nowhere: refused too, in zh as well", async () => {
    symlinkSync("nowhere/x.json", join(box.root, "dangling.json"));
    const r = await audit("dangling.json", ["--lang", "zh"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/不会把报告写入 dangling\.json：它是一个符号链接/);
    expect(lstatSync(join(box.root, "dangling.json")).isSymbolicLink()).toBe(true);
    expect(leftovers(box.root)).toEqual([]);
  });

  it("to /dev/stdout and /dev/null: written to, never replaced (renaming over a device would replace it)", async () => {
    const r = await audit("/dev/stdout");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.proposals).toBe(1);
    expect(lstatSync("/dev/stdout").isSymbolicLink()).toBe(true);
    const n = await audit("/dev/null");
    expect(n.code).toBe(0);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });
});
