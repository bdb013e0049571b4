// Issue #12 item 10: no quadratic paths. Each test audits an input of size n and of size 4n with
// an injected operation counter on (test/hostile/op-counter.ts: elements visited by Array
// methods, Map/Set lookups, Math.min calls of an edit distance) and compares the counts: linear
// work grows 4×, quadratic work 16×. The bound is 6× — room for n log n sorting, none for n².
// No clock is read, so the test says the same on a slow machine as on a fast one.
//
// Paths that were quadratic: every schema error compared with every finding (a roster of bare
// ids), every member looked up in every task-division entry, every unknown reference compared
// with every member, an edit distance between a 100,000-character reference and a
// 100,000-character id; and the ignore-glob matcher (checked by counting its steps).
import { afterAll, describe, expect, it } from "vitest";
import { audit } from "../../src/audit.js";
import { loadFormatter } from "../../src/format/index.js";
import { compileGlob, matchGlob, type Glob } from "../../src/fs/glob.js";
import { rulesMeta } from "../../src/registry/meta.js";
import type { Report } from "../../src/types.js";
import { AS_OF, Sandbox, charterText, membersText } from "./helpers.js";
import { countOps } from "./op-counter.js";

/** At most this much more work for 4× the input (linear: 4; quadratic: 16). */
const GROWTH = 6;
const N = 600;

const box = new Sandbox("alliance-audit-growth-");
afterAll(() => box.cleanup());

const roster = (n: number, member: (i: number) => string) => membersText().trimEnd() + "\n" + Array.from({ length: n }, (_, i) => member(i)).join("\n") + "\n";
const fullMember = (i: number) => `- id: X${i}\n  name: 测试企业${i}有限公司\n  type: enterprise\n  credit_code: 91230100MA1B2C3D8M\n  legal_representative: 测试${i}\n  province: 黑龙江省`;
const withTasks = (ch: string, n: number, id: (i: number) => string) => ch.replace("  task_division:\n", "  task_division:\n" + Array.from({ length: n }, (_, i) => `  - member: ${id(i)}\n    tasks:\n    - 任务${i}\n`).join(""));
const withSignatures = (ch: string, n: number) => ch.replace("  signatures:\n", "  signatures:\n" + Array.from({ length: n }, (_, i) => `  - member: X${i}\n    signatory: 测试${i}\n    capacity: legal_representative\n    date: '2024-03-15'\n`).join(""));

const CASES: { title: string; files: (n: number) => Record<string, string | null>; expect: (r: Report, n: number) => void }[] = [
  {
    title: "a YAML roster of bare ids (a schema error per member, each checked against the rules' findings)",
    files: (n) => ({ "members.yaml": roster(n, (i) => `- id: X${i}`) }),
    expect: (r, n) => expect(r.proposals[0].findings.filter((f) => f.ruleId === "schema/invalid").length).toBeGreaterThanOrEqual(n),
  },
  {
    title: "a CSV roster of bare ids",
    files: (n) => ({ "members.yaml": null, "members.csv": "编号\n" + Array.from({ length: n }, (_, i) => `X${i}`).join("\n") + "\n" }),
    expect: (r, n) => expect(r.proposals[0].findings.filter((f) => f.ruleId === "agreement/unsigned").length).toBe(n),
  },
  {
    title: "members with tasks and signatures (every member looked up in the task division and the signatures)",
    files: (n) => ({ "charter.yaml": withSignatures(withTasks(charterText(), n, (i) => `X${i}`), n), "members.yaml": roster(n, fullMember) }),
    expect: (r) => expect(r.proposals[0].findings.filter((f) => f.ruleId.startsWith("agreement/"))).toEqual([]),
  },
  {
    title: "unknown references against a large roster (a suggestion for each)",
    files: (n) => ({ "charter.yaml": withTasks(charterText(), n, (i) => `Y${i}`), "members.yaml": roster(n, fullMember) }),
    expect: (r, n) => expect(r.proposals[0].findings.filter((f) => f.ruleId === "ref/unknown-member").length).toBe(n),
  },
  {
    title: "one long unknown reference against a long id (the did-you-mean is not an edit distance over both)",
    files: (n) => ({
      "charter.yaml": charterText().replace("lead_member: M01", `lead_member: M${"a".repeat(n * 20)}`),
      "members.yaml": membersText().replace("id: M05", `id: M${"b".repeat(n * 20)}`),
    }),
    expect: (r) => expect(r.proposals[0].findings.some((f) => f.ruleId === "ref/unknown-member")).toBe(true),
  },
];

async function opsFor(dir: string): Promise<{ ops: number; report: Report }> {
  const { result, ops } = await countOps(() => audit({ paths: [dir], cwd: box.root, asOf: AS_OF, lang: "en", jobs: 1 }));
  return { ops, report: result };
}

