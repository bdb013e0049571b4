// The shipped profiles (examples/profiles/*.yaml) audit their example proposals with exactly the
// findings their notices call for: each proposal passes under its profile as written, and each
// requirement, broken in a copy, gives its finding (citing the notice first). The README there
// shows the same runs through the command line (test/examples/examples.test.ts checks its output).
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ProposalReport } from "../../src/types.js";
import { ROOT } from "../helpers/cli.js";
import { auditWith, creditCode, Sandbox } from "./helpers.js";

const box = new Sandbox();
afterAll(() => box.cleanup());
const PROFILES = join(ROOT, "examples", "profiles");
const profileFile = (name: string) => join(PROFILES, `${name}.yaml`);

/** A copy of an example proposal with its texts edited (each edit must change something). */
function variant(example: string, edit: { charter?: (t: string) => string; members?: (t: string) => string } = {}): string {
  const dir = box.dir();
  cpSync(join(ROOT, "examples", example), dir, { recursive: true });
  for (const [file, f] of [["charter.yaml", edit.charter], ["members.yaml", edit.members]] as const) {
    if (!f) continue;
    const before = readFileSync(join(dir, file), "utf8");
    const after = f(before);
    if (after === before) throw new Error(`the edit of ${example}/${file} changed nothing: the example changed, update this test`);
    writeFileSync(join(dir, file), after);
  }
  return dir;
}
const summary = (p: ProposalReport) => p.findings.map((f) => [f.ruleId, f.severity, f.citation?.document]);
/** Replace the n-th credit code of a roster text by `code`. */
const recode = (t: string, id: string, code: string) => t.replace(new RegExp(`(id: ${id}\\n(?:    .*\\n)*?    credit_code: )\\S+`), `$1${code}`);

describe("shanxi.yaml (山西 2023: lead in 14, ≥ 10 core members, normally ≤ 30)", () => {
  const SX = "山西省产业技术创新战略联盟组建要求（2023）";
  it("passes its example proposal (11 members, 10 core, lead in 太原)", async () => {
    const p = await auditWith(variant("profiles/shanxi"), profileFile("shanxi"));
    expect(p.status).toBe("pass");
    expect(p.findings).toEqual([]);
  });

  it("fails with 9 core members", async () => {
    const p = await auditWith(variant("profiles/shanxi", { members: (t) => t.replace(/(id: M10\n(?:    .*\n)*?    core: )true/, "$1false") }), profileFile("shanxi"));
    expect(summary(p)).toEqual([["members/min-members", "error", SX]]);
    expect(p.findings[0].data).toMatchObject({ count: 9, min: 10 });
    expect(p.status).toBe("fail");
  });

  it("fails with the lead unit registered in 北京", async () => {
    const p = await auditWith(variant("profiles/shanxi", { charter: (t) => t.replace("lead_member: M01", "lead_member: M11") }), profileFile("shanxi"));
    expect(summary(p)).toEqual([["members/lead-in-region", "error", SX]]);
  });

  it("warns (and still passes) above 30 members", async () => {
    const extra = Array.from({ length: 20 }, (_, i) => `  - id: X${i + 1}\n    name: 山西测试成员${i + 1}有限公司\n    type: enterprise\n    credit_code: ${creditCode("140100", 500 + i)}\n    legal_representative: 测试${i + 1}\n    core: false\n`).join("");
    const dir = variant("profiles/shanxi", { members: (t) => t + extra });
    const p = await auditWith(dir, profileFile("shanxi"));
    const max = p.findings.filter((f) => f.ruleId === "members/max-members");
    expect(max.map((f) => [f.severity, f.data])).toEqual([["warning", { count: 31, max: 30 }]]);
  });

  it("fails the national example: 5 members, the lead in 黑龙江", async () => {
    const p = await auditWith(variant("compliant-national"), profileFile("shanxi"));
    expect(summary(p)).toEqual([
      ["members/min-members", "error", SX],
      ["members/lead-in-region", "error", SX],
    ]);
  });
});

