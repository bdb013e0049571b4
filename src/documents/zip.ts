// Reading the few parts of an OOXML zip we need, with limits checked from the central directory
// before anything is inflated (documents-libraries.md §7): entry count, declared size per part
// and in total, a compressed size larger than the declared one (a lying header), and the
// compression ratio. Parts we do not read (images, seals, scans) are never inflated. Files that
// are not zips are classified so the message says what to do. fflate is loaded on first use.
import { createRequire } from "node:module";
import { DocumentError, limitError } from "./errors.js";
import { DOC_LIMITS } from "./limits.js";

type Fflate = typeof import("fflate");
let fflate: Fflate | undefined;
function loadFflate(): Fflate {
  fflate ??= createRequire(import.meta.url)("fflate") as Fflate;
  return fflate;
}

export type OfficeKind = "docx" | "xlsx";

const NAMES: Record<OfficeKind, { zh: string; en: string; legacy: string; save: { zh: string; en: string } }> = {
  docx: { zh: "Word 文档", en: "Word document", legacy: ".doc", save: { zh: "请在 Word 中另存为 .docx", en: "save it as .docx in Word" } },
  xlsx: { zh: "Excel 工作簿", en: "Excel workbook", legacy: ".xls", save: { zh: "请另存为 .xlsx 或 CSV", en: "save it as .xlsx or CSV" } },
};

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Does an OLE compound file (CFB) hold a stream named EncryptedPackage (a password-protected OOXML file)? */
function oleHasEncryptedPackage(bytes: Uint8Array): boolean {
  // Directory entry names are UTF-16LE; scanning the bytes is enough to classify, and bounded.
  const needle = Array.from("EncryptedPackage").flatMap((c) => [c.charCodeAt(0), 0]);
  const end = Math.min(bytes.length, 8 * 1024 * 1024) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/** Says why bytes that should be a zip are not one. */
export function classifyNonZip(bytes: Uint8Array, kind: OfficeKind): DocumentError {
  const n = NAMES[kind];
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (oleHasEncryptedPackage(bytes)) {
      return new DocumentError(
        { zh: `${n.zh}设有打开密码（加密的 OLE 容器）：请删除密码后另存`, en: `the ${n.en} is password-protected (an encrypted OLE container): remove the password and save it again` },
        "encrypted",
      );
    }
    return new DocumentError(
      { zh: `这是旧版 ${n.legacy} 文件（Office 97–2003 格式），不是 ${kind === "docx" ? ".docx" : ".xlsx"}：${n.save.zh}`, en: `this is a legacy ${n.legacy} file (Office 97–2003), not ${kind === "docx" ? ".docx" : ".xlsx"}: ${n.save.en}` },
      "legacy-office",
    );
  }
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 2048)).replace(/^\ufeff/, "").trimStart().toLowerCase();
  if (head.startsWith("<") && /<(html|table|!doctype html|meta|\?xml)/.test(head)) {
    return new DocumentError(
      { zh: `文件是另存为 ${kind === "docx" ? ".docx" : ".xlsx"} 扩展名的 HTML/XML 网页，不是真正的${n.zh}：${n.save.zh}`, en: `the file is an HTML/XML page with a .${kind} name, not a real ${n.en}: ${n.save.en}` },
      "not-zip",
    );
  }
  let what = { zh: "", en: "" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) what = { zh: "（是一张 PNG 图片）", en: " (it is a PNG image)" };
  else if (startsWith(bytes, [0xff, 0xd8, 0xff])) what = { zh: "（是一张 JPEG 图片）", en: " (it is a JPEG image)" };
  else if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) what = { zh: "（是 PDF 文件）", en: " (it is a PDF file)" };
  return new DocumentError(
    { zh: `文件不是${n.zh}（不是 zip 压缩包）${what.zh}：${n.save.zh}`, en: `the file is not a ${n.en} (not a zip archive)${what.en}: ${n.save.en}` },
    "not-zip",
  );
}

export interface ZipOptions {
  kind: OfficeKind;
  /** Which entries to inflate. */
  want: (name: string) => boolean;
  maxEntries?: number;
}

/** Inflates the wanted entries as UTF-8 text, or throws a classified DocumentError. */
export function readZipParts(bytes: Uint8Array, options: ZipOptions): Map<string, string> {
  const n = NAMES[options.kind];
  if (!startsWith(bytes, [0x50, 0x4b])) throw classifyNonZip(bytes, options.kind);
  const { unzipSync, strFromU8 } = loadFflate();
  const maxEntries = options.maxEntries ?? (options.kind === "docx" ? DOC_LIMITS.maxDocxEntries : DOC_LIMITS.maxXlsxEntries);
  let entries = 0;
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(f) {
        if (++entries > maxEntries) throw limitError("zip.entries", `压缩包条目超过 ${maxEntries} 个`, `the zip has more than ${maxEntries} entries`);
        if (!options.want(f.name)) return false;
        if (f.size > f.originalSize * 1.01 + 1024) {
          throw limitError("zip.lyingHeader", `${f.name} 的压缩大小大于声明的解压大小（伪造的 zip 头）`, `${f.name}: compressed size exceeds the declared size (a forged zip header)`);
        }
        if (f.originalSize > DOC_LIMITS.maxEntryBytes) {
          throw limitError("zip.entryBytes", `${f.name} 解压后为 ${f.originalSize} 字节，超过 ${DOC_LIMITS.maxEntryBytes} 字节`, `${f.name} expands to ${f.originalSize} bytes, over ${DOC_LIMITS.maxEntryBytes}`);
        }
        if (f.originalSize > 1024 * 1024 && f.originalSize / Math.max(1, f.size) > DOC_LIMITS.maxRatio) {
          throw limitError("zip.ratio", `${f.name} 的压缩比超过 ${DOC_LIMITS.maxRatio}:1（疑似 zip 炸弹）`, `${f.name} has a compression ratio over ${DOC_LIMITS.maxRatio}:1 (a likely zip bomb)`);
        }
        total += f.originalSize;
        if (total > DOC_LIMITS.maxTotalBytes) {
          throw limitError("zip.totalBytes", `解压总大小超过 ${DOC_LIMITS.maxTotalBytes} 字节`, `the parts read expand to more than ${DOC_LIMITS.maxTotalBytes} bytes`);
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof DocumentError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    throw new DocumentError(
      {
        zh: `${n.zh}已损坏或不完整（zip 无法读取：${msg}）：请从原件重新保存或重新下载`,
        en: `the ${n.en} is damaged or truncated (the zip cannot be read: ${msg}): save or download it again from the original`,
      },
      "truncated",
    );
  }
  const out = new Map<string, string>();
  for (const [name, data] of Object.entries(files)) {
    // Strip a UTF-8 BOM; OOXML parts are UTF-8 (a UTF-16 part would fail XML parsing and be reported).
    out.set(name, strFromU8(data).replace(/^\ufeff/, ""));
  }
  return out;
}
