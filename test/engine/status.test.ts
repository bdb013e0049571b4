// The status model of cli.md's "Revision 2 additions", computed in one place (engine/status.ts)
// for audit, baseline and merge; file/* rules lowered through the same path as every rule.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { audit } from "../../src/audit.js";
import { proposalEntry, statusOf } from "../../src/engine/status.js";
import type { Finding } from "../../src/types.js";
import { AS_OF, Sandbox } from "../helpers/proposal.js";
import { cli, json } from "../config/run-cli.js";

const box = new Sandbox();
afterAll(() => box.cleanup());

const f = (ruleId: string, severity: Finding["severity"]): Finding => ({ ruleId, severity, message: "m", messageId: "x", file: "p/charter.yaml", line: 1, column: 1, pointer: "" });

describe("status", () => {
  it("unaudited with a file/* finding, whatever its severity; else fail at or above --fail-on; else pass", () => {
    expect(statusOf([f("file/missing", "info")], "error")).toBe("unaudited");
    expect(statusOf([f("agreement/unsigned", "warning")], "warning")).toBe("fail");
    expect(statusOf([f("agreement/unsigned", "warning")], "error")).toBe("pass");
    expect(statusOf([], "info")).toBe("pass");
  });

  it("--quiet keeps file/* findings in view and never turns a failing proposal into a pass", () => {
    const e = proposalEntry("p", null, [f("file/missing", "warning"), f("ip/licensing", "warning"), f("agreement/unsigned", "error")], { failOn: "warning", quiet: true });
    expect(e.findings.map((x) => x.ruleId)).toEqual(["file/missing", "agreement/unsigned"]);
    expect(e.status).toBe("unaudited");
    const w = proposalEntry("p", null, [f("ip/licensing", "warning")], { failOn: "warning", quiet: true });
    expect(w).toMatchObject({ status: "fail", counts: { error: 0, warning: 0, info: 0 }, findings: [] });
  });
});

describe("file/* rules in a config (issue #8 item 7)", () => {
  it("a lowered file/missing is a warning, the proposal unaudited, and fails the run only at --fail-on warning", () => {
    const dir = box.proposal({ noMembers: true }, "lowered/p");
    writeFileSync(join(dir, "..", ".alliance-audit.yaml"), "rules:\n  file/missing: warning\n");
    const r = cli(["--format", "json", "--as-of", AS_OF, "p"], join(dir, ".."));
    expect(r.code).toBe(0);
    const p = json(r).proposals[0];
    expect(p.status).toBe("unaudited");
    expect(p.findings).toMatchObject([{ ruleId: "file/missing", severity: "warning" }]);
    expect(json(r).summary).toMatchObject({ unaudited: 1, passed: 0, failed: 0 });
    const strict = cli(["--format", "json", "--as-of", AS_OF, "--fail-on", "warning", "p"], join(dir, ".."));
    expect(strict.code).toBe(1);
  });

  it("turning a file/* rule off is refused (exit 2, saying why), in a config and through the API", async () => {
    const dir = box.proposal({ noMembers: true }, "off/p");
    writeFileSync(join(dir, "..", ".alliance-audit.yaml"), "rules:\n  file/missing: off\n");
    const r = cli(["--as-of", AS_OF, "p"], join(dir, ".."));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.alliance-audit\.yaml:2:\d+: file\/missing cannot be turned off/);
    await expect(audit({ paths: [dir], rules: { "file/missing": "off" }, asOf: AS_OF })).rejects.toThrow(/cannot be turned off/);
  });

  it("a suppression never silences a file/* finding", async () => {
    const dir = box.files({ "charter.yaml": "# alliance-audit-disable-next-line file/unreadable -- no\nschema_version: [1\n" }, "suppressed/p");
    const r = await audit({ paths: [dir], cwd: join(dir, ".."), asOf: AS_OF, lang: "en" });
    expect(r.proposals[0].findings.map((x) => x.ruleId)).toContain("file/unreadable");
    expect(r.proposals[0].status).toBe("unaudited");
  });
});

describe("merge recomputes status under its own --fail-on (issue #8 item 6)", () => {
  it("merge --fail-on warning exits 1 on warnings where the shards were audited with --fail-on error", () => {
    const root = box.dir("merge");
    box.proposal({ charterText: (t) => t.replace("  external_cooperation:", "  # external_cooperation:") }, "merge/w");
    const shard = cli(["--format", "json", "--as-of", AS_OF, "-o", "a.json", "w"], root);
    expect(shard.code).toBe(0);
    const merged = cli(["merge", "--fail-on", "warning", "a.json"], root);
    expect(merged.code).toBe(1);
    expect(json(merged).proposals[0].status).toBe("fail");
    const lenient = cli(["merge", "a.json"], root);
    expect(lenient.code).toBe(0);
    expect(json(lenient).proposals[0].status).toBe("pass");
  });
});
