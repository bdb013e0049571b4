import type { Formatter } from "./types.js";

/** The JSON report, version 1, exactly the object `audit()` returns. */
export const json: Formatter = (report) => JSON.stringify(report, null, 2) + "\n";
