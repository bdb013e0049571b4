// Runs the built CLI (bin/alliance-audit.js → dist, so `npm run build` first) as a user would:
// its own process, a chosen working folder, no colours, English unless the test says otherwise.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = join(ROOT, "bin", "alliance-audit.js");

export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", LANG: "en_US.UTF-8", ...extra };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  delete env.FORCE_COLOR;
  delete env.DEBUG;
  if (extra.LC_ALL) env.LC_ALL = extra.LC_ALL;
  return env;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], cwd: string, env: Record<string, string> = {}): CliResult {
  if (!existsSync(join(ROOT, "dist"))) throw new Error("the CLI is not built: run `npm run build` before the tests");
  const r: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...args], { cwd, env: cliEnv(env), encoding: "utf8", timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The JSON report of a CLI run with --format json. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function json(r: CliResult): any {
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(`not a JSON report (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
}
