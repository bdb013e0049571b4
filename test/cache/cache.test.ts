// --cache (issue #14): a report served from the cache is byte-identical to one made without it —
// across a change to one proposal, a linked document, a profile option, the tool version and the
// language — and a corrupt, forged or foreign cache is ignored (never trusted, never a crash).
import { createHmac } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { audit, resolveSettings, type AuditOptions } from "../../src/audit.js";
import { cacheFile, userCacheDir } from "../../src/cache/location.js";
import { ProposalCache } from "../../src/cache/store.js";
import { discoverAll } from "../../src/discover.js";
import { auditAll } from "../../src/engine/pool.js";
import { VERSION } from "../../src/version.js";

const EXAMPLES = join(import.meta.dirname, "..", "..", "examples");
const roots: string[] = [];
let work: string;
let xdg: string;
const savedXdg = process.env.XDG_CACHE_HOME;

beforeEach(() => {
  const root = mkdtempSync(join(tmpdir(), "aa-cache-"));
  roots.push(root);
  work = join(root, "work");
  xdg = join(root, "xdg");
  // Two YAML proposals, one failing, and one with an .xlsx roster and linked documents.
  for (const name of ["compliant-national", "missing-bodies", "documents"]) cpSync(join(EXAMPLES, name), join(work, name), { recursive: true });
  process.env.XDG_CACHE_HOME = xdg;
});
afterEach(() => {
  if (savedXdg === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = savedXdg;
});
afterAll(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

const base = (o: Partial<AuditOptions> = {}): AuditOptions => ({ cwd: work, asOf: "2025-06-01", lang: "en", ...o });
const json = async (o: Partial<AuditOptions> = {}) => JSON.stringify(await audit(base(o)), null, 2);
const cached = (o: Partial<AuditOptions> = {}) => json({ ...o, cache: true });
const theFile = () => cacheFile(undefined, work);

/** Rewrites the cache body with `change`, signing it with `key` (the real one unless given). */
function rewrite(change: (body: { entries: Record<string, { findings: unknown[] }> }) => void, key?: Buffer) {
  const text = readFileSync(theFile(), "utf8");
  const nl = text.indexOf("\n");
  const body = JSON.parse(text.slice(nl + 1));
  change(body);
  const bytes = JSON.stringify(body);
  const mac = createHmac("sha256", key ?? readFileSync(join(userCacheDir(), "hmac.key"))).update(bytes).digest("hex");
  writeFileSync(theFile(), `alliance-audit-cache 1 ${mac}\n${bytes}`);
}
const dropAllFindings = (b: { entries: Record<string, { findings: unknown[] }> }) => {
  for (const e of Object.values(b.entries)) e.findings = [];
};

describe("--cache gives the same report", () => {
  it("cold, warm, and after one proposal changes", async () => {
    const plain = await json();
    expect(plain).toContain("missing-bodies");
    expect(await cached()).toBe(plain); // cold: audits and writes
    expect(existsSync(theFile())).toBe(true);
    expect(await cached()).toBe(plain); // warm: served from the cache

    const charter = join(work, "missing-bodies", "charter.yaml");
    writeFileSync(charter, readFileSync(charter, "utf8").replace(/name: (.*)/, "name: $1 改"));
    const changed = await json();
    expect(changed).not.toBe(plain);
    expect(await cached()).toBe(changed);
  });

  it("after a linked document or the .xlsx roster changes", async () => {
    const plain = await json();
    await cached();
    writeFileSync(join(work, "documents", "members.xlsx"), "not a workbook");
    const changed = await json();
    expect(changed).not.toBe(plain);
    expect(await cached()).toBe(changed);
  });

  it("when a second roster appears beside the first (the folder's names are part of the key)", async () => {
    await cached();
    writeFileSync(join(work, "compliant-national", "members.csv"), "name\n");
    const changed = await json();
    expect(changed).toContain("file/ambiguous");
    expect(await cached()).toBe(changed);
  });

  it("after a profile option changes", async () => {
    const profile = join(work, "p.yaml");
    const write = (max: number) => writeFileSync(profile, `extends: national\nrules:\n  members/max-members: [warning, { max: ${max} }]\n`);
    write(3);
    const three = await json({ profile: "p.yaml" });
    expect(three).toContain("members/max-members");
    expect(await cached({ profile: "p.yaml" })).toBe(three);
    write(300);
    const many = await json({ profile: "p.yaml" });
    expect(many).not.toContain("members/max-members");
    expect(await cached({ profile: "p.yaml" })).toBe(many);
  });

  it("after the as-of date changes", async () => {
    await cached({ asOf: "2025-06-01" });
    expect(await cached({ asOf: "2031-01-01" })).toBe(await json({ asOf: "2031-01-01" }));
  });

  it("in another language, with --quiet and another --fail-on (applied when reading)", async () => {
    await cached({ lang: "zh" });
    expect(await cached({ lang: "en" })).toBe(await json({ lang: "en" }));
    expect(await cached({ lang: "zh" })).toBe(await json({ lang: "zh" }));
    expect(await cached({ quiet: true })).toBe(await json({ quiet: true }));
    expect(await cached({ failOn: "warning" })).toBe(await json({ failOn: "warning" }));
  });

  it("after the tool version changes (an entry of another version is not used)", async () => {
    const settings = resolveSettings(base());
    const { proposals } = discoverAll(["."], { cwd: work });
    const run = async (version: string) => {
      const cache = ProposalCache.open(theFile(), settings, { version });
      const reports = await auditAll(proposals, settings, { jobs: 1, cache });
      await cache.save();
      return { reports: JSON.stringify(reports), hits: cache.hits };
    };
    const fresh = JSON.stringify(await auditAll(proposals, settings, { jobs: 1 }));
    expect((await run("1.0.0")).hits).toBe(0);
    rewrite(dropAllFindings); // entries of 1.0.0 now say "no findings"
    expect(await run("1.0.0")).toEqual({ reports: expect.not.stringContaining("missing-bodies/charter.yaml") as string, hits: proposals.length });
    expect(await run("1.0.1")).toEqual({ reports: fresh, hits: 0 }); // not fooled by 1.0.0's entries
    expect(await run("1.0.1")).toEqual({ reports: fresh, hits: proposals.length });
  });

  it("with --shard: the shards' runs share one cache file", async () => {
    const plain = await json();
    await cached({ shard: { index: 1, count: 2 } });
    await cached({ shard: { index: 2, count: 2 } });
    const body = JSON.parse(readFileSync(theFile(), "utf8").split("\n").slice(1).join("\n")) as { entries: object };
    expect(Object.keys(body.entries)).toHaveLength(3);
    expect(await cached()).toBe(plain);
  });
});

describe("an untrustworthy cache is ignored and rewritten", () => {
  it("a cache re-signed with the real key is used (so the cases below prove the check)", async () => {
    await cached();
    rewrite(dropAllFindings);
    expect(await cached()).not.toContain("missing-bodies/charter.yaml");
  });

  it("a forged cache (changed, old signature) is not used", async () => {
    const plain = await json();
    await cached();
    const text = readFileSync(theFile(), "utf8");
    writeFileSync(theFile(), text.replace(/"findings":\[[^\]]*\]/g, '"findings":[]'));
    expect(await cached()).toBe(plain);
    expect(readFileSync(theFile(), "utf8")).toBe(text); // rewritten with the real findings
  });

  it("a cache signed with another key (committed from another machine) is not used", async () => {
    const plain = await json();
    await cached();
    rewrite(dropAllFindings, Buffer.alloc(32, 7));
    expect(await cached()).toBe(plain);
  });

  it.each([
    ["empty", ""],
    ["garbage", "\u0000\u0001 not a cache"],
    ["truncated", "alliance-audit-cache 1 00"],
    ["another tool's", '{"version":"v9","files":{}}'],
  ])("a %s file is ignored and replaced", async (_what, content) => {
    const plain = await json();
    await cached();
    writeFileSync(theFile(), content);
    expect(await cached()).toBe(plain);
    expect(readFileSync(theFile(), "utf8").startsWith("alliance-audit-cache 1 ")).toBe(true);
  });

  it("a key readable by others is not trusted: a new one is made", async () => {
    await cached();
    const key = join(userCacheDir(), "hmac.key");
    if (process.platform === "win32") return;
    const before = readFileSync(key);
    (await import("node:fs")).chmodSync(key, 0o644);
    expect(await cached()).toBe(await json());
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(readFileSync(key).equals(before)).toBe(false);
  });
});

describe("where the cache lives", () => {
  it("by default in the user's cache folder, the key beside it with mode 0600, nothing in the audited tree", async () => {
    await cached();
    expect(theFile().startsWith(join(xdg, "alliance-audit"))).toBe(true);
    if (process.platform !== "win32") expect(statSync(join(xdg, "alliance-audit", "hmac.key")).mode & 0o777).toBe(0o600);
    const { readdirSync } = await import("node:fs");
    expect(readdirSync(work).sort()).toEqual(["compliant-national", "documents", "missing-bodies"]);
  });

  it("--cache-location: a file, or a folder; the key stays in the user's cache folder", async () => {
    const plain = await json();
    expect(await cached({ cacheLocation: "my.cache" })).toBe(plain);
    expect(readFileSync(join(work, "my.cache"), "utf8").startsWith("alliance-audit-cache 1 ")).toBe(true);
    expect(existsSync(join(work, "hmac.key"))).toBe(false);
    expect(existsSync(join(userCacheDir(), "hmac.key"))).toBe(true);
    expect(await cached({ cacheLocation: "cachedir/" })).toBe(plain);
    expect(existsSync(join(work, "cachedir", cacheFile(undefined, work).split(/[\\/]/).pop()!))).toBe(true);
  });

  it("is never written over a file the audit reads", async () => {
    const charter = join(work, "compliant-national", "charter.yaml");
    const before = readFileSync(charter, "utf8");
    await cached({ cacheLocation: "compliant-national/charter.yaml" });
    expect(readFileSync(charter, "utf8")).toBe(before);
  });

  it("without --cache nothing is written", async () => {
    await json();
    expect(existsSync(xdg)).toBe(false);
  });
});

it("the cache holds no message text (findings are stored by messageId and data)", async () => {
  await cached({ lang: "en" });
  const text = readFileSync(theFile(), "utf8");
  expect(text).toContain('"messageId"');
  expect(text).not.toContain('"message"');
  expect(VERSION).toMatch(/\d/);
});
