// A report past what one JavaScript string holds (a million findings of a hostile roster within
// the limits) is a clear exit-2 message, never "internal error" (issue #12).
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { json } from "../../src/format/json.js";
import { formatted, reportTooLarge } from "../../src/format/too-large.js";
import { ctx, finding, reportOf } from "./helpers.js";

describe("a report too large for one string", () => {
  it("V8's RangeError becomes a UsageError naming the format (en, zh)", () => {
    const report = reportOf([finding(), finding()]);
    // JSON.stringify calls toJSON: here it throws what V8 throws past its string length.
    Object.defineProperty(report, "toJSON", { value: () => { throw new RangeError("Invalid string length"); } });
    let caught: unknown;
    try {
      formatted(() => json(report, ctx()), "json");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as UsageError).text.en).toBe("the report is too large to write as json; audit in parts (--shard) or use --format csv");
    expect((caught as UsageError).text.zh).toBe("报告太大，无法以 json 格式一次写出；请分批审核（--shard）或改用 --format csv");
  });

  it("other errors pass through unchanged; an ordinary report formats as before", () => {
    expect(reportTooLarge(new TypeError("Invalid string length"), "json")).toBeUndefined();
    expect(reportTooLarge(new RangeError("Maximum call stack size exceeded"), "json")).toBeUndefined();
    expect(() => formatted(() => { throw new TypeError("boom"); }, "json")).toThrow(TypeError);
    const report = reportOf([finding()]);
    expect(formatted(() => json(report, ctx()), "json")).toBe(json(report, ctx()));
  });
});
