// A report past what one JavaScript string holds (a million findings of a hostile roster within
// the limits) is a clear exit-2 message from every format, never "internal error" (issue #12).
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { formatNames, loadFormatter } from "../../src/format/index.js";
import { ctx, finding, reportOf } from "./helpers.js";

describe("a report too large for one string", () => {
  it("json: a UsageError naming the format and the number of findings (en, zh)", async () => {
    const report = reportOf([finding(), finding()]);
    // JSON.stringify calls toJSON: the RangeError V8 throws past its string length.
    Object.defineProperty(report, "toJSON", { value: () => { throw new RangeError("Invalid string length"); } });
    const json = (await loadFormatter("json"))!;
    let caught: unknown;
    try {
      json(report, ctx());
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as UsageError).text.en).toBe("the report is too large to write as json (2 findings); audit in parts (--shard) or use --format csv");
    expect((caught as UsageError).text.zh).toBe("报告太大（2 个问题），无法以 json 格式一次写出；请分批审核（--shard）或改用 --format csv");
  });

  it("other errors pass through unchanged, and an ordinary report formats as before (every format)", async () => {
    const report = reportOf([finding()]);
    for (const name of formatNames()) expect(typeof (await loadFormatter(name))!(report, ctx())).toBe("string");
    const broken = reportOf([finding()]);
    Object.defineProperty(broken, "toJSON", { value: () => { throw new TypeError("boom"); } });
    const json = (await loadFormatter("json"))!;
    expect(() => json(broken, ctx())).toThrow(TypeError);
  });
});
