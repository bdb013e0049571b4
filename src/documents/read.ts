// The common entry: a path or bytes and an extension → blocks, or a classified failure with a
// message in zh and en (and the limit hit, when one was). Never throws for bad input. Each
// format's reader is loaded with a dynamic import on first use, so an audit that reads no
// document loads none of this code or its libraries.
import { readFile, stat } from "node:fs/promises";
import { DocumentError, toFailure } from "./errors.js";
import { DOC_LIMITS } from "./limits.js";
import type { DocumentFormat, ReadFailure, ReadResult } from "./types.js";
import type { Workbook } from "./xlsx/reader.js";

const FORMATS: Record<string, DocumentFormat> = { docx: "docx", pdf: "pdf", md: "md", markdown: "md", txt: "txt" };

export function formatOf(ext: string): DocumentFormat | undefined {
  return FORMATS[ext.replace(/^\./, "").toLowerCase()];
}

async function bytesOf(input: string | Uint8Array): Promise<Uint8Array> {
  if (typeof input !== "string") {
    if (input.length > DOC_LIMITS.maxDocumentBytes) throw tooLarge(input.length);
    return input;
  }
  const s = await stat(input);
  if (!s.isFile()) throw new DocumentError({ zh: "不是文件（是文件夹或特殊文件）", en: "not a file (a folder or a special file)" }, "not-file");
  if (s.size > DOC_LIMITS.maxDocumentBytes) throw tooLarge(s.size);
  return new Uint8Array(await readFile(input));
}

function tooLarge(size: number): DocumentError {
  const mb = Math.round(DOC_LIMITS.maxDocumentBytes / 1024 / 1024);
  return new DocumentError(
    { zh: `文件有 ${size} 字节，超过 ${mb} MiB 的上限（可用 ALLIANCE_AUDIT_MAX_DOCUMENT_MB 调高）（限制 file.bytes）`, en: `the file has ${size} bytes, over the ${mb} MiB limit (raise it with ALLIANCE_AUDIT_MAX_DOCUMENT_MB) (limit file.bytes)` },
    "limit",
    "file.bytes",
  );
}

const UNREADABLE = { zh: "无法读取文档", en: "cannot read the document" };

/** Reads an agreement/charter document (.docx, .md/.markdown, .txt, .pdf) into blocks. */
export async function readDocument(input: string | Uint8Array, ext: string): Promise<ReadResult> {
  const e = ext.replace(/^\./, "").toLowerCase();
  const format = formatOf(e);
  if (!format) {
    if (e === "doc" || e === "wps") {
      return { ok: false, kind: "legacy-office", reason: { zh: `旧版 Word 文档（.${e}）无法读取：请在 Word 中另存为 .docx`, en: `a legacy Word document (.${e}) cannot be read: save it as .docx` } };
    }
    return { ok: false, kind: "unsupported", reason: { zh: `不支持的文档格式 .${e}：请提供 .docx、.pdf、.md 或 .txt`, en: `unsupported document format .${e}: link a .docx, .pdf, .md or .txt` } };
  }
  try {
    const bytes = await bytesOf(input);
    switch (format) {
      case "docx": {
        const { readDocxBlocks } = await import("./docx/reader.js");
        return { ok: true, format, blocks: readDocxBlocks(bytes) };
      }
      case "pdf": {
        const { readPdfBlocks } = await import("./pdf.js");
        const { blocks, pages } = await readPdfBlocks(bytes);
        return { ok: true, format, blocks, pages };
      }
      case "md": {
        const { decodeDocument, markdownBlocks } = await import("./text.js");
        return { ok: true, format, blocks: markdownBlocks(decodeDocument(bytes)) };
      }
      case "txt": {
        const { decodeDocument, textBlocks } = await import("./text.js");
        return { ok: true, format, blocks: textBlocks(decodeDocument(bytes)) };
      }
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException)?.code === "ENOENT") {
      return { ok: false, kind: "missing", reason: { zh: "文件不存在", en: "the file does not exist" } };
    }
    return toFailure(err, UNREADABLE);
  }
}

export type WorkbookRead = { ok: true; workbook: Workbook } | ReadFailure;

/** Reads an .xlsx workbook (all sheets, with their state and order). */
export async function readWorkbook(input: string | Uint8Array): Promise<WorkbookRead> {
  try {
    const bytes = await bytesOf(input);
    const { readXlsxWorkbook } = await import("./xlsx/reader.js");
    return { ok: true, workbook: readXlsxWorkbook(bytes) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException)?.code === "ENOENT") {
      return { ok: false, kind: "missing", reason: { zh: "文件不存在", en: "the file does not exist" } };
    }
    return toFailure(err, { zh: "无法读取 Excel 工作簿", en: "cannot read the Excel workbook" });
  }
}
