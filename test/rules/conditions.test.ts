// 条件（三）（四）（六）: governance, funding and openness details — dependent rules, "once per
// proposal" rules, and positions of missing values.
import { afterAll, describe, expect, it } from "vitest";
import { Sandbox, baseCharterText, lineOf, of, replaceOnce, run, tally, type Data } from "../helpers/proposal.js";

const box = new Sandbox();
afterAll(() => box.cleanup());

const project = (c: Data, id: string): Data => (c.ip.projects as Data[]).find((p) => p.id === id)!;

describe("governance", () => {
  it("without a governance section: the three bodies and the liable entity, nothing about mechanisms or staff", async () => {
    const r = await run(box, { charter: (c) => delete c.governance });
    expect(tally(r.findings)).toEqual({
      "governance/decision-body": 1,
      "governance/advisory-body": 1,
      "governance/executive-body": 1,
      "governance/liable-entity": 1,
    });
  });

  it("a body without a name is reported at the body, with its own message", async () => {
    const r = await run(box, { charterText: (t) => replaceOnce(t, "    name: 秘书处\n", "") });
    expect(tally(r.findings)).toEqual({ "governance/executive-body": 1 });
    expect(r.findings[0].message).toMatch(/has no name/);
    // name is missing: the closest enclosing key is executive_body.
    expect(r.findings[0].line).toBe(lineOf(baseCharterText(), "  executive_body:"));
    expect(r.findings[0].column).toBe(3);
  });

  it("full_time_staff missing or below 1", async () => {
    const missing = await run(box, { charter: (c) => delete c.governance.executive_body.full_time_staff });
    expect(tally(missing.findings)).toEqual({ "governance/full-time-staff": 1 });
    expect(missing.findings[0].message).toMatch(/states no full-time staff/);
    const negative = await run(box, { charter: (c) => (c.governance.executive_body.full_time_staff = -2) });
    // -2 is also below the schema's minimum 0, but the rule that checks the field covers it.
    expect(tally(negative.findings)).toEqual({ "governance/full-time-staff": 1 });
  });

  it("a fractional staff count is schema/invalid (the rule is satisfied, the type is not)", async () => {
    const r = await run(box, { charter: (c) => (c.governance.executive_body.full_time_staff = 2.5) });
    expect(tally(r.findings)).toEqual({ "schema/invalid": 1 });
  });

  it("an unknown liable entity is ref/unknown-member, not governance/liable-entity", async () => {
    const r = await run(box, { charter: (c) => (c.governance.liable_entity = "M10") });
    expect(tally(r.findings)).toEqual({ "ref/unknown-member": 1 });
  });
});

describe("government money (funding/government-supervision, openness/government-funded-diffusion)", () => {
  it("a government-funded project alone is government money; each rule fires once per proposal", async () => {
    const r = await run(box, {
      charter: (c) => {
        c.funding.government_funding = false;
        project(c, "P2").government_funded = true;
        delete c.funding.government_supervision;
        delete c.openness.government_funded_diffusion;
      },
    });
    expect(tally(r.findings)).toEqual({ "funding/government-supervision": 1, "openness/government-funded-diffusion": 1 });
  });

  it("funding.government_funding alone is government money", async () => {
    const r = await run(box, {
      charter: (c) => {
        delete project(c, "P1").government_funded;
        c.funding.government_supervision = false;
      },
    });
    expect(tally(r.findings)).toEqual({ "funding/government-supervision": 1 });
    expect(r.findings[0].message).toMatch(/must be true, found false/);
  });

  it("no government money: nothing needs to be stated", async () => {
    const r = await run(box, {
      charter: (c) => {
        delete c.funding.government_funding;
        delete project(c, "P1").government_funded;
        delete c.funding.government_supervision;
        delete c.openness.government_funded_diffusion;
      },
    });
    expect(r.findings).toEqual([]);
  });
});

describe("text conditions", () => {
  it("a whole missing section gives one finding per required text, at the top-level position", async () => {
    const r = await run(box, { charter: (c) => delete c.ip });
    expect(tally(r.findings)).toEqual({ "ip/ownership": 1, "ip/licensing": 1, "ip/revenue-distribution": 1, "ip/breach-liability": 1 });
    // openness/government-funded-diffusion still sees funding.government_funding; P1 is gone with ip.
    for (const f of r.findings) expect([f.line, f.column]).toEqual([1, 1]);
  });

  it("a missing openness section", async () => {
    const r = await run(box, { charter: (c) => delete c.openness });
    expect(tally(r.findings)).toEqual({
      "openness/external-cooperation": 1,
      "openness/result-diffusion": 1,
      "openness/government-funded-diffusion": 1,
    });
    expect(of(r, "openness/external-cooperation")[0].severity).toBe("warning");
  });

  it("text of the wrong type is reported by the rule (wrongType), never also as schema/invalid", async () => {
    const r = await run(box, { charter: (c) => (c.funding.management_rules = ["《经费管理办法》"]) });
    expect(tally(r.findings)).toEqual({ "funding/management-rules": 1 });
    expect(r.findings[0].message).toMatch(/must be text/);
  });
});
