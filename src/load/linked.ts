// The agreement documents a charter links (`agreement.documents`, documents.md §3): each entry is
// read through the document library, or carries why it could not be. Only files inside the
// proposal's folder (after resolving symbolic links) are read; an absolute path or one that leaves
// the folder is never opened. The readers are imported only when a charter links a document.
import { realpathSync, statSync } from "node:fs";
import { extname, isAbsolute, relative, resolve, sep } from "node:path";
import type { Article, Block, DocumentFormat, SplitDocument } from "../documents/index.js";
import type { Text } from "../types.js";

/** At most this many linked documents are read: each may be 50 MiB (DOC_LIMITS). */
export const MAX_LINKED_DOCUMENTS = 20;

interface LinkedBase {
  /** Position in `agreement.documents` (for the `/agreement/documents/i` pointer). */
  index: number;
  /** The entry as written in the charter. */
  entry: string;
  /** The file as the report shows it (relative to the cwd, '/' separators). */
  file: string;
}

export interface ReadableDocument extends LinkedBase {
  ok: true;
  format: DocumentFormat;
  blocks: readonly Block[];
  /** The document's articles (documents.md §3 "Articles"). */
  articles: readonly Article[];
  hasArticles: boolean;
}

export interface UnavailableDocument extends LinkedBase {
  ok: false;
  /** missing: absent, a folder, or outside the proposal folder; unreadable: the reader refused it. */
  problem: "missing" | "unreadable";
  reason: Text;
}

export type LinkedDocument = ReadableDocument | UnavailableDocument;

const OUTSIDE: Text = { zh: "位于申报材料文件夹之外（绝对路径、“..”或指向外部的符号链接），未读取；请把文档放进该文件夹并写相对路径", en: "lies outside the proposal folder (an absolute path, \"..\" or a symbolic link out); it was not read: put the document in the folder and link it by a relative path" };
const NOT_FOUND: Text = { zh: "文件不存在；请检查文件名（含扩展名）", en: "the file does not exist; check the name and its extension" };
const FOLDER: Text = { zh: "这是一个文件夹，不是文件", en: "this is a folder, not a file" };
const NOT_TEXT: Text = { zh: "不是文件名（应为文本，如 联盟协议.docx）", en: "not a file name (write text such as 联盟协议.docx)" };
const TOO_MANY: Text = { zh: `链接的文档超过 ${MAX_LINKED_DOCUMENTS} 个，其余未读取`, en: `more than ${MAX_LINKED_DOCUMENTS} documents are linked; the rest were not read` };

function inside(dir: string, abs: string): boolean {
  const rel = relative(dir, abs);
  return rel !== "" && !isAbsolute(rel) && rel.split(sep)[0] !== "..";
}

/** The entries of `agreement.documents`, or undefined when the charter links none. */
export function linkedEntries(charter: Record<string, unknown>): unknown[] | undefined {
  const agreement = charter.agreement;
  if (!agreement || typeof agreement !== "object" || Array.isArray(agreement)) return undefined;
  const docs = (agreement as Record<string, unknown>).documents;
  return Array.isArray(docs) && docs.length > 0 ? docs : undefined;
}

/**
 * Reads the linked documents of a charter in `dir`. `show(abs)` gives a file's display path.
 * Never throws for a bad document: each failure is an UnavailableDocument.
 */
export async function loadLinkedDocuments(entries: unknown[], dir: string, show: (abs: string) => string): Promise<LinkedDocument[]> {
  const out: LinkedDocument[] = [];
  let realDir: string;
  try {
    realDir = realpathSync(dir);
  } catch {
    realDir = dir;
  }
  for (let index = 0; index < entries.length; index++) {
    const raw = entries[index];
    const entry = typeof raw === "string" ? raw.trim() : String(raw);
    const base = { index, entry };
    const missing = (reason: Text, file = entry): LinkedDocument => ({ ...base, file, ok: false, problem: "missing", reason });
    if (typeof raw !== "string" || entry === "") {
      out.push(missing(NOT_TEXT));
      continue;
    }
    if (index >= MAX_LINKED_DOCUMENTS) {
      out.push({ ...base, file: entry, ok: false, problem: "unreadable", reason: TOO_MANY });
      continue;
    }
    // Never resolve an absolute path or one that climbs out: the charter is attacker-written.
    const abs = resolve(dir, entry);
    if (isAbsolute(entry) || /^[A-Za-z]:/.test(entry) || entry.startsWith("\\") || !inside(dir, abs)) {
      out.push(missing(OUTSIDE));
      continue;
    }
    const file = show(abs);
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      out.push(missing(NOT_FOUND, file));
      continue;
    }
    if (!inside(realDir, real)) {
      out.push(missing(OUTSIDE, file));
      continue;
    }
    try {
      if (statSync(real).isDirectory()) {
        out.push(missing(FOLDER, file));
        continue;
      }
    } catch {
      out.push(missing(NOT_FOUND, file));
      continue;
    }
    const lib = await import("../documents/index.js");
    const read = await lib.readDocument(real, extname(entry));
    if (!read.ok) {
      out.push({ ...base, file, ok: false, problem: read.kind === "missing" || read.kind === "not-file" ? "missing" : "unreadable", reason: read.reason });
      continue;
    }
    const split: SplitDocument = lib.splitArticles(read.blocks, index);
    out.push({ ...base, file, ok: true, format: read.format, blocks: read.blocks, articles: split.articles, hasArticles: split.hasArticles });
  }
  return out;
}
