// 条件（二） agreement: signatures (the warning-vs-error case), tasks, dates and the HLJ term.
import { afterAll, describe, expect, it } from "vitest";
import { Sandbox, of, removeWhere, run, tally, type Data } from "../helpers/proposal.js";

const box = new Sandbox();
afterAll(() => box.cleanup());

const sig = (c: Data, id: string): Data => (c.agreement.signatures as Data[]).find((s) => s.member === id)!;
const task = (c: Data, id: string): Data => (c.agreement.task_division as Data[]).find((s) => s.member === id)!;

describe("agreement/signatory-not-legal-rep", () => {
  it("authorized agent with an authorization: a warning, and the proposal still passes", async () => {
    const r = await run(box, {
      charter: (c) => Object.assign(sig(c, "M04"), { signatory: "钱小红", capacity: "authorized_agent", authorization: "授权委托书 2024-011" }),
    });
    expect(tally(r.findings)).toEqual({ "agreement/signatory-not-legal-rep": 1 });
    const [f] = r.findings;
    expect(f.severity).toBe("warning");
    expect(f.pointer).toBe("/agreement/signatures/3/authorization");
    expect(f.message).toContain("授权委托书 2024-011");
    expect(r.status).toBe("pass");
    expect(r.counts).toEqual({ error: 0, warning: 1, info: 0 });
  });

  it("authorized agent without an authorization: an error", async () => {
    const r = await run(box, { charter: (c) => Object.assign(sig(c, "M04"), { signatory: "钱小红", capacity: "authorized_agent" }) });
    expect(tally(r.findings)).toEqual({ "agreement/signatory-not-legal-rep": 1 });
    expect(r.findings[0].severity).toBe("error");
    expect(r.status).toBe("fail");
  });

  it("authorized agent with a placeholder authorization: an error", async () => {
    const r = await run(box, { charter: (c) => Object.assign(sig(c, "M04"), { capacity: "authorized_agent", authorization: "待补充" }) });
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([["agreement/signatory-not-legal-rep", "error"]]);
  });

  it("legal representative capacity, or none, with another name: an error at the signatory", async () => {
    for (const capacity of ["legal_representative", undefined]) {
      const r = await run(box, {
        charter: (c) => {
          sig(c, "M05").signatory = "孙国";
          if (capacity === undefined) delete sig(c, "M05").capacity;
        },
      });
      expect(tally(r.findings)).toEqual({ "agreement/signatory-not-legal-rep": 1 });
      expect(r.findings[0].severity).toBe("error");
      expect(r.findings[0].pointer).toBe("/agreement/signatures/4/signatory");
      expect(r.findings[0].message).toContain("孙国栋");
    }
  });

  it("one finding per signature", async () => {
    const r = await run(box, {
      charter: (c) => {
        sig(c, "M01").signatory = "王立";
        sig(c, "M02").signatory = "陈远";
        Object.assign(sig(c, "M03"), { capacity: "authorized_agent", authorization: "授权书" });
      },
    });
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ["agreement/signatory-not-legal-rep", "error"],
      ["agreement/signatory-not-legal-rep", "error"],
      ["agreement/signatory-not-legal-rep", "warning"],
    ]);
  });

  it("a missing signatory is an error", async () => {
    const r = await run(box, { charter: (c) => delete sig(c, "M01").signatory });
    expect(tally(r.findings)).toEqual({ "agreement/signatory-not-legal-rep": 1 });
  });

  it("a signature for an unknown member is ref/unknown-member only; the member meant is still unsigned", async () => {
    const r = await run(box, { charter: (c) => Object.assign(sig(c, "M05"), { member: "M5", signatory: "某人" }) });
    expect(tally(r.findings)).toEqual({ "ref/unknown-member": 1, "agreement/unsigned": 1 });
    expect(of(r, "agreement/unsigned")[0].message).toContain("M05");
  });
});

