// ref/unknown-member: every place the charter names a member, reported once, with a suggestion.
import { afterAll, describe, expect, it } from "vitest";
import { Sandbox, baseCharterText, lineOf, replaceOnce, run, tally, type Data } from "../helpers/proposal.js";

const box = new Sandbox();
afterAll(() => box.cleanup());

const project = (c: Data, id: string): Data => (c.ip.projects as Data[]).find((p) => p.id === id)!;
const entry = (list: Data[], id: string): Data => list.find((e) => e.member === id)!;

// Each place of rules.md's list, the pointer of the finding, and what else the changed entry causes.
const PLACES: [string, (c: Data) => void, string, Record<string, number>][] = [
  ["alliance.lead_member", (c) => (c.alliance.lead_member = "M9"), "/alliance/lead_member", {}],
  ["task_division[].member", (c) => (entry(c.agreement.task_division, "M05").member = "M9"), "/agreement/task_division/4/member", { "agreement/member-without-task": 1 }],
  ["signatures[].member", (c) => (entry(c.agreement.signatures, "M05").member = "M9"), "/agreement/signatures/4/member", { "agreement/unsigned": 1 }],
  ["decision_body.composition[]", (c) => (c.governance.decision_body.composition[4] = "M9"), "/governance/decision_body/composition/4", {}],
  ["executive_body.host_member", (c) => (c.governance.executive_body.host_member = "M9"), "/governance/executive_body/host_member", {}],
  ["liable_entity", (c) => (c.governance.liable_entity = "M9"), "/governance/liable_entity", {}],
  ["funding.custodian", (c) => (c.funding.custodian = "M9"), "/funding/custodian", {}],
  ["projects[].participants[]", (c) => (project(c, "P2").participants[2] = "M9"), "/ip/projects/1/participants/2", { "ip/allocation-gap": 1 }],
  [
    "keys of ownership",
    (c) => {
      const o = project(c, "P1").ownership;
      project(c, "P1").ownership = { M01: o.M01, M9: o.M02 };
    },
    "/ip/projects/0/ownership/M9",
    { "ip/allocation-gap": 1 },
  ],
  [
    "keys of revenue_shares",
    (c) => {
      const o = project(c, "P1").revenue_shares;
      project(c, "P1").revenue_shares = { M01: o.M01, M9: o.M02 };
    },
    "/ip/projects/0/revenue_shares/M9",
    { "ip/revenue-shares-gap": 1 },
  ],
];

describe("ref/unknown-member", () => {
  it.each(PLACES)("%s: reported once, at the reference", async (_where, mutate, pointer, others) => {
    const r = await run(box, { charter: mutate });
    expect(tally(r.findings)).toEqual({ "ref/unknown-member": 1, ...others });
    const [f] = r.findings.filter((x) => x.ruleId === "ref/unknown-member");
    expect(f.pointer).toBe(pointer);
    expect(f.message).toContain('"M9"');
    expect(f.line).toBeGreaterThan(1);
  });

  it("the position is that of the value (of the key, for a share)", async () => {
    const text = replaceOnce(baseCharterText(), "  custodian: M01", "  custodian: M0l");
    const r = await run(box, { charterText: () => text });
    expect(r.findings.map((f) => [f.ruleId, f.line, f.column])).toEqual([["ref/unknown-member", lineOf(text, "custodian: M0l"), 14]]);

    const t2 = replaceOnce(baseCharterText(), "      M02: 40\n", "      M2: 40\n");
    const r2 = await run(box, { charterText: () => t2 });
    const f = r2.findings.find((x) => x.ruleId === "ref/unknown-member")!;
    expect([f.line, f.column]).toEqual([lineOf(t2, "      M2: 40"), 7]);
  });

  it("suggests the closest id", async () => {
    const r = await run(box, { charter: (c) => (c.funding.custodian = "M005") });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0].message).toBe('"M005" is not a roster id (closest: M05)');
  });

  it("suggests the id whose member name the reference is", async () => {
    const r = await run(box, { charter: (c) => (c.governance.liable_entity = "龙江理工大学") });
    expect(tally(r.findings)).toEqual({ "ref/unknown-member": 1 });
    expect(r.findings[0].message).toMatch(/name of member M02: refer to it as M02/);
  });

  it("suggests nothing when no id is close", async () => {
    const r = await run(box, { charter: (c) => (c.funding.custodian = "Harbin-Institute-of-Light-Metals") });
    // The custodian: a non-member 依托单位 goes in custodian_unit (A5).
    expect(r.findings[0].message).toBe('"Harbin-Institute-of-Light-Metals" is not a roster id; a host that is not a member goes in custodian_unit (its name and credit code)');
  });

  it("each reference is its own finding", async () => {
    const r = await run(box, {
      charter: (c) => {
        c.funding.custodian = "M9";
        c.governance.executive_body.host_member = "M9";
      },
    });
    expect(tally(r.findings)).toEqual({ "ref/unknown-member": 2 });
  });

  it("the zh message carries the suggestion too", async () => {
    const r = await run(box, { charter: (c) => (c.funding.custodian = "M005") }, "national", { lang: "zh" });
    expect(r.findings[0].message).toContain("最接近的是 M05");
  });
});
