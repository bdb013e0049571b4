// Bounds for reading attacker-written documents (../shared/notes/documents-libraries.md §7).
// Every limit is checked before the work it bounds: zip sizes from the central directory before
// inflating, XML depth and node count while parsing, rows while reading a sheet, pages and a
// time budget for PDFs. The error names the limit that was hit.
function fromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export const DOC_LIMITS = {
  /** A .docx/.pdf with embedded scans is larger than a YAML file: 50 MiB. */
  maxDocumentBytes: Math.floor(fromEnv("ALLIANCE_AUDIT_MAX_DOCUMENT_MB", 50) * 1024 * 1024),
  /** Zip entries in the central directory (.docx 2,000; .xlsx 5,000). */
  maxDocxEntries: 2000,
  maxXlsxEntries: 5000,
  /** Declared uncompressed size of one part we read: a 300-page contract's document.xml is ≈5 MB. */
  maxEntryBytes: 64 * 1024 * 1024,
  /** Declared total of all parts we read. */
  maxTotalBytes: 128 * 1024 * 1024,
  /** Declared ÷ compressed, checked above 1 MiB; real XML is 10–30:1. */
  maxRatio: 200,
  /** XML element nesting; Word documents nest about 20 deep. */
  maxXmlDepth: 256,
  /** XML elements in one part (bounds the tree we build). */
  maxXmlNodes: 5_000_000,
  /** Rows read from one worksheet. */
  maxSheetRows: 100_000,
  /** PDF pages read, and the time budget of one PDF extraction. */
  maxPdfPages: 500,
  pdfTimeBudgetMs: 60_000,
};
