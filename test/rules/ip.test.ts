// 条件（五）: the counting rules of ip/allocation-gap and ip/revenue-shares-gap (rules.md), and
// ip/not-agreed-in-advance.
import { afterAll, describe, expect, it } from "vitest";
import { Sandbox, of, run, tally, type Data } from "../helpers/proposal.js";

const box = new Sandbox();
afterAll(() => box.cleanup());

const project = (c: Data, id: string): Data => (c.ip.projects as Data[]).find((p) => p.id === id)!;

describe("ip/allocation-gap", () => {
  it("a project without ownership is covered by the general ip.ownership (A1)", async () => {
    const r = await run(box, { charter: (c) => delete project(c, "P2").ownership });
    expect(r.findings).toEqual([]);
  });

  it("a project without ownership and no general ip.ownership: one finding for the project, besides ip/ownership", async () => {
    const r = await run(box, {
      charter: (c) => {
        delete project(c, "P2").ownership;
        delete c.ip.ownership;
      },
    });
    expect(tally(r.findings)).toEqual({ "ip/allocation-gap": 1, "ip/ownership": 1 });
    const gap = r.findings.find((f) => f.ruleId === "ip/allocation-gap")!;
    expect(gap.pointer).toBe("/ip/projects/1");
    expect(gap.message).toMatch(/P2.*no ownership shares/);
  });

  it("an ownership method in words passes; a placeholder is no method (A1)", async () => {
    const words = await run(box, { charter: (c) => (project(c, "P2").ownership = "独立完成的归完成方所有，共同完成的归全体参与方共有") });
    expect(words.findings).toEqual([]);
    const placeholder = await run(box, {
      charter: (c) => {
        project(c, "P2").ownership = "待定。";
        delete c.ip.ownership;
      },
    });
    expect(tally(placeholder.findings)).toEqual({ "ip/allocation-gap": 1, "ip/ownership": 1 });
  });

  it("an empty ownership mapping counts as none", async () => {
    const r = await run(box, {
      charter: (c) => {
        project(c, "P2").ownership = {};
        c.ip.ownership = "待定";
      },
    });
    expect(tally(r.findings)).toEqual({ "ip/allocation-gap": 1, "ip/ownership": 1 });
  });

  it("one for the sum, one per participant without a share, one per share of a roster non-participant", async () => {
    const r = await run(box, {
      charter: (c) => {
        // P2: participants M03, M04, M05. M04 and M05 get nothing, M01 and M02 are not participants.
        project(c, "P2").ownership = { M03: 40, M01: 30, M02: 20 };
      },
    });
    expect(tally(r.findings)).toEqual({ "ip/allocation-gap": 5 });
    const msgs = of(r, "ip/allocation-gap").map((f) => f.message);
    expect(msgs.filter((m) => /sum to 90%/.test(m))).toHaveLength(1);
    expect(msgs.filter((m) => /participant .* has no ownership/.test(m))).toHaveLength(2);
    expect(msgs.filter((m) => /not a participant/.test(m))).toHaveLength(2);
    // A non-participant's share points at its key.
    const f = of(r, "ip/allocation-gap").find((x) => x.pointer === "/ip/projects/1/ownership/M01")!;
    expect(f).toBeDefined();
  });

  it("a key that is no roster id is ref/unknown-member instead (the sum is still checked)", async () => {
    const r = await run(box, { charter: (c) => (project(c, "P2").ownership = { M03: 40, M04: 30, M05: 20, X99: 5 }) });
    expect(tally(r.findings)).toEqual({ "ip/allocation-gap": 1, "ref/unknown-member": 1 });
    expect(of(r, "ip/allocation-gap")[0].message).toMatch(/95%/);
    expect(of(r, "ref/unknown-member")[0].pointer).toBe("/ip/projects/1/ownership/X99");
  });

  it("sums within ±0.01 of 100 pass", async () => {
    const ok = await run(box, { charter: (c) => (project(c, "P2").ownership = { M03: 33.333, M04: 33.333, M05: 33.334 }) });
    expect(ok.findings).toEqual([]);
    const ok2 = await run(box, { charter: (c) => (project(c, "P2").ownership = { M03: 40, M04: 30, M05: 30.005 }) });
    expect(ok2.findings).toEqual([]);
    // The bounds are inclusive, whatever floating point makes of the sum (40 + 30 + 30.01 = 100.01000000000001).
    const upper = await run(box, { charter: (c) => (project(c, "P2").ownership = { M03: 40, M04: 30, M05: 30.01 }) });
    expect(upper.findings).toEqual([]);
    const lower = await run(box, { charter: (c) => (project(c, "P2").ownership = { M03: 40, M04: 30, M05: 29.99 }) });
    expect(lower.findings).toEqual([]);
    const off = await run(box, { charter: (c) => (project(c, "P2").ownership = { M03: 40, M04: 30, M05: 30.02 }) });
    expect(tally(off.findings)).toEqual({ "ip/allocation-gap": 1 });
  });

  it("a share that is not a number is schema/invalid; the sum is then not reported", async () => {
    const r = await run(box, { charter: (c) => (project(c, "P1").ownership.M01 = "60%") });
    expect(tally(r.findings)).toEqual({ "schema/invalid": 1 });
    expect(r.findings[0].pointer).toBe("/ip/projects/0/ownership/M01");
  });

  it("counts per project", async () => {
    const r = await run(box, {
      charter: (c) => {
        delete project(c, "P1").ownership;
        delete c.ip.ownership;
        project(c, "P2").ownership.M05 = 10;
      },
    });
    expect(tally(r.findings)).toEqual({ "ip/allocation-gap": 2, "ip/ownership": 1 });
  });
});

