// Runs the BUILT command line (bin/alliance-audit.js → dist) in its own process, as a user would.
//
// `npm test` expects a prior build: `npm ci` / `npm install` run it through `prepare`, and
// `npm run build` does it by hand. When the files the launcher imports are missing, `ensureBuilt()`
// builds once (a lock folder keeps two test files from building at the same time). A dist older
// than src is NOT rebuilt here, because other test files may be running the binary at that moment;
// a warning says to run `npm run build`.
import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = join(ROOT, "bin", "alliance-audit.js");
const LOCK = join(ROOT, "node_modules", ".cache", "alliance-audit-test-build.lock");

/** The dist files the launcher needs: what bin/alliance-audit.js imports, and the validators. */
function builtFiles(): string[] {
  const bin = readFileSync(BIN, "utf8");
  const imports = [...bin.matchAll(/from\s+["']\.\.\/(dist\/[^"']+)["']/g)].map((m) => join(ROOT, m[1]));
  return [...imports, join(ROOT, "dist", "validators", "charter.cjs"), join(ROOT, "dist", "validators", "members.cjs")];
}
const isBuilt = () => builtFiles().every((f) => existsSync(f));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function ensureBuilt(): Promise<void> {
  if (!isBuilt()) {
    mkdirSync(join(ROOT, "node_modules", ".cache"), { recursive: true });
    for (let waited = 0; ; waited += 250) {
      try {
        mkdirSync(LOCK); // atomic: whoever creates it builds
        break;
      } catch {
        if (isBuilt()) return;
        // A lock left by a killed run: take it over after two minutes.
        if (waited > 120_000) rmSync(LOCK, { recursive: true, force: true });
        await sleep(250);
      }
    }
    try {
      if (!isBuilt()) {
        const r = spawnSync("npm", ["run", "build"], { cwd: ROOT, encoding: "utf8", shell: process.platform === "win32" });
        if (r.status !== 0) throw new Error(`npm run build failed:\n${r.stdout}\n${r.stderr}`);
      }
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
    return;
  }
  const built = Math.min(...builtFiles().map((f) => statSync(f).mtimeMs));
  if (newestMtime(join(ROOT, "src")) > built) {
    console.warn("alliance-audit tests: dist/ is older than src/; the CLI tests run the old build (run `npm run build`).");
  }
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A clean environment: no colours, English, no debug output, no locale from the caller. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ["LC_ALL", "LC_MESSAGES", "LANG", "FORCE_COLOR", "DEBUG", "NO_COLOR"]) delete env[k];
  return { ...env, NO_COLOR: "1", LANG: "C", ...extra };
}

/** Run the CLI (asynchronously, so that a test file's runs do not block the worker). */
export function cli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: cliEnv(env), encoding: "utf8", timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as NodeJS.ErrnoException).code === "number" ? ((error as unknown as { code: number }).code) : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The JSON report of a run with --format json. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function json(r: CliResult): any {
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(`not a JSON report (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
}
