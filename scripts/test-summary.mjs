// Prints the closing lines of a CI run from vitest's JSON reports: one line per suite and a total,
// in the plain form "N passed, N failed, N skipped" that log readers recognise whatever the runner.
// A report that is missing (its run crashed before writing it) counts as a failure, and so does a
// test file that failed without a failing test (it could not be imported).
// Usage: node scripts/test-summary.mjs unit=test/.artifacts/unit.json integration=…
import { readFileSync } from "node:fs";

const total = { passed: 0, failed: 0, skipped: 0 };
let missing = false;
for (const arg of process.argv.slice(2)) {
  const [label, file] = arg.includes("=") ? arg.split(/=(.*)/s) : [arg, arg];
  let r;
  try {
    r = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    console.log(`${label}: no report (${file}); counted as failed`);
    missing = true;
    total.failed += 1;
    continue;
  }
  const counts = { passed: r.numPassedTests ?? 0, failed: r.numFailedTests || r.numFailedTestSuites || 0, skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) };
  for (const k of Object.keys(total)) total[k] += counts[k];
  console.log(`${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = missing || total.failed > 0 ? 1 : 0;
