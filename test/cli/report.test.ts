// The JSON report of the built CLI (cli.md "JSON report, version 1"), batches, determinism,
// --members, --lang and -o.
import { cpSync, existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, cli, ensureBuilt, json } from "../helpers/cli.js";
import { AS_OF, CASES, Sandbox, baseCharterText, baseMembersText } from "../helpers/proposal.js";

const box = new Sandbox();
let root: string;

beforeAll(async () => {
  await ensureBuilt();
  root = box.dir("work");
  // A batch, created out of path order, with a broken proposal, one without a roster, a failing
  // one and a compliant one, plus a folder that is no proposal.
  const batch = join(root, "batch");
  cpSync(join(CASES, "unsigned"), join(batch, "z-unsigned"), { recursive: true });
  cpSync(join(CASES, "syntax-error"), join(batch, "m-broken"), { recursive: true });
  cpSync(join(CASES, "compliant-national"), join(batch, "a-ok"), { recursive: true });
  cpSync(join(CASES, "missing-members-file"), join(batch, "nested", "b-no-roster"), { recursive: true });
  cpSync(join(CASES, "ip-gaps"), join(batch, "c-ip"), { recursive: true });
  box.files({ "notes.txt": "不是申报材料" }, "work/batch/docs");
  // A charter with its roster elsewhere, under another name.
  box.files({ "charter.yaml": baseCharterText(), "rosters/名单.yaml": baseMembersText().replace("legal_representative: 陈志远", "legal_representative: 陈志") }, "work/single");
});
afterAll(() => box.cleanup());

const audit = (...args: string[]) => cli(["--as-of", AS_OF, ...args], root);

