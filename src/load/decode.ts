// Bytes → text. Proposals come from many tools: UTF-8 with or without a BOM, UTF-16 with a BOM
// (Excel's "Unicode text"), and GB18030/GBK from spreadsheet programs on Chinese Windows.
// Node's TextDecoder decodes GB18030 natively; `fatal` makes every decoder refuse instead of
// producing mojibake, which is the one thing a reviewer must never see.
import type { Text } from "../types.js";

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; message: Text };

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
    return undecodable();
  }
  for (const [b0, b1, encoding] of [[0xff, 0xfe, "utf-16le"], [0xfe, 0xff, "utf-16be"]] as const) {
    if (bytes[0] === b0 && bytes[1] === b1) {
      const text = tryDecode(bytes.subarray(2), encoding);
      if (text !== undefined && !text.includes("\0")) return { ok: true, text, encoding };
      return undecodable();
    }
  }
  // A NUL byte never occurs in a text proposal in UTF-8 or GB18030: this is a binary file
  // (a .docx renamed to charter.yaml, say). Say so instead of parsing noise.
  if (bytes.includes(0)) {
    return {
      ok: false,
      message: {
        zh: "文件含有 NUL 字节，是二进制文件而不是文本；请另存为 UTF-8 编码的 YAML/JSON/CSV 文本",
        en: "the file contains NUL bytes: it is a binary file, not text; save it as UTF-8 YAML, JSON or CSV text",
      },
    };
  }
  const utf8 = tryDecode(bytes, "utf-8");
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: "utf-8" };
  const gb = tryDecode(bytes, "gb18030");
  if (gb !== undefined) return { ok: true, text: gb, encoding: "gb18030" };
  return undecodable();
}

function undecodable(): Decoded {
  return {
    ok: false,
    message: {
      zh: "无法解码文件：既不是有效的 UTF-8，也不是 GB18030/GBK 编码；请另存为 UTF-8",
      en: "cannot decode the file: it is neither valid UTF-8 nor GB18030/GBK; save it as UTF-8",
    },
  };
}