describe("ip/revenue-shares-gap", () => {
  it("absent revenue_shares are fine", async () => {
    const r = await run(box, { charter: (c) => delete project(c, "P1").revenue_shares });
    expect(r.findings).toEqual([]);
  });

  it("given but empty: covered by ip.revenue_distribution; without it, one finding", async () => {
    expect((await run(box, { charter: (c) => (project(c, "P1").revenue_shares = {}) })).findings).toEqual([]);
    const r = await run(box, {
      charter: (c) => {
        project(c, "P1").revenue_shares = {};
        delete c.ip.revenue_distribution;
      },
    });
    expect(tally(r.findings)).toEqual({ "ip/revenue-shares-gap": 1, "ip/revenue-distribution": 1 });
  });

  it("counted the same way as ownership", async () => {
    // P1: participants M01, M02. M02 has no share, M03 is not a participant, the sum is 100.
    const r = await run(box, { charter: (c) => (project(c, "P1").revenue_shares = { M01: 50, M03: 50 }) });
    expect(tally(r.findings)).toEqual({ "ip/revenue-shares-gap": 2 });
    const r2 = await run(box, { charter: (c) => (project(c, "P1").revenue_shares = { M01: 50, M03: 40 }) });
    expect(tally(r2.findings)).toEqual({ "ip/revenue-shares-gap": 3 });
  });
});

describe("ip/not-agreed-in-advance", () => {
  it("compares with signed_date, else effective_date; one per project", async () => {
    const early = (c: Data) => {
      project(c, "P1").start_date = "2024-03-18";
      project(c, "P2").start_date = "2024-03-18";
    };
    // signed 2024-03-15: both projects started after it.
    expect((await run(box, { charter: early })).findings).toEqual([]);
    const r = await run(box, {
      charter: (c) => {
        early(c);
        delete c.agreement.signed_date; // effective 2024-03-20
      },
    });
    expect(tally(r.findings)).toEqual({ "ip/not-agreed-in-advance": 2 });
    expect(r.findings.every((f) => f.severity === "warning")).toBe(true);
    expect(r.status).toBe("pass");
  });
});
