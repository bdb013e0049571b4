// File → LoadedDocument, choosing the reader by extension. Everything that can go wrong with a
// file is a LoadError (→ a `file/unreadable` finding), never an exception: a FIFO is not opened
// for a blocking read, a huge file is refused before it is read, a folder is named as one.
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { extname } from "node:path";
import type { Text } from "../types.js";
import { LIMITS } from "../limits.js";
import { normalizeRoster } from "../model/aliases.js";
import { textFieldMatcher, type SchemaName } from "../schema/schemas.js";
import { decode } from "./decode.js";
import type { LoadResult } from "./document.js";
import { builtinLoaders, type Loader } from "./loaders.js";

const at0 = { line: 1, column: 1 };
const failure = (message: Text): LoadResult => ({ ok: false, error: { message, position: at0 } });

function readBytes(path: string): Uint8Array | LoadResult {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO named charter.yaml must not wait for a writer forever.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return failure(fsError(e));
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return failure({ zh: "这是一个文件夹，不是文件", en: "this is a folder, not a file" });
    if (!st.isFile()) return failure({ zh: "这不是普通文件（可能是管道或设备）", en: "this is not a regular file (a pipe or a device?)" });
    if (st.size > LIMITS.maxFileBytes) {
      return failure({
        zh: `文件大小 ${size(st.size)}，超过 ${size(LIMITS.maxFileBytes)} 的上限；文件未被读取（可用环境变量 ALLIANCE_AUDIT_MAX_FILE_MB 调整上限）`,
        en: `the file is ${size(st.size)}, over the ${size(LIMITS.maxFileBytes)} limit; it was not read (raise the limit with ALLIANCE_AUDIT_MAX_FILE_MB)`,
      });
    }
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } catch (e) {
    return failure(fsError(e));
  } finally {
    closeSync(fd);
  }
}

/** 52428800 → "50.0 MiB", 2048 → "2.0 KiB". */
function size(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

function fsError(e: unknown): Text {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
      return { zh: "文件不存在（可能是失效的符号链接）", en: "the file does not exist (a dangling symbolic link?)" };
    case "EACCES":
    case "EPERM":
      return { zh: "没有读取权限", en: "permission denied" };
    case "ELOOP":
      return { zh: "符号链接形成循环", en: "symbolic link loop" };
    case "EISDIR":
      return { zh: "这是一个文件夹，不是文件", en: "this is a folder, not a file" };
    case "ENXIO":
    case "ENODEV":
      return { zh: "这不是普通文件（可能是套接字或设备）", en: "this is not a regular file (a socket or a device?)" };
    case "ENAMETOOLONG":
      return { zh: "路径太长，操作系统无法打开；请把申报材料移到路径较短的文件夹", en: "the path is too long for the operating system to open; move the proposal to a folder with a shorter path" };
    case "ENOTDIR":
      return { zh: "路径中的某一级不是文件夹", en: "a part of the path is not a folder" };
    default:
      return { zh: `无法读取文件（${code ?? "未知错误"}）`, en: `cannot read the file (${code ?? "unknown error"})` };
  }
}

/**
 * Read and parse one proposal file; an .xlsx roster is a zip, not text, so it is branched off
 * before decoding and its reader is imported only then (a YAML-only audit never loads it).
 */
/**
 * Read one proposal file as the charter or the roster with the loader its name ends in (the
 * registry's loaders; an unknown ending is read as YAML, the format `init` writes).
 */
export async function readProposalFile(path: string, role: SchemaName, loaders: readonly Loader[] = builtinLoaders): Promise<LoadResult> {
  const ext = extname(path).toLowerCase();
  const loader = loaders.find((l) => l.extensions.includes(ext)) ?? loaders.find((l) => l.id === "yaml")!;
  const bytes = readBytes(path);
  if (!(bytes instanceof Uint8Array)) return bytes;
  let result: LoadResult;
  if (loader.binary) result = await loader.load(bytes);
  else {
    const decoded = decode(bytes);
    if (!decoded.ok) return { ok: false, error: { message: decoded.message, position: decoded.position ?? at0 } };
    result = loader.load(decoded.text, { isTextField: textFieldMatcher(role) });
  }
  if (result.ok && role === "members") normalizeRoster(result.doc.data);
  return result;
}

/** Read, decode and parse one text proposal file (YAML, JSON, CSV) synchronously. */
export function readDocument(path: string, role: SchemaName): LoadResult {
  const bytes = readBytes(path);
  if (!(bytes instanceof Uint8Array)) return bytes;
  const decoded = decode(bytes);
  if (!decoded.ok) return { ok: false, error: { message: decoded.message, position: decoded.position ?? at0 } };
  const ext = extname(path).toLowerCase();
  const loader = builtinLoaders.find((l) => !l.binary && l.extensions.includes(ext)) ?? builtinLoaders[0];
  const result = (loader as Extract<Loader, { binary?: false }>).load(decoded.text, { isTextField: textFieldMatcher(role) });
  if (result.ok && role === "members") normalizeRoster(result.doc.data);
  return result;
}