describe.concurrent("JSON report", () => {
  it("has the shape of cli.md, keys in the spec's order", async () => {
    const r = await audit("--format", "json", "batch/z-unsigned");
    expect(r.code).toBe(1);
    const report = json(r);
    expect(Object.keys(report)).toEqual(["version", "tool", "profile", "config", "asOf", "proposals", "summary"]);
    expect(report.version).toBe(2);
    expect(report.config).toBeNull();
    expect(report.tool).toEqual({ name: "alliance-audit", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(report.tool.version).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
    expect(report.profile).toBe("national");
    expect(report.asOf).toBe(AS_OF);

    expect(report.proposals).toHaveLength(1);
    const p = report.proposals[0];
    expect(Object.keys(p)).toEqual(["path", "name", "status", "counts", "findings"]);
    expect(p).toMatchObject({ path: "batch/z-unsigned", name: "松花江铝镁合金产业技术创新战略联盟", status: "fail", counts: { error: 2, warning: 0, info: 0 } });
    expect(Object.keys(p.counts)).toEqual(["error", "warning", "info"]);

    for (const f of p.findings) {
      // Version 2: the message's id and data (language-neutral) after the text; optional keys only when set.
      const order = ["ruleId", "severity", "message", "messageId", "data", "file", "line", "column", "locator", "pointer", "citation", "alsoCites", "evidence"];
      expect(Object.keys(f)).toEqual(order.filter((k) => k in f));
      expect(Object.keys(f)).toEqual(expect.arrayContaining(["ruleId", "severity", "message", "messageId", "file", "line", "column", "pointer", "citation"]));
      expect(Object.keys(f.citation)).toEqual(["document", "article"]);
      // An unsigned member is located at its own roster entry (fidelity.md C9), the signatory in the charter.
      expect(f.file).toBe(f.ruleId === "agreement/unsigned" ? "batch/z-unsigned/members.yaml" : "batch/z-unsigned/charter.yaml");
      expect(Number.isInteger(f.line) && f.line >= 1 && Number.isInteger(f.column) && f.column >= 1).toBe(true);
      expect(f.pointer).toMatch(f.ruleId === "agreement/unsigned" ? /^\/members\/\d+\/id$/ : /^\/agreement\/signatures/);
      expect(f.citation).toEqual({ document: "国科发政〔2008〕770号", article: "第八条（二）" });
    }
    expect(p.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(["agreement/signatory-not-legal-rep", "agreement/unsigned"]);

    expect(report.summary).toEqual({ proposals: 1, passed: 0, failed: 1, unaudited: 0, error: 2, warning: 0, info: 0 });
    expect(Object.keys(report.summary)).toEqual(["proposals", "passed", "failed", "unaudited", "error", "warning", "info"]);
  });

  it("the same folder twice gives byte-identical JSON", async () => {
    const [a, b] = await Promise.all([audit("--format", "json", "batch"), audit("--format", "json", "batch")]);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(a.stdout).toBe(b.stdout);
  });

  it("a batch: a broken proposal is a finding, the others are still audited, proposals sorted by path", async () => {
    const r = await audit("--format", "json", "batch");
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const report = json(r);
    const byPath = Object.fromEntries(report.proposals.map((p: { path: string }) => [p.path, p]));
    expect(report.proposals.map((p: { path: string }) => p.path)).toEqual(["batch/a-ok", "batch/c-ip", "batch/m-broken", "batch/nested/b-no-roster", "batch/z-unsigned"]);
    expect(byPath["batch/a-ok"]).toMatchObject({ status: "pass", findings: [] });
    expect(byPath["batch/m-broken"].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(["file/unreadable"]);
    expect(byPath["batch/m-broken"].findings[0]).toMatchObject({ file: "batch/m-broken/charter.yaml", line: expect.any(Number), column: expect.any(Number) });
    expect(byPath["batch/m-broken"].name).toBeNull();
    expect(byPath["batch/nested/b-no-roster"].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(["file/missing"]);
    expect(byPath["batch/c-ip"].counts.error).toBe(3); // revision 2: ip-gaps has one allocation gap fewer (fidelity.md A1)
    expect(byPath["batch/z-unsigned"].counts.error).toBe(2);
    // The broken and the roster-less proposals could not be audited: unaudited, not failed (cli.md revision 2).
    expect(byPath["batch/m-broken"].status).toBe("unaudited");
    expect(byPath["batch/nested/b-no-roster"].status).toBe("unaudited");
    expect(report.summary).toEqual({ proposals: 5, passed: 1, failed: 2, unaudited: 2, error: 7, warning: 0, info: 0 });
  });

  it("findings are sorted by file, line, column, rule id", async () => {
    const report = json(await audit("--format", "json", "batch"));
    for (const p of report.proposals) {
      const keys = p.findings.map((f: { file: string; line: number; column: number; ruleId: string }) => [f.file, f.line, f.column, f.ruleId]);
      const sorted = [...keys].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1] || x[2] - y[2] || (x[3] < y[3] ? -1 : x[3] > y[3] ? 1 : 0)));
      expect(keys).toEqual(sorted);
    }
  });

  it("paths are relative to the current folder", async () => {
    const r = await cli(["--as-of", AS_OF, "--format", "json", "."], join(root, "batch", "c-ip"));
    const report = json(r);
    expect(report.proposals[0].path).toBe(".");
    expect(report.proposals[0].findings[0].file).toBe("charter.yaml");
  });

  it("a charter file with --members FILE", async () => {
    const r = await audit("--format", "json", "single/charter.yaml", "--members", "single/rosters/名单.yaml");
    const report = json(r);
    expect(report.proposals).toHaveLength(1);
    const p = report.proposals[0];
    expect(p.path).toBe("single");
    // The roster says 陈志 is M02's representative, the charter's signature says 陈志远.
    expect(p.findings.map((f: { ruleId: string; file: string }) => [f.ruleId, f.file])).toEqual([["agreement/signatory-not-legal-rep", "single/charter.yaml"]]);
    expect(p.findings[0].message).toContain("陈志");
  });

  it("a charter file without --members and no roster beside it: file/missing", async () => {
    const r = await audit("--format", "json", "single/charter.yaml");
    expect(r.code).toBe(1);
    expect(json(r).proposals[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(["file/missing"]);
  });

  it("a --members file that does not exist is a usage error", async () => {
    const r = await audit("single/charter.yaml", "--members", "single/none.yaml");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/none\.yaml/);
  });

  it("--lang zh and --lang en", async () => {
    const zh = json(await audit("--format", "json", "--lang", "zh", "batch/z-unsigned"));
    const en = json(await audit("--format", "json", "--lang", "en", "batch/z-unsigned"));
    const unsigned = (r: { proposals: { findings: { ruleId: string; message: string }[] }[] }) => r.proposals[0].findings.find((f) => f.ruleId === "agreement/unsigned")!.message;
    expect(unsigned(zh)).toBe("成员 M04（哈东精密铸造有限公司）没有签署协议");
    expect(unsigned(en)).toBe("member M04（哈东精密铸造有限公司） has not signed the agreement");
    // Only the messages differ.
    const strip = (rep: { proposals: { findings: { message: string }[] }[] }) =>
      JSON.stringify({ ...rep, proposals: rep.proposals.map((p) => ({ ...p, findings: p.findings.map((f) => ({ ...f, message: "" })) })) });
    expect(strip(zh)).toBe(strip(en));
  });

  it("the language defaults from LANG / LC_ALL", async () => {
    const zh = await cli(["--as-of", AS_OF, "batch/z-unsigned"], root, { LANG: "zh_CN.UTF-8" });
    expect(zh.stdout).toContain("没有签署协议");
    const en = await cli(["--as-of", AS_OF, "batch/z-unsigned"], root, { LANG: "zh_CN.UTF-8", LC_ALL: "en_US.UTF-8" });
    expect(en.stdout).toContain("has not signed");
  });

  it("-o FILE writes the report there, not to stdout", async () => {
    const out = join(root, "report-o.json");
    const r = await audit("--format", "json", "batch/z-unsigned", "-o", "report-o.json");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(existsSync(out)).toBe(true);
    const written = readFileSync(out, "utf8");
    const direct = await audit("--format", "json", "batch/z-unsigned");
    expect(written).toBe(direct.stdout);
    // No temporary file of this report is left behind (other tests of this file write their own, concurrently).
    expect(readdirSync(root).filter((n) => n.includes("report-o.json") && n.includes(".tmp"))).toEqual([]);
  });

  it("--output works for the stylish format too", async () => {
    const r = await audit("batch/a-ok", "--output", "report.txt");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(readFileSync(join(root, "report.txt"), "utf8")).toMatch(/1 passed/);
  });

  it("suppressed findings are counted in the proposal and the summary", async () => {
    const charter = baseCharterText().replace(
      "  licensing: 成员在同等条件下享有优先、优惠的许可使用权",
      "  # alliance-audit-disable-next-line ip/licensing -- 许可办法另行签订\n  licensing: 待定",
    );
    box.files({ "charter.yaml": charter, "members.yaml": baseMembersText() }, "work/suppressed");
    const r = await audit("--format", "json", "suppressed");
    expect(r.code).toBe(0);
    const report = json(r);
    expect(report.proposals[0]).toMatchObject({ status: "pass", suppressed: 1, findings: [] });
    expect(Object.keys(report.proposals[0])).toEqual(["path", "name", "status", "counts", "suppressed", "findings"]);
    expect(report.summary.suppressed).toBe(1);
  });

  it("the stylish report names each proposal and finding with line:col and rule id", async () => {
    const r = await audit("batch/z-unsigned", "batch/a-ok");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/batch\/z-unsigned/);
    expect(r.stdout).toMatch(/\d+:\d+\s+error\s+.*agreement\/unsigned/);
    expect(r.stdout).not.toMatch(/\u001b\[/); // NO_COLOR
  });
});