describe("audit work grows linearly with the input (counted operations, no clock)", () => {
  CASES.forEach((c, k) => {
    it(c.title, async () => {
      const counts: number[] = [];
      for (const n of [N, 4 * N]) {
        const dir = `case${k}-${n}`;
        box.proposal(dir, c.files(n));
        const { ops, report } = await opsFor(dir);
        c.expect(report, n);
        counts.push(ops);
      }
      expect(counts[0]).toBeGreaterThan(0); // the counter counts
      expect(counts[1] / counts[0], `operations ${counts[0]} → ${counts[1]}`).toBeLessThanOrEqual(GROWTH);
    }, 120_000);
  });

  it("the counter sees quadratic work when there is some (the check can fail)", async () => {
    const quadratic = async (n: number) => {
      const xs = Array.from({ length: n }, (_, i) => i);
      return (await countOps(async () => xs.filter((x) => xs.includes(x + 1)).length)).ops;
    };
    expect((await quadratic(4 * N)) / (await quadratic(N))).toBeGreaterThan(GROWTH);
    const edit = async (n: number) => (await countOps(async () => (await import("../../src/similar.js")).levenshtein("a".repeat(n), "b".repeat(n)))).ops;
    expect((await edit(400)) / (await edit(100))).toBeGreaterThan(GROWTH);
  });
});

describe("every format's work grows linearly with the proposals (a merged report of 80,000 took minutes in stylish)", () => {
  let base: Report;
  const batch = (n: number): Report => {
    const proposals = Array.from({ length: n }, (_, i) => ({ ...base.proposals[i % base.proposals.length], path: `p${String(i).padStart(6, "0")}` }));
    return { ...base, proposals, summary: { ...base.summary, proposals: n } };
  };
  for (const format of ["stylish", "markdown", "html", "junit", "csv", "github", "sarif"]) {
    it(format, async () => {
      if (!base) {
        box.proposal("fmt/bad", { "charter.yaml": charterText().replace("lead_member: M01", "lead_member: M99") });
        box.proposal("fmt/ok");
        base = await audit({ paths: ["fmt"], cwd: box.root, asOf: AS_OF, lang: "en", jobs: 1 });
      }
      const f = (await loadFormatter(format))!;
      const ctx = { lang: "en" as const, color: false, failOn: "error" as const, rules: rulesMeta("national") };
      const [small, large] = [batch(N), batch(4 * N)];
      const a = (await countOps(async () => f(small, ctx))).ops;
      const b = (await countOps(async () => f(large, ctx))).ops;
      expect(b / a, `operations ${a} → ${b}`).toBeLessThanOrEqual(GROWTH);
    }, 120_000);
  }
});

/** A compiled glob whose tokens count every time the matcher looks at one: its steps. */
function counted(source: string): { glob: Glob; steps: () => number } {
  let steps = 0;
  const glob = compileGlob(source);
  const wrap = (tok: object) =>
    new Proxy(tok, {
      get(target, key, receiver) {
        if (key === "t") steps++;
        return Reflect.get(target, key, receiver);
      },
    });
  const alternatives = glob.alternatives.map((alt) => alt.map((seg) => (seg === "**" ? seg : seg.map(wrap))));
  return { glob: { ...glob, alternatives } as Glob, steps: () => steps };
}

describe("ignore globs are matched in linear time (counted steps)", () => {
  const EVIL = "*a*a*a*a*a*a*a*a*a*a*b/**";
  it(`${EVIL} against ever longer folder names of a's: steps grow with the name, not exponentially`, () => {
    const steps: number[] = [];
    for (const n of [100, 400, 1600]) {
      const g = counted(EVIL);
      expect(matchGlob(g.glob, `${"a".repeat(n)}/charter.yaml`)).toBe(false);
      steps.push(g.steps());
    }
    // O(glob × name): 4× the name is at most 4× the steps (and some slack), never 16× or more.
    expect(steps[1] / steps[0]).toBeLessThanOrEqual(GROWTH);
    expect(steps[2] / steps[1]).toBeLessThanOrEqual(GROWTH);
    expect(steps[2]).toBeLessThanOrEqual(30 * 1600); // a bounded number of passes over the name
  });

  it("the same glob still matches what it should", () => {
    const g = counted(EVIL);
    expect(matchGlob(g.glob, `${"a".repeat(100)}b/x/charter.yaml`)).toBe(true);
    expect(g.steps()).toBeGreaterThan(0);
  });

  it("`**` over deep paths: linear in the number of segments", () => {
    const steps: number[] = [];
    for (const depth of [50, 200]) {
      const g = counted("**/x*/**/y*/**/z");
      expect(matchGlob(g.glob, Array.from({ length: depth }, () => "xa/ya").join("/") + "/q")).toBe(false);
      steps.push(g.steps());
    }
    expect(steps[1] / steps[0]).toBeLessThanOrEqual(GROWTH);
  });
});
