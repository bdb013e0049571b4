// --baseline FILE / --update-baseline: only findings not in the baseline are reported (the others
// count as suppressed); matching is by rule id, file and JSON pointer (+ message as a tie-breaker),
// never by line, so it survives edits elsewhere in the file.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyBaseline, auditWithBaseline, readBaseline, serializeBaseline } from "../../src/baseline.js";
import { AS_OF, Sandbox, removeWhere, replaceOnce, type Mutation } from "../helpers/proposal.js";
import { cli, json } from "../config/run-cli.js";
import type { Report } from "../../src/types.js";

const box = new Sandbox();
afterAll(() => box.cleanup());

/** Two findings: M02's signatory is not its legal representative; no licensing clause. */
const twoFindings: Mutation = {
  charterText: (t) => replaceOnce(replaceOnce(t, "signatory: 陈志远", "signatory: 陈志"), "  licensing:", "  # licensing:"),
};
const run = (cwd: string, ...args: string[]) => cli(["--format", "json", "--as-of", AS_OF, ...args], cwd);
const ids = (r: ReturnType<typeof run>) => json(r).proposals.flatMap((p: Report["proposals"][number]) => p.findings.map((f) => `${f.ruleId} ${f.pointer}`));
const edit = (file: string, f: (t: string) => string) => writeFileSync(file, f(readFileSync(file, "utf8")));

describe("--update-baseline", () => {
  it("writes every current finding, sorted and deterministic, and exits 0 without a report", () => {
    const dir = box.dir("write");
    box.proposal(twoFindings, "write/p");
    const r = run(dir, "p", "--baseline", "baseline.json", "--update-baseline");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("alliance-audit: wrote 2 findings to the baseline baseline.json\n");
    const text = readFileSync(join(dir, "baseline.json"), "utf8");
    const b = JSON.parse(text);
    expect(b).toMatchObject({ version: 1, tool: "alliance-audit", lang: "en" });
    expect(b.findings.map((e: { ruleId: string; pointer: string; file: string; count: number }) => [e.file, e.ruleId, e.pointer, e.count])).toEqual([
      ["p/charter.yaml", "agreement/signatory-not-legal-rep", "/agreement/signatures/1/signatory", 1],
      ["p/charter.yaml", "ip/licensing", "/ip/licensing", 1],
    ]);
    expect(text).not.toMatch(/"line"|"column"/); // never positions
    // The same findings give the same bytes (no dates), and one entry per line for diffs.
    run(dir, "p", "--baseline", "baseline.json", "--update-baseline");
    expect(readFileSync(join(dir, "baseline.json"), "utf8")).toBe(text);
    expect(text.split("\n").filter((l) => l.includes('"ruleId"'))).toHaveLength(2);
    expect(serializeBaseline(readBaseline(join(dir, "baseline.json")))).toBe(text);
  });

  it("stores paths relative to the baseline file's folder, so it works from any cwd", () => {
    const dir = box.dir("relative");
    box.proposal(twoFindings, "relative/proposals/p");
    mkdirSync(join(dir, "ci"));
    expect(run(join(dir, "proposals"), "p", "--baseline", "../ci/b.json", "--update-baseline").code).toBe(0);
    const b = JSON.parse(readFileSync(join(dir, "ci", "b.json"), "utf8"));
    expect(b.findings[0].file).toBe("../proposals/p/charter.yaml");
    const fromRoot = run(dir, "proposals", "--baseline", "ci/b.json");
    expect(fromRoot.code).toBe(0);
    expect(json(fromRoot).summary.suppressed).toBe(2);
  });

  it("keeps the entries of proposals this run did not audit (a shard, a subset of paths)", () => {
    const dir = box.dir("subset");
    box.proposal(twoFindings, "subset/a");
    box.proposal(twoFindings, "subset/b");
    run(dir, ".", "--baseline", "b.json", "--update-baseline");
    edit(join(dir, "a", "charter.yaml"), (t) => replaceOnce(t, "signatory: 陈志", "signatory: 陈志远"));
    expect(run(dir, "a", "--baseline", "b.json", "--update-baseline").stderr).toContain("wrote 3 findings");
    const files = JSON.parse(readFileSync(join(dir, "b.json"), "utf8")).findings.map((e: { file: string }) => e.file);
    expect(files).toEqual(["a/charter.yaml", "b/charter.yaml", "b/charter.yaml"]);
  });
});

