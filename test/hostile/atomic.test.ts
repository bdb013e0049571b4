// Issue #12 item 4, what test/hostile/inputs.test.ts does not cover: a file or a symbolic link
// planted at the temporary name (made predictable here by fixing the random bytes) makes the
// write fail — O_EXCL|O_NOFOLLOW — without writing through the link, without touching or removing
// what was planted, and without creating the report; and Ctrl-C (SIGINT) removes the temporary
// file as SIGTERM does.
import { spawn } from "node:child_process";
import { existsSync, lstatSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ensureBuilt } from "../helpers/cli.js";
import { ROOT, Sandbox } from "./helpers.js";

// Predictable "random" bytes: 16 × 0xab, so the temporary name can be planted in advance.
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, randomBytes: (n: number) => Buffer.alloc(n, 0xab) };
});

const box = new Sandbox("alliance-audit-atomic-");
beforeAll(async () => {
  await ensureBuilt();
});
afterAll(() => box.cleanup());

const TMP = `.r.json.${"ab".repeat(16)}.tmp`;

describe("a name planted at the temporary file", () => {
  it("a symbolic link there: the write fails (EEXIST), its target is untouched, the link stays, no report", async () => {
    const { writeAtomic } = await import("../../src/fs/write-atomic.js");
    const dir = box.write("link", { "victim.txt": "keep me\n" });
    symlinkSync(join(dir, "victim.txt"), join(dir, TMP));
    await expect(writeAtomic(join(dir, "r.json"), "{}")).rejects.toMatchObject({ code: "EEXIST" });
    expect(readFileSync(join(dir, "victim.txt"), "utf8")).toBe("keep me\n");
    expect(lstatSync(join(dir, TMP)).isSymbolicLink()).toBe(true); // not ours: not removed
    expect(existsSync(join(dir, "r.json"))).toBe(false);
  });

  it("a regular file there: the write fails, the planted file keeps its bytes", async () => {
    const { writeAtomic } = await import("../../src/fs/write-atomic.js");
    const dir = box.write("file", { [TMP]: "planted\n" });
    await expect(writeAtomic(join(dir, "r.json"), "{}")).rejects.toMatchObject({ code: "EEXIST" });
    expect(readFileSync(join(dir, TMP), "utf8")).toBe("planted\n");
    expect(readdirSync(dir).sort()).toEqual([TMP]);
  });

  it("nothing planted: the same name is written and renamed away (the check does not fire)", async () => {
    const { writeAtomic } = await import("../../src/fs/write-atomic.js");
    const dir = box.write("clean", {});
    await writeAtomic(join(dir, "r.json"), "{}");
    expect(readdirSync(dir)).toEqual(["r.json"]);
  });
});

describe("interrupted while writing", () => {
  it("Ctrl-C (SIGINT) before the rename: no temporary file left, the process ends by the signal", async () => {
    const dir = box.write("sigint", {});
    writeFileSync(join(dir, "out.json"), "old report\n");
    const script = `
      import { writeAtomic } from ${JSON.stringify(join(ROOT, "dist", "fs", "write-atomic.js"))};
      await writeAtomic(${JSON.stringify(join(dir, "out.json"))}, "x".repeat(1000), { beforeRename: () => { process.stdout.write("ready\\n"); return new Promise((r) => setTimeout(r, 60000)); } });
    `;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"] });
    await new Promise<void>((r) => child.stdout.on("data", (d: Buffer) => d.toString().includes("ready") && r()));
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toHaveLength(1);
    child.kill("SIGINT");
    const signal = await new Promise((r) => child.on("exit", (_c, s) => r(s)));
    expect(signal).toBe("SIGINT");
    expect(readdirSync(dir)).toEqual(["out.json"]);
    expect(readFileSync(join(dir, "out.json"), "utf8")).toBe("old report\n"); // the old one, whole
  });
});
