// One error type for "this document cannot be read", carried from deep inside a reader to
// readDocument(), which turns it into a ReadFailure. Readers throw it; nothing else escapes.
import type { Text } from "../types.js";
import type { ReadFailure } from "./types.js";

export class DocumentError extends Error {
  constructor(
    readonly reason: Text,
    readonly kind: string,
    readonly limit?: string,
  ) {
    super(reason.en);
    this.name = "DocumentError";
  }
}

export function limitError(limit: string, zh: string, en: string): DocumentError {
  return new DocumentError(
    { zh: `${zh}（限制 ${limit}）`, en: `${en} (limit ${limit})` },
    "limit",
    limit,
  );
}

export function toFailure(e: unknown, fallback: Text): ReadFailure {
  if (e instanceof DocumentError) {
    const f: ReadFailure = { ok: false, reason: e.reason, kind: e.kind };
    if (e.limit) f.limit = e.limit;
    return f;
  }
  // An unexpected throw from a parser means a damaged file: say so, never show a stack.
  const detail = e instanceof Error ? e.message.slice(0, 120) : String(e).slice(0, 120);
  return { ok: false, kind: "corrupt", reason: { zh: `${fallback.zh}：${detail}`, en: `${fallback.en}: ${detail}` } };
}
