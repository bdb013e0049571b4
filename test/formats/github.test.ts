// GitHub Actions workflow commands: one line per finding, escaped exactly as actions/toolkit's
// command.ts does, so that the runner (ActionCommand.cs) decodes each value back.
import { visible } from "../../src/format/visible.js";
import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, github } from "../../src/format/github.js";
import { auditFixtures, ctx, finding, reportOf } from "./helpers.js";

/** The runner's side: parse `::cmd k=v,…::data` and unescape as ActionCommand.cs does. */
function decode(line: string): { command: string; props: Record<string, string>; data: string } {
  const m = /^::([^ :]+)(?: ([^:]*))?::(.*)$/s.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const unData = (s: string) => s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
  const unProp = (s: string) => s.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%3A/g, ":").replace(/%2C/g, ",").replace(/%25/g, "%");
  const props: Record<string, string> = {};
  for (const kv of (m[2] ?? "").split(",").filter(Boolean)) {
    const i = kv.indexOf("=");
    props[kv.slice(0, i)] = unProp(kv.slice(i + 1));
  }
  return { command: m[1], props, data: unData(m[3]) };
}

describe("github", () => {
  it("escapes %, CR, LF in the message and also : and , in properties — exactly", () => {
    const report = reportOf([
      finding({ file: "dir,a/b:c%.yaml", message: "50% done\r\nnext: a,b %0A" }),
      finding({ severity: "warning", ruleId: "members/enterprise-backbone", file: "p/members.yaml", line: 1, column: 1, message: "no backbone" }),
      finding({ severity: "info", ruleId: "members/provincial-institute", file: "p/members.yaml", line: 2, column: 7, message: "no institute" }),
    ]);
    expect(github(report, ctx())).toBe(
      "::error file=dir%2Ca/b%3Ac%25.yaml,line=3,col=5,title=agreement/unsigned::50%25 done%0D%0Anext: a,b %250A\n" +
        "::warning file=p/members.yaml,line=1,col=1,title=members/enterprise-backbone::no backbone\n" +
        "::notice file=p/members.yaml,line=2,col=7,title=members/provincial-institute::no institute\n",
    );
  });

  it("matches actions/toolkit's escapeData and escapeProperty", () => {
    expect(escapeData("a%b\rc\nd:e,f")).toBe("a%25b%0Dc%0Ad:e,f");
    expect(escapeProperty("a%b\rc\nd:e,f")).toBe("a%25b%0Dc%0Ad%3Ae%2Cf");
  });

  it("round-trips through the runner's parser for every finding of an audit", async () => {
    const report = await auditFixtures();
    const lines = github(report, ctx()).split("\n").slice(0, -1);
    const findings = report.proposals.flatMap((p) => p.findings);
    expect(lines).toHaveLength(findings.length);
    lines.forEach((line, i) => {
      const f = findings[i];
      expect(decode(line)).toEqual({
        command: { error: "error", warning: "warning", info: "notice" }[f.severity],
        props: { file: f.file, line: String(f.line), col: String(f.column), title: f.ruleId },
        // Controls other than CR/LF are shown visibly (\u0001), never written to the log raw (issue #12).
        data: f.message.split(/(\r|\n)/).map((part) => (part === "\r" || part === "\n" ? part : visible(part))).join(""),
      });
    });
    // The fixture's tricky texts really are in there: CR/LF, %, comma and colon.
    expect(findings.some((f) => /\r\n/.test(f.message) && f.file.includes(",") && f.file.includes("%"))).toBe(true);
  });

  it("prints nothing for a clean report", async () => {
    expect(github(await auditFixtures(["compliant"]), ctx())).toBe("");
  });
});
