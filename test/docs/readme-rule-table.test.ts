// The README's rule table is generated from the rule objects (npm run docs); these tests keep the
// committed README current and check that the table says what the rules say.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { README_TABLE_BEGIN, README_TABLE_END, readmeRuleTable, withReadmeRuleTable } from "../../src/docs/rule-docs.js";
import { RULES } from "../../src/rules/index.js";

const readme = () => readFileSync("README.md", "utf8");

describe("README rule table", () => {
  it("is current (run `npm run docs` after changing a rule)", () => {
    expect(readme()).toBe(withReadmeRuleTable(readme()));
  });

  it("lists every rule of src/rules exactly once, with both severities", () => {
    const table = readmeRuleTable();
    for (const r of RULES) {
      const rows = table.split("\n").filter((l) => l.includes(`[\`${r.id}\`]`));
      expect(rows, r.id).toHaveLength(1);
      const cells = rows[0].split(" | ");
      expect(cells[2], r.id).toBe(r.severity.national ?? "—");
      expect(cells[3], r.id).toBe(r.severity.heilongjiang ?? "—");
      expect(rows[0], r.id).toContain(r.title.en);
      expect(rows[0], r.id).toContain(r.title.zh);
    }
    expect(table.split("\n")).toHaveLength(RULES.length + 2);
  });

  it("cites no clause for tool rules and the Heilongjiang article first under heilongjiang", () => {
    const row = (id: string) => readmeRuleTable().split("\n").find((l) => l.includes(`[\`${id}\`]`))!;
    expect(row("schema/unknown-key")).toMatch(/\| — \| — \|$/);
    expect(row("agreement/unsigned")).toMatch(/\| N 第八条（二） \| HLJ 第6条 \+ N 第八条（二） \|$/);
    expect(row("agreement/term")).toMatch(/\| — \| error \|.*\| — \| HLJ 第6条 \|$/);
  });

  it("replaces only the marked region, and refuses a README without one", () => {
    const text = `before\n${README_TABLE_BEGIN}\nstale\n${README_TABLE_END}\nafter\n`;
    const out = withReadmeRuleTable(text);
    expect(out.startsWith(`before\n${README_TABLE_BEGIN}\n| condition |`)).toBe(true);
    expect(out.endsWith(`\n${README_TABLE_END}\nafter\n`)).toBe(true);
    expect(out).not.toContain("stale");
    expect(withReadmeRuleTable(out)).toBe(out);
    expect(() => withReadmeRuleTable("no markers")).toThrow(/rule table region/);
  });
});
