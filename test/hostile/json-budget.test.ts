// Issue #12, item 10: JSON has the same value budget as YAML. A 10 MB JSON array of millions of
// numbers is refused as file/unreadable naming the limit, counted while parsing (no tree is
// built); a roster within the budget is read as before. No time or memory is asserted.
import { describe, expect, it } from "vitest";
import { loadJson } from "../../src/load/json.js";
import { LIMITS } from "../../src/limits.js";

const asData = { isTextField: () => false };

describe("the JSON value budget", () => {
  it("a file with more values than the limit: refused at the first value over it (en, zh)", () => {
    const n = LIMITS.maxNodes + 10;
    const text = `{"members": [${"1,".repeat(n - 1)}1]}`;
    const r = loadJson(text, asData);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message.en).toBe(`the file holds more than ${LIMITS.maxNodes} values; refused (raise the limit with ALLIANCE_AUDIT_MAX_NODES)`);
    expect(r.error.message.zh).toBe(`文件中的值超过 ${LIMITS.maxNodes} 个，已拒绝读取（可用 ALLIANCE_AUDIT_MAX_NODES 提高限制）`);
    expect(r.error.position.line).toBe(1);
    expect(r.error.position.column).toBeGreaterThan(2 * (LIMITS.maxNodes - 5));
  });

  it("a file at the limit is read", () => {
    const n = LIMITS.maxNodes - 2; // + the object and the array
    const r = loadJson(`{"members": [${"1,".repeat(n - 1)}1]}`, asData);
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.doc.data.members as number[]).length).toBe(n);
  });

  it("deep nesting is still 'too deep', syntax errors still syntax errors", () => {
    const deep = loadJson(`{"a":${"[".repeat(100_000)}`, asData);
    expect(deep.ok).toBe(false);
    const bad = loadJson(`{"a": [1,]}`, asData);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message.en).toMatch(/trailing comma/);
  });
});