describe("agreement/unsigned", () => {
  it("one finding per member without a signature", async () => {
    const r = await run(box, {
      charter: (c) => {
        removeWhere(c.agreement.signatures, (s: Data) => s.member === "M02");
        removeWhere(c.agreement.signatures, (s: Data) => s.member === "M04");
      },
    });
    expect(tally(r.findings)).toEqual({ "agreement/unsigned": 2 });
    expect(r.findings.map((f) => f.message).join("\n")).toMatch(/M02[\s\S]*M04|M04[\s\S]*M02/);
  });

  it("no signatures at all: every member", async () => {
    const r = await run(box, { charter: (c) => delete c.agreement.signatures });
    expect(tally(r.findings)).toEqual({ "agreement/unsigned": 5 });
  });
});

describe("agreement/member-without-task", () => {
  it("one finding per member; an entry whose tasks are all placeholders counts as none", async () => {
    const r = await run(box, {
      charter: (c) => {
        removeWhere(c.agreement.task_division, (e: Data) => e.member === "M05");
        task(c, "M04").tasks = ["待定", ""];
      },
    });
    expect(tally(r.findings)).toEqual({ "agreement/member-without-task": 2 });
    const f = of(r, "agreement/member-without-task").find((x) => x.message.includes("M04"))!;
    expect(f.pointer).toBe("/agreement/task_division/3/tasks");
    expect(f.message).toMatch(/no real task/);
  });

  it("is not fired when agreement/task-division fires (an empty list)", async () => {
    const r = await run(box, { charter: (c) => (c.agreement.task_division = []) });
    expect(tally(r.findings)).toEqual({ "agreement/task-division": 1 });
  });
});

describe("agreement/signature-date", () => {
  it("one finding per signature without a date or dated after the as-of date", async () => {
    const r = await run(box, {
      charter: (c) => {
        delete sig(c, "M01").date;
        delete sig(c, "M02").date;
      },
    });
    expect(tally(r.findings)).toEqual({ "agreement/signature-date": 2 });
  });

  it("a date on the as-of date is fine, the day after is not", async () => {
    const ok = await run(box, { charter: (c) => (sig(c, "M01").date = "2024-03-15"), asOf: "2024-03-20" });
    expect(ok.findings).toEqual([]);
    const late = await run(box, { charter: (c) => (sig(c, "M01").date = "2024-03-21"), asOf: "2024-03-20" });
    expect(tally(late.findings)).toEqual({ "agreement/signature-date": 1, "agreement/effective-before-signed": 1 });
    expect(of(late, "agreement/signature-date")[0].message).toContain("2024-03-21");
  });

  it("a malformed date is schema/invalid, not a signature-date finding", async () => {
    const r = await run(box, { charter: (c) => (sig(c, "M01").date = "2024-02-30") });
    expect(tally(r.findings)).toEqual({ "schema/invalid": 1 });
  });
});

describe("agreement/effective-before-signed", () => {
  it("once per proposal, however many signatures are later; future dates included", async () => {
    const r = await run(box, {
      charter: (c) => {
        sig(c, "M01").date = "2024-03-25";
        sig(c, "M02").date = "2024-03-26";
        sig(c, "M03").date = "2099-01-01";
      },
    });
    expect(tally(r.findings)).toEqual({ "agreement/effective-before-signed": 1, "agreement/signature-date": 1 });
    expect(of(r, "agreement/effective-before-signed")[0].message).toContain("2099-01-01");
    expect(of(r, "agreement/effective-before-signed")[0].pointer).toBe("/agreement/effective_date");
  });
});

describe("agreement/expired", () => {
  it("uses effective_date + term_years when there is no expiry_date", async () => {
    const r = await run(box, {
      charter: (c) => {
        delete c.agreement.expiry_date;
        c.agreement.term_years = 1;
      },
    });
    expect(tally(r.findings)).toEqual({ "agreement/expired": 1 });
    expect(r.findings[0].pointer).toBe("/agreement/term_years");
    expect(r.findings[0].message).toContain("2025-03-20");
  });

  it("does not fire when the end cannot be determined (national)", async () => {
    const r = await run(box, { charter: (c) => delete c.agreement.expiry_date });
    expect(r.findings).toEqual([]);
  });

  it("heilongjiang: an expired agreement of a valid term is only agreement/expired", async () => {
    const r = await run(box, { asOf: "2028-01-01" }, "heilongjiang");
    expect(tally(r.findings)).toEqual({ "agreement/expired": 1 });
  });
});

