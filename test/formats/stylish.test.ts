// Stylish for a reviewer (issue #13): failing and unaudited proposals first, a per-rule count at
// the end of a batch, and on a terminal (ctx.width) long Chinese messages wrapped by display
// width with the rule id on its own line when needed; no width (piped output): never wrapped.
import { describe, expect, it } from "vitest";
import stringWidth from "string-width";
import { ruleCounts, triageOrder } from "../../src/format/common.js";
import { stylish } from "../../src/format/stylish.js";
import { wrap } from "../../src/format/wrap.js";
import type { Finding, ProposalReport, Report } from "../../src/types.js";
import { auditFixtures, ctx, finding, reportOf } from "./helpers.js";

const LONG_ZH = "成员 M02（龙江理工大学）的签署人“陈志”不是其法定代表人“陈志远”；请由名单所列法定代表人本人签署，或在名单中记录签署时的原法定代表人，并补充授权委托书原件的扫描件";

function batch(proposals: { path: string; status: ProposalReport["status"]; findings: Finding[] }[]): Report {
  const ps: ProposalReport[] = proposals.map((p) => {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of p.findings) counts[f.severity]++;
    return { path: p.path, name: null, status: p.status, counts, findings: p.findings };
  });
  const sum = (k: "error" | "warning" | "info") => ps.reduce((n, p) => n + p.counts[k], 0);
  return {
    ...reportOf([]),
    proposals: ps,
    summary: { proposals: ps.length, passed: ps.filter((p) => p.status === "pass").length, failed: ps.filter((p) => p.status === "fail").length, unaudited: ps.filter((p) => p.status === "unaudited").length, error: sum("error"), warning: sum("warning"), info: sum("info") },
  };
}

const expired = (file: string) => finding({ ruleId: "agreement/expired", message: "the agreement expired", file });
const unsigned = (file: string) => finding({ file });

describe("triage order and per-rule counts", () => {
  const report = batch([
    { path: "a-pass", status: "pass", findings: [] },
    { path: "b-fail", status: "fail", findings: [expired("b-fail/charter.yaml"), unsigned("b-fail/charter.yaml")] },
    { path: "c-pass", status: "pass", findings: [finding({ severity: "warning", ruleId: "openness/external-cooperation", message: "w", file: "c-pass/charter.yaml" })] },
    { path: "d-unaudited", status: "unaudited", findings: [finding({ ruleId: "file/missing", message: "no roster", file: "d-unaudited/charter.yaml", citation: undefined })] },
    { path: "e-fail", status: "fail", findings: [expired("e-fail/charter.yaml"), expired("e-fail/members.yaml")] },
  ]);

  it("puts failing and unaudited proposals first, in path order, then the passing ones", () => {
    expect(triageOrder(report.proposals).map((p) => p.path)).toEqual(["b-fail", "d-unaudited", "e-fail", "a-pass", "c-pass"]);
    const text = stylish(report, ctx());
    const headers = text.split("\n").filter((l) => /^[a-e]-[a-z]+(\s|$)/.test(l)).map((l) => l.split(/\s/)[0]);
    expect(headers).toEqual(["b-fail", "d-unaudited", "e-fail", "c-pass"]);
    const rows = text.split("\n").filter((l) => /^│ [a-e]-/.test(l)).map((l) => l.split(/\s+/)[1]);
    expect(rows).toEqual(["b-fail", "d-unaudited", "e-fail", "a-pass", "c-pass"]);
  });

  it("counts each rule's proposals (most first) and ends the batch with them, before the summary line (en, zh)", () => {
    expect(ruleCounts(report).map((c) => [c.ruleId, c.proposals, c.findings])).toEqual([
      ["agreement/expired", 2, 3],
      ["agreement/unsigned", 1, 1],
      ["file/missing", 1, 1],
      ["openness/external-cooperation", 1, 1],
    ]);
    const en = stylish(report, ctx()).trimEnd().split("\n");
    const at = en.indexOf("By rule:");
    expect(at).toBeGreaterThan(0);
    expect(en[at + 1]).toMatch(/^ {2}2 proposals: agreement\/expired \(3 findings\) {2}\S/);
    expect(en[at + 2]).toMatch(/^ {2}1 proposal: agreement\/unsigned \(1 finding\)/);
    expect(en.at(-1)).toMatch(/^✖ 5 proposals: 2 passed, 2 failed, 1 proposal could not be audited/);
    const zh = stylish(report, ctx({ lang: "zh" }));
    expect(zh).toContain("按规则统计：\n  2 份申报材料：agreement/expired（3 个问题）");
  });

  it("a single proposal has no per-rule block; a clean batch has none either", () => {
    expect(stylish(reportOf([unsigned("p/charter.yaml")]), ctx())).not.toContain("By rule:");
    expect(stylish(batch([{ path: "a", status: "pass", findings: [] }, { path: "b", status: "pass", findings: [] }]), ctx())).not.toContain("By rule:");
  });
});

