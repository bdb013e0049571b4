// .pdf → lines, page by page (documents.md §3), with pdfjs-dist 5.x's legacy build (6.x needs
// Node 22). Loaded with a dynamic import on the first PDF only, so an audit without PDFs never
// pays for it. The Chinese CMaps shipped with pdfjs-dist are passed as a filesystem path: older
// Chinese PDFs with non-embedded STSong/SimSun fonts come out empty without them.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { DocumentError, limitError } from "./errors.js";
import { DOC_LIMITS } from "./limits.js";
import type { Block } from "./types.js";

interface TextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
  hasEOL?: boolean;
}
interface PdfjsModule {
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfDoc>; destroy(): Promise<void> };
}
interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: TextItem[] }>; cleanup(): void }>;
  destroy(): Promise<void>;
}

let pdfjs: Promise<PdfjsModule> | undefined;

function polyfill(): void {
  // The legacy build touches DOMMatrix at import when the optional native canvas is absent; text
  // extraction never uses it, so an inert stand-in is enough.
  const g = globalThis as Record<string, unknown>;
  if (typeof g.DOMMatrix === "undefined") {
    g.DOMMatrix = class DOMMatrix {
      a = 1; b = 0; c = 0; d = 1; e = 0; f = 0;
      constructor(init?: number[]) {
        if (Array.isArray(init) && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = init;
      }
      multiplySelf(): this { return this; }
      preMultiplySelf(): this { return this; }
      translate(): this { return this; }
      scale(): this { return this; }
      invertSelf(): this { return this; }
    };
  }
}

function loadPdfjs(): Promise<PdfjsModule> {
  polyfill();
  // A variable specifier keeps bundlers from inlining pdf.js (1.7 MB) into the CLI bundle.
  const spec = "pdfjs-dist/legacy/build/pdf.mjs";
  pdfjs ??= import(spec) as Promise<PdfjsModule>;
  return pdfjs;
}

function assetsDir(): string {
  return dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
}

const CJK = "\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f";
const CJK_GAP = new RegExp(`(?<=[${CJK}])[ \\t\\u00a0]+(?=[${CJK}])`, "gu");

/** Text items of one page → lines, top to bottom, each sorted left to right. */
export function itemsToLines(items: TextItem[]): string[] {
  const rows: { y: number; h: number; parts: { x: number; s: string }[] }[] = [];
  for (const it of items) {
    const s = it.str ?? "";
    if (!it.transform || s === "") continue;
    const x = it.transform[4];
    const y = it.transform[5];
    const h = Math.abs(it.height || it.transform[3] || 10);
    // Same line when the baselines are within half a glyph height (a fixed ±2 pt split superscripts off).
    const row = rows.find((r) => Math.abs(r.y - y) <= Math.max(r.h, h) * 0.5);
    if (row) row.parts.push({ x, s });
    else rows.push({ y, h, parts: [{ x, s }] });
  }
  rows.sort((a, b) => b.y - a.y);
  return rows
    .map((r) => r.parts.sort((a, b) => a.x - b.x).map((p) => p.s).join("").replace(CJK_GAP, "").replace(/\s+$/u, ""))
    .filter((l) => l.trim() !== "");
}

/** Drops running headers/footers: a line first or last on ≥ half the pages, identically, when there are ≥ 3 pages. */
export function linesToBlocks(pages: string[][]): Block[] {
  const running = new Set<string>();
  if (pages.length >= 3) {
    const count = new Map<string, number>();
    for (const lines of pages) {
      const ends = new Set([lines[0], lines[lines.length - 1]].filter((l): l is string => l !== undefined).map((l) => l.trim()));
      for (const l of ends) count.set(l, (count.get(l) ?? 0) + 1);
    }
    for (const [l, n] of count) if (n * 2 >= pages.length) running.add(l);
  }
  const blocks: Block[] = [];
  let line = 0;
  pages.forEach((lines, p) => {
    lines.forEach((text, k) => {
      line++;
      const edge = k === 0 || k === lines.length - 1;
      if (edge && running.has(text.trim())) return;
      blocks.push({ text, index: blocks.length + 1, kind: "line", line, column: 1, page: p + 1, pageLine: k + 1 });
    });
  });
  return blocks;
}

/** Reads a PDF's bytes into line blocks; throws DocumentError when it cannot or has no text layer. */
export async function readPdfBlocks(bytes: Uint8Array): Promise<{ blocks: Block[]; pages: number }> {
  if (!(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
    throw new DocumentError({ zh: "文件不是 PDF（缺少 %PDF 文件头）：请重新导出 PDF 或链接 .docx 原件", en: "the file is not a PDF (no %PDF header): export the PDF again or link the .docx" }, "corrupt");
  }
  const lib = await loadPdfjs();
  const dir = assetsDir();
  const started = Date.now();
  // pdf.js may transfer the buffer to its worker: give it a copy, never the caller's bytes.
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: join(dir, "cmaps") + "/",
    cMapPacked: true,
    standardFontDataUrl: join(dir, "standard_fonts") + "/",
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    stopAtErrors: false,
  });
  let doc: PdfDoc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as { name?: string })?.name ?? "";
    if (name === "PasswordException") {
      throw new DocumentError({ zh: "PDF 设有密码：请删除密码后另存，或链接 .docx 原件", en: "the PDF is password-protected: remove the password, or link the .docx" }, "encrypted");
    }
    const msg = e instanceof Error ? e.message.slice(0, 120) : String(e);
    throw new DocumentError({ zh: `PDF 已损坏，无法读取（${msg}）：请重新导出，或链接 .docx 原件`, en: `the PDF is damaged and cannot be read (${msg}): export it again, or link the .docx` }, "corrupt");
  }
  try {
    if (doc.numPages > DOC_LIMITS.maxPdfPages) {
      throw limitError("pdf.pages", `PDF 有 ${doc.numPages} 页，超过 ${DOC_LIMITS.maxPdfPages} 页`, `the PDF has ${doc.numPages} pages, over ${DOC_LIMITS.maxPdfPages}`);
    }
    const pages: string[][] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (Date.now() - started > DOC_LIMITS.pdfTimeBudgetMs) {
        throw limitError("pdf.time", `读取 PDF 超过 ${DOC_LIMITS.pdfTimeBudgetMs / 1000} 秒`, `reading the PDF took over ${DOC_LIMITS.pdfTimeBudgetMs / 1000} s`);
      }
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(itemsToLines(content.items));
      page.cleanup();
    }
    if (pages.every((p) => p.join("").replace(/\s/gu, "") === "")) {
      throw new DocumentError(
        { zh: "PDF 没有文字层（扫描件）：请链接 .docx 原件，或先做文字识别（OCR）", en: "a scanned PDF without a text layer: link the .docx, or run OCR" },
        "no-text-layer",
      );
    }
    return { blocks: linesToBlocks(pages), pages: doc.numPages };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
