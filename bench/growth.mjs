// How audit time grows with the roster: 1k, 10k and 100k members, as YAML and as CSV, each run
// through the built CLI (npm run build first). Prints the time per size and the ratio per 10×
// more members; linear growth is 10, the goal is at most 15 (issue #12, item 10). Nothing is
// asserted: this is a measurement to read, not a test (timings depend on the machine).
//
//   node bench/growth.mjs            # sizes 1000 10000 100000
//   node bench/growth.mjs 1000 10000 # other sizes
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const BIN = join(ROOT, "bin", "alliance-audit.js");
const FIX = join(ROOT, "test", "fixtures", "hostile");
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(1000, 10000, 100000);

// Distinct, valid unified social credit codes (GB 32100-2015 check character), so the roster is
// realistic: no duplicate-code findings swamp what is measured.
const CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function creditCode(i) {
  const body = `91230100MA${i.toString(31).toUpperCase().padStart(7, "0").split("").map((c) => CHARS[parseInt(c, 31)]).join("")}`.slice(0, 17);
  const sum = [...body].reduce((s, c, k) => s + CHARS.indexOf(c) * W[k], 0);
  const check = (31 - (sum % 31)) % 31;
  return body + CHARS[check];
}

function yamlRoster(n) {
  const base = readFileSync(join(FIX, "compliant-national", "members.yaml"), "utf8").trimEnd();
  const extra = [];
  for (let i = 0; i < n; i++) {
    extra.push(`- id: X${i}\n  name: 黑龙江测试企业${i}有限公司\n  type: enterprise\n  credit_code: ${creditCode(i)}\n  legal_representative: 测试${i}\n  province: 黑龙江省`);
  }
  return `${base}\n${extra.join("\n")}\n`;
}

function csvRoster(n) {
  const base = new TextDecoder("gb18030").decode(readFileSync(join(FIX, "csv-roster-gbk", "members.csv"))).replace(/\r\n/g, "\n").trimEnd();
  const extra = [];
  for (let i = 0; i < n; i++) extra.push(`X${i},黑龙江测试企业${i}有限公司,企业,${creditCode(i)},测试${i},是,黑龙江省,否,否,否`);
  return `${base}\n${extra.join("\n")}\n`;
}

const work = mkdtempSync(join(tmpdir(), "alliance-audit-growth-"));
// Large rosters are over the default limits on purpose: raised for this measurement only.
const env = { ...process.env, ALLIANCE_AUDIT_MAX_FILE_MB: "200", ALLIANCE_AUDIT_MAX_NODES: "100000000", NO_COLOR: "1" };

function time(dir) {
  const t0 = process.hrtime.bigint();
  try {
    execFileSync(process.execPath, [BIN, dir, "--as-of", "2025-06-01", "--format", "json", "-o", join(work, "report.json")], { env, stdio: "ignore" });
  } catch (e) {
    if (e.status !== 1) throw e; // 1: findings, fine; anything else is a broken run
  }
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

try {
  for (const [kind, make, charterFrom, rosterName] of [
    ["yaml", yamlRoster, "compliant-national", "members.yaml"],
    ["csv", csvRoster, "csv-roster-gbk", "members.csv"],
  ]) {
    let previous;
    for (const n of sizes) {
      const dir = join(work, `${kind}-${n}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "charter.yaml"), readFileSync(join(FIX, charterFrom, "charter.yaml")));
      writeFileSync(join(dir, rosterName), make(n));
      const ms = time(dir);
      const ratio = previous ? ms / previous.ms / (n / previous.n / 10) : undefined;
      console.log(`${kind.padEnd(4)} ${String(n).padStart(7)} members  ${ms.toFixed(0).padStart(7)} ms${ratio === undefined ? "" : `  ×${ratio.toFixed(1)} per 10× ${ratio <= 15 ? "(goal ≤ 15: met)" : "(goal ≤ 15: NOT met)"}`}`);
      previous = { n, ms };
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
