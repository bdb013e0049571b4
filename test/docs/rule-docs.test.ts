import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allRuleDocs } from "../../src/docs/rule-docs.js";
import { RULES } from "../../src/rules/index.js";

describe("docs/rules", () => {
  it("has a page for every rule, as the rule objects render it (run `npm run docs` after changing a rule)", () => {
    const pages = allRuleDocs();
    expect(pages.size).toBe(RULES.length + 1);
    for (const [path, text] of pages) {
      expect(readFileSync(join("docs", "rules", path), "utf8"), path).toBe(text);
    }
  });
});
