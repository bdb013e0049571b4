// Where the cache lives. By default in the user's cache folder ($XDG_CACHE_HOME/alliance-audit,
// else ~/.cache/alliance-audit), never inside the audited tree: a cache in a checkout could be
// committed. `--cache-location` names a file, or a folder (an existing one, or a path ending in
// a separator) to hold one file per working folder, as ESLint's option does.
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve, sep } from "node:path";

/** The user's cache folder for alliance-audit (also where the HMAC key is kept). */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  // XDG: a relative value is invalid and must be ignored.
  const base = xdg && resolve(xdg) === xdg ? xdg : join(homedir(), ".cache");
  return join(base, "alliance-audit");
}

/** The cache file for a run in `cwd`: one per working folder inside a cache folder. */
export function cacheFile(location: string | undefined, cwd: string): string {
  const name = `cache-${createHash("sha256").update(cwd).digest("hex").slice(0, 16)}.json`;
  if (location === undefined) return join(userCacheDir(), name);
  const abs = resolve(cwd, location);
  if (location.endsWith("/") || location.endsWith(sep) || isDirectory(abs)) return join(abs, name);
  return abs;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