describe("--baseline", () => {
  it("matches after lines are inserted above the findings, and still reports a new finding", () => {
    const dir = box.dir("match");
    box.proposal(twoFindings, "match/p");
    const charter = join(dir, "p", "charter.yaml");
    const before = run(dir, "p");
    expect(before.code).toBe(1);
    run(dir, "p", "--baseline", "baseline.json", "--update-baseline");

    // Edits elsewhere: comment lines at the top, a new key and comments right above the findings.
    edit(charter, (t) => "# reviewed 2025-05\n# by the science department\n\n" + replaceOnce(t, "  signatures:", "  # signed at the founding meeting\n  # (two copies each)\n  signatures:"));
    edit(charter, (t) => replaceOnce(t, "\nip:\n", "\nip:\n  # the IP clauses of the agreement\n"));
    const moved = run(dir, "p");
    const lines = (r: ReturnType<typeof run>) => json(r).proposals[0].findings.map((f: { line: number }) => f.line);
    expect(lines(moved)).not.toEqual(lines(before)); // the findings moved down

    const after = run(dir, "p", "--baseline", "baseline.json");
    expect(after.code).toBe(0);
    expect(json(after).proposals[0]).toMatchObject({ status: "pass", counts: { error: 0, warning: 0, info: 0 }, suppressed: 2, findings: [] });
    expect(json(after).summary).toMatchObject({ passed: 1, failed: 0, suppressed: 2 });

    // A new finding of the same rule on another value is reported; the old ones stay baselined.
    edit(charter, (t) => replaceOnce(t, "signatory: 刘海峰", "signatory: 刘海"));
    const added = run(dir, "p", "--baseline", "baseline.json");
    expect(added.code).toBe(1);
    expect(ids(added)).toEqual(["agreement/signatory-not-legal-rep /agreement/signatures/2/signatory"]);
    expect(json(added).proposals[0].suppressed).toBe(2);
    // stylish says so too
    const stylish = cli(["--as-of", AS_OF, "p", "--baseline", "baseline.json"], dir);
    expect(stylish.stdout).toContain("2 suppressed");
    expect(stylish.stdout).toContain("刘海");
  });

  it("uses the message as a tie-breaker between findings of one rule on one value", () => {
    const dir = box.dir("tie");
    const unsign = (c: Record<string, any>, ...members: string[]) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      for (const m of members) removeWhere(c.agreement.signatures, (s: { member: string }) => s.member === m);
    };
    box.proposal({ charter: (c) => unsign(c, "M04", "M05") }, "tie/p");
    run(dir, "p", "--baseline", "b.json", "--update-baseline");
    expect(run(dir, "p", "--baseline", "b.json").code).toBe(0);
    // M04 signs now, M03 no longer has: still two agreement/unsigned findings at /agreement/signatures.
    box.proposal({ charter: (c) => unsign(c, "M03", "M05") }, "tie/p2");
    writeFileSync(join(dir, "p", "charter.yaml"), readFileSync(join(dir, "p2", "charter.yaml")));
    const r = run(dir, "p", "--baseline", "b.json");
    expect(r.code).toBe(1);
    const findings = json(r).proposals[0].findings;
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toMatch(/^member M03/);
    expect(json(r).proposals[0].suppressed).toBe(1);
    expect(r.stderr).toContain("1 baseline entry no longer matches; prune them with --update-baseline");
  });

  it("matches a baseline written in another language by rule, file and value", () => {
    const dir = box.dir("lang");
    box.proposal(twoFindings, "lang/p");
    run(dir, "p", "--baseline", "b.json", "--update-baseline", "--lang", "zh");
    expect(JSON.parse(readFileSync(join(dir, "b.json"), "utf8")).lang).toBe("zh");
    const r = run(dir, "p", "--baseline", "b.json", "--lang", "en");
    expect(r.code).toBe(0);
    expect(json(r).summary.suppressed).toBe(2);
  });

  it("recomputes status with --quiet and --fail-on from every finding left", async () => {
    const dir = box.dir("quiet");
    // An error (ip/licensing) and a warning (no backbone enterprise).
    box.proposal({ charterText: (t) => replaceOnce(t, "  licensing:", "  # licensing:"), membersText: (t) => replaceOnce(t, "  backbone: true\n", "") }, "quiet/p");
    const report = await auditWithBaseline({ cwd: dir, paths: ["p"], asOf: AS_OF, lang: "en", jobs: 1 }, {});
    const onlyError = { version: 1 as const, tool: "alliance-audit" as const, findings: report.report.proposals[0].findings.filter((f) => f.severity === "error").map((f) => ({ file: f.file, ruleId: f.ruleId, pointer: f.pointer, message: f.message, count: 1 })) };
    const applied = applyBaseline(report.report, onlyError, { baselineFile: "b.json", cwd: dir, failOn: "warning", quiet: true, lang: "en" });
    expect(applied.report.proposals[0]).toMatchObject({ status: "fail", counts: { error: 0, warning: 0, info: 0 }, suppressed: 1, findings: [] });
    expect(applied.matched).toBe(1);
    const lenient = applyBaseline(report.report, onlyError, { baselineFile: "b.json", cwd: dir, failOn: "error", lang: "en" });
    expect(lenient.report.proposals[0]).toMatchObject({ status: "pass", counts: { warning: 1 } });
  });

  it("is exit 2 when the file is missing or invalid, or --update-baseline has no --baseline", () => {
    const dir = box.dir("errors");
    box.proposal({}, "errors/p");
    const missing = run(dir, "p", "--baseline", "nope.json");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("baseline file not found: nope.json; create it with --baseline nope.json --update-baseline");
    writeFileSync(join(dir, "bad.json"), '{"version": 2, "findings": []}');
    expect(run(dir, "p", "--baseline", "bad.json").stderr).toContain("invalid baseline file bad.json: unsupported version 2");
    writeFileSync(join(dir, "bad.json"), "{");
    expect(run(dir, "p", "--baseline", "bad.json").code).toBe(2);
    const noFile = run(dir, "p", "--update-baseline");
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain("--update-baseline needs the baseline file: --baseline FILE");
    const zh = run(dir, "p", "--baseline", "nope.json", "--lang", "zh");
    expect(zh.stderr).toContain("基线文件不存在：nope.json");
  });
});