describe("agreement/term (heilongjiang)", () => {
  const term = async (mutate: (a: Data) => void) => {
    const r = await run(box, { charter: (c) => mutate(c.agreement) }, "heilongjiang");
    return r;
  };

  it("36 months is the lower bound: one day short is 35 months", async () => {
    expect((await term((a) => (a.expiry_date = "2027-03-19"))).findings).toEqual([]);
    // 2027-03-18 is 36 months from the signing on 2024-03-15 (A4: either measure passes).
    expect((await term((a) => (a.expiry_date = "2027-03-18"))).findings).toEqual([]);
    const r = await term((a) => (a.expiry_date = "2027-03-13"));
    expect(tally(r.findings)).toEqual({ "agreement/term": 1 });
    expect(r.findings[0].message).toMatch(/35 months/);
    expect(r.findings[0].pointer).toBe("/agreement/expiry_date");
  });

  it("60 months is the upper bound", async () => {
    expect((await term((a) => (a.expiry_date = "2029-03-19"))).findings).toEqual([]);
    const r = await term((a) => (a.expiry_date = "2029-04-19"));
    expect(r.findings.map((f) => f.message)).toEqual([expect.stringMatching(/61 months/)]);
  });

  it("starts from signed_date when there is no effective_date", async () => {
    const within = await term((a) => {
      delete a.effective_date;
      a.expiry_date = "2027-03-14"; // 2024-03-15 … 2027-03-15: 36 months
    });
    expect(within.findings).toEqual([]);
    const short = await term((a) => {
      delete a.effective_date;
      a.expiry_date = "2027-03-13";
    });
    expect(tally(short.findings)).toEqual({ "agreement/term": 1 });
  });

  it("falls back to term_years when a date is missing", async () => {
    const ok = await term((a) => {
      delete a.expiry_date;
      a.term_years = 5;
    });
    expect(ok.findings).toEqual([]);
    const long = await term((a) => {
      delete a.expiry_date;
      a.term_years = 6;
    });
    expect(tally(long.findings)).toEqual({ "agreement/term": 1 });
    expect(long.findings[0].pointer).toBe("/agreement/term_years");
    const short = await term((a) => {
      delete a.expiry_date;
      a.term_years = 2;
    });
    // Two years from 2024-03-20 run to 2026-03-20: not expired on 2025-06-01.
    expect(tally(short.findings)).toEqual({ "agreement/term": 1 });
    expect(short.findings[0].message).toMatch(/24 months/);
  });

  it("fires when the term cannot be determined; national does not check it", async () => {
    const r = await term((a) => delete a.expiry_date);
    expect(tally(r.findings)).toEqual({ "agreement/term": 1 });
    expect(r.findings[0].message).toMatch(/cannot be determined/);
    const n = await run(box, { charter: (c) => delete c.agreement.expiry_date }, "national");
    expect(n.findings).toEqual([]);
  });
});

describe("agreement/exit-mechanism (heilongjiang)", () => {
  it("a missing withdrawal fires under heilongjiang only", async () => {
    const m = { charter: (c: Data) => delete c.agreement.membership.withdrawal };
    expect(tally((await run(box, m, "heilongjiang")).findings)).toEqual({ "agreement/exit-mechanism": 1 });
    expect((await run(box, m, "national")).findings).toEqual([]);
  });

  it("a missing membership section fires both exit-mechanism and openness/new-members", async () => {
    const r = await run(box, { charter: (c) => delete c.agreement.membership }, "heilongjiang");
    expect(tally(r.findings)).toEqual({ "agreement/exit-mechanism": 1, "openness/new-members": 1 });
    // The position is that of the closest enclosing key: agreement.
    for (const f of r.findings) expect(f.line).toBe(8);
  });
});
