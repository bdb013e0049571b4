// Issue #12 item 10: CSV has the same value budget as YAML and JSON. A roster within the 10 MiB
// file limit can hold millions of one-character cells (385,000 rows of ten took 285 s and ran out
// of memory with a native stack); it is refused as file/unreadable naming the limit, counted
// before anything is parsed. A roster within the budget is read as before. No time is asserted.
import { describe, expect, it } from "vitest";
import { loadCsv } from "../../src/load/csv.js";
import { LIMITS } from "../../src/limits.js";

const HEADER = "编号,单位名称,单位类型,统一社会信用代码,法定代表人,独立法人,所在省份,行业骨干,前沿水平,省属科研院所";
const rows = (n: number) => Array.from({ length: n }, (_, i) => `X${i},a,b,c,d,e,f,g,h,i`).join("\n");

describe("the CSV value budget", () => {
  it("more cells than the limit: refused at the first cell over it (en, zh)", () => {
    const n = LIMITS.maxNodes / 10 + 5; // header + n rows of 10 cells
    const r = loadCsv(`${HEADER}\n${rows(n)}\n`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message.en).toBe(`the file holds more than ${LIMITS.maxNodes} values; refused (raise the limit with ALLIANCE_AUDIT_MAX_NODES)`);
    expect(r.error.message.zh).toBe(`文件中的值超过 ${LIMITS.maxNodes} 个，已拒绝读取（可用 ALLIANCE_AUDIT_MAX_NODES 提高限制）`);
    // The header is 10 cells, so the cell over the budget is on the row of the last full 10.
    expect(r.error.position.line).toBe(LIMITS.maxNodes / 10 + 1);
  });

  it("one enormous row counts too (the check is per cell, not per line)", () => {
    const r = loadCsv(`${HEADER}\n${"x,".repeat(LIMITS.maxNodes + 1)}x\n`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.en).toMatch(/more than \d+ values/);
  });

  it("a roster at the limit is read (the check does not fire)", () => {
    const n = LIMITS.maxNodes / 10 - 1; // + the header: exactly the limit
    const r = loadCsv(`${HEADER}\n${rows(n)}\n`);
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.doc.data.members as unknown[]).length).toBe(n);
  });

  it("quoted commas and line breaks are one cell, not several", () => {
    const quoted = `${HEADER}\nM01,"a,b,c","多行\n文本",c,d,e,f,g,h,i\n`;
    const r = loadCsv(quoted);
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.doc.data.members as Record<string, unknown>[])[0].name).toBe("a,b,c");
  });
});