describe("baselines written before revision 2", () => {
  it("keep matching a finding revision 2 moved (an unsigned member, now at its roster entry, fidelity.md C9)", () => {
    const dir = box.dir("moved");
    box.proposal({ charter: (c) => ((c.agreement as { signatures: { member: string }[] }).signatures = (c.agreement as { signatures: { member: string }[] }).signatures.filter((s) => s.member !== "M04")) }, "moved/p");
    const old = {
      version: 1,
      tool: "alliance-audit",
      lang: "en",
      findings: [{ file: "p/charter.yaml", ruleId: "agreement/unsigned", pointer: "/agreement/signatures", message: "member M04（哈东精密铸造有限公司） has not signed the agreement", count: 1 }],
    };
    writeFileSync(join(dir, "old.json"), JSON.stringify(old));
    const r = run(dir, "p", "--baseline", "old.json", "--lang", "en");
    expect(r.code).toBe(0);
    expect(json(r).summary.suppressed).toBe(1);
    expect(ids(r)).toEqual([]);
    // Another member's finding is not taken for it.
    writeFileSync(join(dir, "other.json"), JSON.stringify({ ...old, findings: [{ ...old.findings[0], message: "member M05（沈北轻合金装备有限公司） has not signed the agreement" }] }));
    expect(ids(run(dir, "p", "--baseline", "other.json", "--lang", "en"))).toEqual(["agreement/unsigned /members/3/id"]);
  });
});
