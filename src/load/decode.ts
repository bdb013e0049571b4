// Bytes → text. Proposals come from many tools: UTF-8 with or without a BOM, UTF-16 with a BOM
// (Excel's "Unicode text"), and GB18030/GBK from spreadsheet programs on Chinese Windows.
// Node's TextDecoder decodes GB18030 natively; `fatal` makes every decoder refuse instead of
// producing mojibake, which is the one thing a reviewer must never see.
import type { Text } from "../types.js";
import { lineStarts, offsetToPosition } from "./document.js";

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export type Decoded =
  | { ok: true; text: string; encoding: Encoding }
  | { ok: false; message: Text; position?: { line: number; column: number } };

const decoders = new Map<Encoding, TextDecoder>();
function decoder(encoding: Encoding): TextDecoder {
  let d = decoders.get(encoding);
  if (!d) {
    // ignoreBOM: we strip the BOM ourselves so that every offset is an offset into the text.
    d = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    decoders.set(encoding, d);
  }
  return d;
}

function tryDecode(bytes: Uint8Array, encoding: Encoding): string | undefined {
  try {
    return decoder(encoding).decode(bytes);
  } catch {
    return undefined;
  }
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode(bytes.subarray(3), "utf-8");
    if (text !== undefined) return { ok: true, text, encoding: "utf-8" };
    return brokenUtf8(bytes.subarray(3));
  }
  for (const [b0, b1, encoding] of [[0xff, 0xfe, "utf-16le"], [0xfe, 0xff, "utf-16be"]] as const) {
    if (bytes[0] === b0 && bytes[1] === b1) {
      const text = tryDecode(bytes.subarray(2), encoding);
      if (text !== undefined && !text.includes("\0")) return { ok: true, text, encoding };
      return {
        ok: false,
        message: {
          zh: "文件以 UTF-16 字节顺序标记开头，但内容不是有效的 UTF-16 文本；请另存为 UTF-8",
          en: "the file starts with a UTF-16 byte-order mark but is not valid UTF-16 text; save it as UTF-8",
        },
      };
    }
  }
  // A NUL byte never occurs in a text proposal in UTF-8 or GB18030: this is a binary file
  // (a .docx renamed to charter.yaml, say), or UTF-16 without its byte-order mark. Say so
  // instead of parsing noise.
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    if (looksLikeBomlessUtf16(bytes)) {
      return {
        ok: false,
        message: {
          zh: "文件看起来是没有字节顺序标记（BOM）的 UTF-16 文本；请另存为 UTF-8",
          en: "the file looks like UTF-16 text without a byte-order mark; save it as UTF-8",
        },
      };
    }
    return {
      ok: false,
      message: {
        zh: "文件含有 NUL 字节，是二进制文件而不是文本；请另存为 UTF-8 编码的 YAML/JSON/CSV 文本",
        en: "the file contains NUL bytes: it is a binary file, not text; save it as UTF-8 YAML, JSON or CSV text",
      },
      position: bytePosition(bytes, nul),
    };
  }
  const utf8 = tryDecode(bytes, "utf-8");
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: "utf-8" };
  // Not UTF-8. GB18030 decodes almost any byte sequence, so a UTF-8 file with a few bad bytes (cut
  // off in the middle of a character, or with a pasted Latin-1 name) would "decode" as GB18030
  // into mojibake. Real GBK text is valid UTF-8 only by accident, for a small share of its
  // characters: when most non-ASCII characters are good UTF-8, the file is broken UTF-8.
  const loose = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  let good = 0;
  let bad = 0;
  for (let i = 0; i < loose.length; i++) {
    const c = loose.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c >= 0x80) good++;
  }
  if (good > bad) return brokenUtf8(bytes, loose);
  const gb = tryDecode(bytes, "gb18030");
  if (gb !== undefined) return { ok: true, text: gb, encoding: "gb18030" };
  return undecodable(bytes);
}

/** Line:column (1-based, UTF-16 code units) of the first U+FFFD of a loosely decoded text. */
function replacementPosition(loose: string): { line: number; column: number } | undefined {
  const at = loose.indexOf("\ufffd");
  if (at === -1) return undefined;
  return offsetToPosition(lineStarts(loose), at);
}

/** Line:column of a byte offset (the bytes before it are taken as UTF-8). */
function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.subarray(0, offset));
  return offsetToPosition(lineStarts(before), before.length);
}

function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  // ASCII in UTF-16 is a NUL every other byte, always on the same side (CJK has a few NULs too).
  const [most, least] = even > odd ? [even, odd] : [odd, even];
  return most >= pairs * 0.2 && least * 10 <= most;
}

function brokenUtf8(bytes: Uint8Array, loose = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes)): Decoded {
  const position = replacementPosition(loose);
  const where = position ? { zh: `（第 ${position.line} 行第 ${position.column} 列）`, en: ` (line ${position.line}, column ${position.column})` } : { zh: "", en: "" };
  return {
    ok: false,
    message: {
      zh: `文件是 UTF-8 编码，但含有无效的字节${where.zh}：可能被截断或混入了其他编码的文字；请修正后另存为 UTF-8`,
      en: `the file is UTF-8 but holds invalid bytes${where.en}: it may be cut off or mixed with text in another encoding; fix it and save it as UTF-8`,
    },
    position,
  };
}

function undecodable(bytes: Uint8Array): Decoded {
  // Where GB18030 (the more permissive of the two) first fails.
  const position = replacementPosition(new TextDecoder("gb18030", { ignoreBOM: true }).decode(bytes));
  return {
    ok: false,
    message: {
      zh: "无法解码文件：既不是有效的 UTF-8，也不是 GB18030/GBK 编码；请另存为 UTF-8",
      en: "cannot decode the file: it is neither valid UTF-8 nor GB18030/GBK; save it as UTF-8",
    },
    position,
  };
}
