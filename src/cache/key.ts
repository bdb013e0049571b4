// The secret that authenticates cache entries (an HMAC key), kept in the user's cache folder with
// mode 0600 — never beside a --cache-location, which may lie in a repository: a cache file
// committed in a pull request, without the key, cannot make an unaudited proposal pass.
import { randomBytes } from "node:crypto";
import { closeSync, constants, fstatSync, mkdirSync, openSync, readSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import { userCacheDir } from "./location.js";

const KEY_BYTES = 32;

/** The key, created on first use; undefined when it cannot be kept safely (the cache is then off). */
export function cacheKey(dir: string = userCacheDir()): Buffer | undefined {
  const file = join(dir, "hmac.key");
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch {
    return undefined;
  }
  const existing = readKey(file);
  if (existing) return existing;
  // Absent, short, or readable by others: make a new one (exclusively, so two runs agree).
  try {
    unlinkSync(file);
  } catch {
    /* absent */
  }
  try {
    const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
    try {
      writeSync(fd, randomBytes(KEY_BYTES));
    } finally {
      closeSync(fd);
    }
  } catch {
    // Another run created it in between: use theirs.
  }
  return readKey(file);
}

function readKey(file: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size !== KEY_BYTES) return undefined;
    // A key others can read (or one not ours) authenticates nothing.
    if (process.platform !== "win32" && ((st.mode & 0o077) !== 0 || (process.getuid && st.uid !== process.getuid()))) return undefined;
    const buf = Buffer.alloc(KEY_BYTES);
    return readSync(fd, buf, 0, KEY_BYTES, 0) === KEY_BYTES ? buf : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}