describe("wrapping to the terminal", () => {
  it("wrap() counts CJK as two columns, keeps Latin words whole and never starts a line with a closing mark", () => {
    const lines = wrap(LONG_ZH, 40);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(40);
    expect(lines.join("")).toBe(LONG_ZH);
    for (const l of lines.slice(1)) expect(l).not.toMatch(/^[，。、；：）”]/);
    const en = wrap("the signatory of member M02 is not its legal representative Chen Zhiyuan", 20);
    for (const l of en) expect(l.length).toBeLessThanOrEqual(20);
    expect(en.join(" ")).toBe("the signatory of member M02 is not its legal representative Chen Zhiyuan");
    expect(wrap("x".repeat(50), 20)).toEqual(["x".repeat(20), "x".repeat(20), "x".repeat(10)]);
    expect(wrap("short", 80)).toEqual(["short"]);
  });

  it("wraps a long Chinese message to ctx.width, with the rule id on its own line when it does not fit", () => {
    const report = reportOf([finding({ message: LONG_ZH, ruleId: "agreement/signatory-not-legal-rep" })]);
    const text = stylish(report, ctx({ lang: "zh", width: 60, fixHints: false }));
    const lines = text.split("\n");
    for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(60);
    const first = lines.findIndex((l) => l.includes("3:5"));
    // Continuation lines start under the message (same column); the message reads the same once joined.
    const msgCol = stringWidth(lines[first].slice(0, lines[first].indexOf("成员")));
    const body: string[] = [lines[first].slice(lines[first].indexOf("成员"))];
    let i = first + 1;
    while (!lines[i].trim().startsWith("agreement/")) {
      expect(lines[i].slice(0, msgCol).trim()).toBe("");
      expect(lines[i].charAt(msgCol)).not.toBe(" ");
      body.push(lines[i++].slice(msgCol));
    }
    expect(body.join("")).toBe(LONG_ZH);
    expect(lines.some((l) => l.trim() === "agreement/signatory-not-legal-rep" || l.trimEnd().endsWith("agreement/signatory-not-legal-rep"))).toBe(true);
  });

  it("puts the rule id on a line of its own when the last line is too full", () => {
    const msg = "成员没有签署协议".repeat(6); // 96 columns
    const text = stylish(reportOf([finding({ message: msg, citation: undefined })]), ctx({ lang: "zh", width: 66, fixHints: false }));
    const lines = text.split("\n");
    expect(lines.some((l) => /^ +agreement\/unsigned$/.test(l))).toBe(true);
  });

  it("does not wrap without a width (piped output), nor a message that fits", () => {
    const report = reportOf([finding({ message: LONG_ZH })]);
    const piped = stylish(report, ctx({ lang: "zh" }));
    expect(piped).toContain(LONG_ZH);
    expect(piped.split("\n").find((l) => l.includes(LONG_ZH))).toMatch(/agreement\/unsigned/);
    const short = reportOf([finding({ message: "成员 M04 没有签署协议" })]);
    expect(stylish(short, ctx({ lang: "zh", width: 200 }))).toBe(stylish(short, ctx({ lang: "zh" })));
  });

  it("leaves the fixtures' output unchanged when nothing is wider than the terminal", async () => {
    const report = await auditFixtures();
    expect(stylish(report, ctx({ width: 10_000 }))).toBe(stylish(report, ctx()));
  });
});
