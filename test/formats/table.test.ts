// stylish's summary table (src/format/table.ts) is drawn exactly as cli-table3 drew it — checked
// against cli-table3 itself on many tables, with and without colours — in work linear in its rows
// (cli-table3's grows with their square: 80,000 merged proposals took seven minutes; issue #12).
import Table from "cli-table3";
import { createRequire } from "node:module";
import { Chalk } from "chalk";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderTable } from "../../src/format/table.js";
import { countOps } from "../hostile/op-counter.js";

const c = new Chalk({ level: 1 });
// cli-table3 colours through @colors/colors, which turns itself off where it guesses no colour
// support (CI, no terminal): switch it on, so that the comparison does not depend on where it runs.
createRequire(import.meta.url)("@colors/colors/safe").enable();
const viaCliTable3 = (head: string[], rows: (string | number)[][], color: boolean) => {
  const t = new Table({ head, style: { head: color ? ["bold"] : [], border: color ? ["grey"] : [] } });
  for (const r of rows) t.push(r);
  return t.toString();
};

const cell = fc.oneof(
  fc.constantFrom("", "p", "batch/a-1", "申报材料", "长名字联盟", "pass", c.red("未通过"), c.green("pass"), c.magenta("unaudited"), "😀x", "a b  c"),
  fc.nat(100000),
  fc.string({ maxLength: 12 }).map((s) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, "")),
);

describe("renderTable", () => {
  it("is byte for byte cli-table3's table (head, rows, CJK, colours, numbers, no rows)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 6 }), fc.boolean(), (n, rows, color) => {
        const head = ["proposal", "结果", "errors", "warnings", "info"].slice(0, n);
        const body = rows.map((r) => r.slice(0, n));
        expect(renderTable(head, body, { color })).toBe(viaCliTable3(head, body, color));
      }),
      { numRuns: 300, seed: 12 },
    );
  });

  it("does work linear in its rows", async () => {
    const ops = async (n: number) => (await countOps(async () => renderTable(["a", "b"], Array.from({ length: n }, (_, i) => [`p${i}`, i]), { color: false }))).ops;
    const [small, large] = [await ops(2000), await ops(8000)];
    expect(large / small).toBeLessThanOrEqual(6);
  });
});
