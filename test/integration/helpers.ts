// Shared by the integration tests: running commands outside the vitest process, with an
// environment that does not leak the `npm run` that started vitest into the npm they run.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { cpSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const VERSION: string = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
export const TARBALL = `alliance-audit-${VERSION}.tgz`;
/** The date rules compare with, so that the examples' findings do not change with the calendar. */
export const AS_OF = "2025-06-01";

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Set when the command could not be started (ENOENT: not installed). */
  error?: Error;
}

/**
 * The environment for a child npm: `npm run test:integration` exports its own configuration as
 * npm_config_* (prefix, local prefix, …) and npm_package_*, which would steer the child npm to
 * this checkout. Only the cache and registry settings are kept, so that the child uses the same
 * (warm) cache as `npm ci` did.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const keep = new Set(["npm_config_cache", "npm_config_registry", "npm_config_userconfig"]);
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) && !keep.has(k.toLowerCase())) continue;
    env[k] = v;
  }
  // No colours, no update notices: the output is compared as text.
  return { ...env, NO_COLOR: "1", FORCE_COLOR: "0", npm_config_update_notifier: "false", ...extra };
}

export function run(command: string, args: string[], options: SpawnSyncOptions = {}): Ran {
  const r = spawnSync(command, args, { encoding: "utf8", env: childEnv(), maxBuffer: 64 * 1024 * 1024, ...options });
  return { status: r.status, stdout: String(r.stdout ?? ""), stderr: String(r.stderr ?? ""), error: r.error };
}

/** Whether `command --version` runs: the tool is installed and on PATH. */
export function hasCommand(command: string): boolean {
  const r = run(command, ["--version"]);
  return !r.error && r.status === 0;
}

/** Prints why a suite is skipped, so that the CI log says it (vitest only counts skips). */
export function skipReason(file: string, reason: string): void {
  console.warn(`${file}: skipped: ${reason}`);
}

/** Copies an example proposal folder of this checkout to `dest`. */
export function copyExample(name: string, dest: string): void {
  mkdirSync(dirname(dest), { recursive: true });
  cpSync(join(ROOT, "examples", name), dest, { recursive: true });
}

/** npm's error codes for a registry that cannot be reached (offline machine, no DNS, proxy). */
export const NETWORK_ERROR = /\b(ENOTCACHED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|ECONNRESET|ENETUNREACH|EHOSTUNREACH)\b/;
