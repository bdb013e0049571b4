// 条件（一） composition: how many findings each rule makes (rules.md), and the roster's aliases.
import { afterAll, describe, expect, it } from "vitest";
import { Sandbox, member, of, run, tally } from "../helpers/proposal.js";

const box = new Sandbox();
afterAll(() => box.cleanup());

describe("members/not-independent", () => {
  it("gives one finding per member, at each member's independent_legal_person", async () => {
    const r = await run(box, {
      members: (m) => {
        member(m, "M04").independent_legal_person = false;
        member(m, "M05").independent_legal_person = false;
      },
    });
    expect(tally(r.findings)).toEqual({ "members/not-independent": 2 });
    const fs = of(r, "members/not-independent");
    expect(fs.map((f) => f.pointer)).toEqual(["/members/3/independent_legal_person", "/members/4/independent_legal_person"]);
    expect(fs[0].file).toBe("members.yaml");
    expect(fs[0].line).not.toBe(fs[1].line);
    expect(fs[0].message).toContain("M04");
  });

  it("counts only independent legal persons with distinct codes for members/min-legal-entities", async () => {
    // Two independent members left, but they share one credit code: one distinct code.
    const r = await run(box, {
      members: (m) => {
        for (const id of ["M03", "M04", "M05"]) member(m, id).independent_legal_person = false;
        member(m, "M02").credit_code = member(m, "M01").credit_code;
      },
    });
    // M02 (a university) now holds an enterprise's code: members/type-mismatch too (B2).
    expect(tally(r.findings)).toEqual({ "members/min-legal-entities": 1, "members/not-independent": 3, "members/duplicate": 1, "members/type-mismatch": 1 });
    expect(of(r, "members/min-legal-entities")[0].message).toMatch(/only 1 member/);
  });
});

describe("members/credit-code-invalid", () => {
  it("gives one finding per member, with a message that says what is wrong", async () => {
    const r = await run(box, {
      members: (m) => {
        delete member(m, "M01").credit_code;
        member(m, "M02").credit_code = "12230000412005676e"; // lower case
        member(m, "M03").credit_code = "12230000414003121"; // 17 characters
        member(m, "M04").credit_code = "91230110MA18XK5P7A"; // wrong 18th character
        member(m, "M05").credit_code = "91350100M000100Y56"; // 18th right, organization code check wrong
      },
    });
    expect(tally(r.findings)).toEqual({ "members/credit-code-invalid": 5 });
    const msg = Object.fromEntries(of(r, "members/credit-code-invalid").map((f) => [f.pointer, f.message]));
    expect(msg["/members/0/credit_code"]).toMatch(/has no unified social credit code/);
    expect(msg["/members/1/credit_code"]).toMatch(/lower-case/);
    expect(msg["/members/2/credit_code"]).toMatch(/not 18 characters/);
    expect(msg["/members/3/credit_code"]).toMatch(/check character/);
    expect(msg["/members/4/credit_code"]).toMatch(/organization code/);
  });

  it("a missing code points at the member (closest enclosing key), not at 1:1", async () => {
    const r = await run(box, { members: (m) => delete member(m, "M03").credit_code });
    const [f] = of(r, "members/credit-code-invalid");
    expect(f.line).toBeGreaterThan(1);
  });
});

describe("members/duplicate", () => {
  it("an entry repeating both the name and the credit code of an earlier one gives two findings", async () => {
    const r = await run(box, {
      members: (m) => {
        const a = member(m, "M04");
        const b = member(m, "M05");
        b.name = a.name;
        b.credit_code = a.credit_code;
      },
    });
    expect(tally(r.findings)).toEqual({ "members/duplicate": 2 });
    expect(of(r, "members/duplicate").map((f) => f.pointer).sort()).toEqual(["/members/4/credit_code", "/members/4/name"]);
    expect(of(r, "members/duplicate")[0].message).toMatch(/#4/); // names the first use
  });

  it("a repeated id is one finding; the first entry with the id wins", async () => {
    const r = await run(box, {
      members: (m) => {
        m.members.push({ ...member(m, "M05"), name: "长春沈北轻合金装备有限公司", credit_code: "91350100M000100Y43" });
      },
    });
    expect(tally(r.findings)).toEqual({ "members/duplicate": 1 });
    expect(of(r, "members/duplicate")[0].pointer).toBe("/members/5/id");
  });

  it("one finding per repeated entry: a name used three times gives two", async () => {
    const r = await run(box, {
      members: (m) => {
        member(m, "M04").name = member(m, "M05").name = member(m, "M01").name;
      },
    });
    expect(tally(r.findings)).toEqual({ "members/duplicate": 2 });
  });

  it("compares trimmed values", async () => {
    const r = await run(box, { members: (m) => (member(m, "M05").name = ` ${member(m, "M04").name}  `) });
    expect(tally(r.findings)).toEqual({ "members/duplicate": 1 });
  });
});

describe("backbone, frontier and lead", () => {
  it("backbone on a non-enterprise does not count", async () => {
    const r = await run(box, {
      members: (m) => {
        delete member(m, "M01").backbone;
        member(m, "M02").backbone = true;
      },
    });
    expect(tally(r.findings)).toEqual({ "members/enterprise-backbone": 1 });
    expect(r.findings[0].severity).toBe("warning");
    expect(r.status).toBe("pass");
  });

  it("frontier on an enterprise does not count", async () => {
    const r = await run(box, {
      members: (m) => {
        for (const id of ["M02", "M03"]) delete member(m, id).frontier;
        member(m, "M01").frontier = true;
      },
    });
    expect(tally(r.findings)).toEqual({ "members/academic-frontier": 1 });
  });

  it("an unknown lead is ref/unknown-member only", async () => {
    const r = await run(box, { charter: (c) => (c.alliance.lead_member = "M99") });
    expect(tally(r.findings)).toEqual({ "ref/unknown-member": 1 });
  });

  it("names the lead and its type", async () => {
    const r = await run(box, { charter: (c) => (c.alliance.lead_member = "M03") });
    expect(of(r, "members/lead-not-enterprise")[0].message).toMatch(/M03.*research_institute/);
  });
});

describe("members/provincial-institute", () => {
  it("is an info finding under heilongjiang that does not fail the proposal", async () => {
    const r = await run(box, { members: (m) => delete member(m, "M03").provincial_institute }, "heilongjiang");
    expect(tally(r.findings)).toEqual({ "members/provincial-institute": 1 });
    expect(r.findings[0].severity).toBe("info");
    expect(r.status).toBe("pass");
    expect(r.counts).toEqual({ error: 0, warning: 0, info: 1 });
  });
});

describe("type aliases in YAML", () => {
  it("企业 / 高校 / 大学 / 科研机构 / 科研院所 are accepted", async () => {
    const r = await run(box, {
      members: (m) => {
        member(m, "M01").type = "企业";
        member(m, "M02").type = "高校";
        member(m, "M03").type = "科研机构";
        member(m, "M04").type = "企业";
      },
    });
    expect(r.findings).toEqual([]);
    const r2 = await run(box, {
      members: (m) => {
        member(m, "M02").type = "大学";
        member(m, "M03").type = "科研院所";
      },
    });
    expect(r2.findings).toEqual([]);
  });

  it("an unknown type is schema/invalid, and does not count as academic", async () => {
    const r = await run(box, {
      members: (m) => {
        // 学校 and 研究所 are type words since revision 2 (C4); these are not.
        member(m, "M02").type = "学府";
        member(m, "M03").type = "实验基地";
      },
    });
    expect(tally(r.findings)).toEqual({ "schema/invalid": 2, "members/academic-required": 1 });
  });
});
