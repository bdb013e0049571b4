// -o FILE: the report is written whole or not at all (temporary file in the same folder, then
// rename), so a CI step never picks up half a SARIF file. A report is never written over a
// proposal file: the tool does not change the files it audits.
import { chmodSync, closeSync, lstatSync, openSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";
import { CHARTER_NAMES, MEMBERS_NAMES } from "../discover.js";
import { UsageError } from "../errors.js";

export function writeOutput(file: string, text: string): void {
  const name = basename(file);
  if (CHARTER_NAMES.includes(name) || MEMBERS_NAMES.includes(name)) {
    throw new UsageError({
      zh: `不会把报告写入 ${file}：这是申报材料的文件名，alliance-audit 从不改写被审核的文件；请换一个文件名（如 report.json）`,
      en: `will not write the report to ${file}: that is the name of a proposal file, and alliance-audit never changes the files it audits; choose another name (report.json, say)`,
    });
  }
  // The process's own stdout/stderr by name (CI scripts write `-o /dev/stdout`): written through
  // the stream, which works whatever the descriptor is (a socket cannot be opened by path).
  const std = /^\/dev\/(stdout|stderr)$|^\/(?:dev|proc\/self)\/fd\/([12])$/.exec(file)?.slice(1).find(Boolean);
  if (std) {
    (std === "stdout" || std === "1" ? process.stdout : process.stderr).write(text);
    return;
  }
  let mode: number | undefined;
  try {
    const st = lstatSync(file);
    if (st.isDirectory()) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
    if (st.isFIFO() || st.isCharacterDevice()) {
      // A pipe or a terminal/device named explicitly (/dev/null, a FIFO): written to, since there
      // is nothing to replace atomically and renaming over it would replace the device node.
      writeWhole(file, text, "w");
      return;
    }
    if (st.isFile()) mode = st.mode & 0o7777; // replacing a report keeps its permissions
    else if (!st.isSymbolicLink()) throw Object.assign(new Error("not a regular file"), { code: "ENOTREG" });
    // A symbolic link is replaced by the report, never written through: a link planted in a
    // checkout (report.json → ~/.bashrc) must not make the report overwrite its target.
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") fail(file, e);
  }
  const tmp = join(dirname(file), `.${name}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    writeWhole(tmp, text, "wx");
    if (mode !== undefined) chmodSync(tmp, mode);
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing was written */
    }
    fail(file, e);
  }
}

function writeWhole(path: string, text: string, flags: "w" | "wx"): void {
  const fd = openSync(path, flags, 0o666);
  try {
    const buf = Buffer.from(text, "utf8");
    for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
  } finally {
    closeSync(fd);
  }
}

function fail(file: string, e: unknown): never {
  const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  throw new UsageError({
    zh: `无法写入报告文件 ${file}（${reason}）；请检查文件夹是否存在且可写`,
    en: `cannot write the report to ${file} (${reason}); check that the folder exists and is writable`,
  });
}
