// Every registered formatter is a pure function of the report: the same report gives the same
// bytes, twice, from two audits of the same files, and the report is never modified.
import { describe, expect, it } from "vitest";
import { formatNames, loadFormatter } from "../../src/format/index.js";
import { auditFixtures, ctx, frozen } from "./helpers.js";

describe("formatters", () => {
  it("registers sarif, junit, github and markdown", () => {
    expect(formatNames()).toEqual(expect.arrayContaining(["sarif", "junit", "github", "markdown"]));
  });

  for (const name of formatNames()) {
    it(`${name}: same report, same bytes; the report is not modified`, async () => {
      const format = (await loadFormatter(name))!;
      const [a, b] = [await auditFixtures(), await auditFixtures()];
      for (const c of [ctx(), ctx({ lang: "zh", failOn: "warning" })]) {
        const once = format(frozen(a), c);
        expect(once.length).toBeGreaterThan(0);
        expect(format(a, c)).toBe(once);
        expect(format(b, c)).toBe(once);
      }
    });
  }
});
