// The one way alliance-audit writes a file (the report of -o, the baseline): whole or not at all,
// and never through a link. A temporary file is created exclusively in the same folder under an
// unpredictable name (O_CREAT|O_EXCL|O_NOFOLLOW: a name planted in advance, or a link there, makes
// the open fail instead of writing somewhere else), written, flushed to disk (fsync) and renamed
// over the final name. The final name is looked at without following links (lstat): a symbolic
// link there is refused, so a link planted in a checkout (report.json → ~/.bashrc) can neither be
// written through nor silently replaced. A pipe or a device named explicitly (/dev/null, a FIFO)
// is written to, since there is nothing to replace. Temporary files are removed on error and on
// SIGINT/SIGTERM while a write is in flight.
import { randomBytes } from "node:crypto";
import { constants, lstatSync, unlinkSync } from "node:fs";
import { open } from "node:fs/promises";
import { rename } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** An error with a code, as Node's file system errors have. */
export class WriteError extends Error {
  constructor(readonly code: string, message = code) {
    super(message);
  }
}

export interface WriteAtomicOptions {
  /** Called after the data is on disk and before the rename; for tests of interruption. */
  beforeRename?: () => Promise<void>;
}

/** Temporary files being written now: removed if the process is interrupted. */
const inFlight = new Set<string>();
let handlersInstalled = false;

function removeTemporaries(): void {
  for (const t of inFlight) {
    try {
      unlinkSync(t);
    } catch {
      /* already renamed or removed */
    }
  }
  inFlight.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeTemporaries();
  // When nobody else handles the signal (a plain audit), end the process as the signal would
  // have; --watch has its own handler and stops cleanly by itself.
  if (process.listenerCount(signal) === 1) {
    uninstall();
    process.kill(process.pid, signal);
  }
}

function install(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}

function uninstall(): void {
  if (!handlersInstalled) return;
  handlersInstalled = false;
  process.removeListener("SIGINT", onSignal);
  process.removeListener("SIGTERM", onSignal);
}

/** What is at the final name now: "none", "file" (with its mode), "device" (write to it), or an error. */
function finalTarget(file: string): { kind: "none" } | { kind: "file"; mode: number } | { kind: "device" } {
  let st;
  try {
    st = lstatSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { kind: "none" };
    throw e;
  }
  if (st.isSymbolicLink()) throw new WriteError("ESYMLINK", "is a symbolic link");
  if (st.isDirectory()) throw new WriteError("EISDIR");
  if (st.isFIFO() || st.isCharacterDevice()) return { kind: "device" };
  if (!st.isFile()) throw new WriteError("ENOTREG", "not a regular file");
  return { kind: "file", mode: st.mode & 0o7777 };
}

/**
 * Writes `data` to `file` whole or not at all. Throws a WriteError or a Node error (with `code`)
 * that the caller turns into its message; nothing is left behind when it throws.
 */
export async function writeAtomic(file: string, data: string | Uint8Array, options: WriteAtomicOptions = {}): Promise<void> {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const target = finalTarget(file);
  if (target.kind === "device") {
    // O_NOFOLLOW here too: the name was checked with lstat, and must not have become a link since.
    const fd = await open(file, constants.O_WRONLY | constants.O_NOFOLLOW);
    try {
      await fd.write(bytes, 0, bytes.length);
    } finally {
      await fd.close();
    }
    return;
  }
  // 16 random bytes: the name cannot be guessed in advance to plant a link or a file there.
  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(16).toString("hex")}.tmp`);
  install();
  // Only a file this call created is ever removed: when the exclusive open fails, what is at the
  // name (a planted file or link) is someone else's and stays as it is.
  let created = false;
  try {
    const fd = await open(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o666);
    created = true;
    inFlight.add(tmp); // in the same tick as the open's result: a signal cannot come in between
    try {
      for (let off = 0; off < bytes.length; ) off += (await fd.write(bytes, off, bytes.length - off)).bytesWritten;
      if (target.kind === "file") await fd.chmod(target.mode); // replacing a report keeps its permissions
      await fd.sync(); // on disk before the rename: a crash leaves the old file or the new, never a hole
    } finally {
      await fd.close();
    }
    if (!inFlight.has(tmp)) throw new WriteError("EINTR", "interrupted");
    await options.beforeRename?.();
    if (!inFlight.has(tmp)) throw new WriteError("EINTR", "interrupted");
    // The final name once more, just before it is replaced: a link planted meanwhile is refused.
    finalTarget(file);
    await rename(tmp, file);
    inFlight.delete(tmp);
  } catch (e) {
    inFlight.delete(tmp);
    if (created) {
      try {
        unlinkSync(tmp);
      } catch {
        /* already gone (removed by the signal handler) */
      }
    }
    throw e;
  } finally {
    if (inFlight.size === 0) uninstall();
  }
}

/** The reason a write failed, for messages: the error's code, else its message. */
export function writeFailure(e: unknown): string {
  return (e as NodeJS.ErrnoException)?.code ?? (e as Error)?.message ?? String(e);
}