describe("henan.yaml (豫科〔2013〕146号: lead in 41, members mainly in 河南 — min_share 0.5)", () => {
  const HN = "豫科〔2013〕146号";
  it("passes its example proposal (4 of 6 members in 河南)", async () => {
    const p = await auditWith(variant("profiles/henan"), profileFile("henan"));
    expect(p.findings).toEqual([]);
  });

  it("passes with exactly half in 河南, fails below half", async () => {
    const half = variant("profiles/henan", { members: (t) => recode(t, "M04", creditCode("110108", 41)) });
    expect((await auditWith(half, profileFile("henan"))).findings).toEqual([]);
    const below = variant("profiles/henan", { members: (t) => recode(recode(t, "M04", creditCode("110108", 41)), "M03", creditCode("320500", 42)) });
    const p = await auditWith(below, profileFile("henan"));
    expect(summary(p)).toEqual([["members/in-region-share", "error", HN]]);
    expect(p.findings[0].data).toMatchObject({ inside: 2, total: 6, share: "33.3%", min: "50%" });
  });

  it("fails with the lead unit outside 河南", async () => {
    const p = await auditWith(variant("profiles/henan", { charter: (t) => t.replace("lead_member: M01", "lead_member: M05") }), profileFile("henan"));
    expect(summary(p)).toEqual([["members/lead-in-region", "error", HN]]);
  });

  it("fails the national example: no member in 河南", async () => {
    const p = await auditWith(variant("compliant-national"), profileFile("henan"));
    expect(summary(p)).toEqual([
      ["members/in-region-share", "error", HN],
      ["members/lead-in-region", "error", HN],
    ]);
  });
});

describe("hangzhou.yaml (杭科策〔2013〕163号: operated at least 6 months; lead in 3301, a warning)", () => {
  const HZ = "杭科策〔2013〕163号";
  it("passes its example proposal on 2025-06-01 (14 months since 2024-03-20)", async () => {
    expect((await auditWith(variant("profiles/hangzhou"), profileFile("hangzhou"))).findings).toEqual([]);
    expect((await auditWith(variant("profiles/hangzhou"), profileFile("hangzhou"), { asOf: "2024-09-20" })).findings).toEqual([]);
  });

  it("fails before half a year: 5 whole months on 2024-09-19", async () => {
    const p = await auditWith(variant("profiles/hangzhou"), profileFile("hangzhou"), { asOf: "2024-09-19" });
    expect(summary(p)).toEqual([["alliance/operating-time", "error", HZ]]);
    expect(p.findings[0].data).toMatchObject({ months: 5, min: 6, from: "2024-03-20" });
  });

  it("warns, and passes, with the lead unit registered in 上海", async () => {
    const p = await auditWith(variant("profiles/hangzhou", { charter: (t) => t.replace("lead_member: M01", "lead_member: M05") }), profileFile("hangzhou"));
    expect(summary(p)).toEqual([["members/lead-in-region", "warning", HZ]]);
    expect(p.status).toBe("pass");
  });
});

describe("the shipped profiles", () => {
  for (const name of ["shanxi", "henan", "hangzhou"]) {
    it(`${name}.yaml has a name, sources and the note to check it against the notice in force`, () => {
      const text = readFileSync(profileFile(name), "utf8");
      expect(text).toMatch(/^# [\s\S]*CHECK THIS AGAINST THE NOTICE IN FORCE/);
      expect(text).toMatch(/^extends: national$/m);
      expect(text).toMatch(/^name: \{ zh: .+, en: .+ \}$/m);
      expect(text).toMatch(/^sources:\n {2}\S+: \{ title: /m);
    });

    it(`its example proposal is compliant under the built-in profiles too (${name})`, async () => {
      for (const base of ["national", "heilongjiang"]) {
        const p = await auditWith(variant(`profiles/${name}`), base);
        expect(p.status, base).toBe("pass");
        expect(p.counts.error + p.counts.warning, base).toBe(0);
      }
    });
  }
});
