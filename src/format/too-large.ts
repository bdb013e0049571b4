// A report past what one JavaScript string holds (about 512 MiB: a roster within the limits whose
// every value is wrong has a million findings, and its JSON or HTML report is larger) makes V8
// throw `RangeError: Invalid string length` while a format builds its text. That is a limit of
// the run, said as an exit-2 message, never "internal error" (issue #12).
import { UsageError } from "../errors.js";

/** The exit-2 error for a report too large to format, or undefined when `e` is something else. */
export function reportTooLarge(e: unknown, format: string): UsageError | undefined {
  if (!(e instanceof RangeError) || !/string length/i.test(e.message)) return undefined;
  return new UsageError({
    zh: `报告太大，无法以 ${format} 格式一次写出；请分批审核（--shard）或改用 --format csv`,
    en: `the report is too large to write as ${format}; audit in parts (--shard) or use --format csv`,
  });
}

/** `make()`'s text; a report too large for one string becomes the exit-2 error above. */
export function formatted(make: () => string, format: string): string {
  try {
    return make();
  } catch (e) {
    throw reportTooLarge(e, format) ?? e;
  }
}
