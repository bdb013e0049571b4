// Hostile encodings (issue 4): bytes that are not text in any encoding a proposal may use are one
// clear "cannot decode" finding at the first bad character; a UTF-8 file with a few bad bytes is
// reported as broken UTF-8 instead of being "decoded" as GB18030 into mojibake.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../helpers/cli.js";
import { decode } from "../../src/load/decode.js";
import { Sandbox, charterText, checkBatch, checkCase, gb18030Encode, lineOf, runBatch, type BatchRun, type HostileCase } from "./helpers.js";

const box = new Sandbox();
const C = charterText();
const bytes = (...parts: (string | number[] | Buffer)[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));
const fieldLine = lineOf(C, "  field: 铝镁合金");
const [head, tail] = [C.slice(0, C.indexOf("  field: 铝镁合金\n")), C.slice(C.indexOf("  field: 铝镁合金\n") + "  field: 铝镁合金\n".length)];
const gb18030 = gb18030Encode;

const CASES: HostileCase[] = [
  {
    dir: "not-utf8-not-gb18030",
    title: "invalid UTF-8 that is not GB18030 either: a clear cannot-decode finding at the bad character",
    files: { "charter.yaml": bytes("schema_version: 1\nalliance:\n  name: Songhua\n  field: ", [0xff, 0xfe, 0x80], "\n") },
    expect: { ruleId: "file/unreadable", file: "charter.yaml", line: 4, column: 10, message: /^cannot decode the file: it is neither valid UTF-8 nor GB18030\/GBK; save it as UTF-8$/ },
    only: true,
  },
  {
    dir: "utf8-cut-off",
    title: "UTF-8 cut off in the middle of a character is broken UTF-8, not GB18030 mojibake",
    // Cut after the first byte of the last Chinese character (向行业扩散成果: 果 is 3 bytes).
    files: { "charter.yaml": Buffer.from(C, "utf8").subarray(0, Buffer.from(C, "utf8").lastIndexOf(Buffer.from("果", "utf8")) + 1) },
    expect: { ruleId: "file/unreadable", file: "charter.yaml", line: lineOf(C, "result_diffusion:"), message: /the file is UTF-8 but holds invalid bytes \(line \d+, column \d+\): it may be cut off/ },
    only: true,
  },
  {
    dir: "utf8-with-latin1",
    title: "UTF-8 with a pasted Latin-1 byte is broken UTF-8, at that byte",
    files: { "charter.yaml": bytes(head, "  field: Soci", [0xe9], "t\xe9\n".replace("\xe9", ""), tail) },
    expect: { ruleId: "file/unreadable", file: "charter.yaml", line: fieldLine, column: 14, message: /UTF-8 but holds invalid bytes \(line \d+, column 14\)/ },
    only: true,
  },
  {
    dir: "nul-bytes",
    title: "NUL bytes in a text file: binary, at the first NUL",
    files: { "charter.yaml": bytes(head, "  field: 铝镁", [0], "合金\n", tail) },
    expect: { ruleId: "file/unreadable", file: "charter.yaml", line: fieldLine, column: 12, message: /contains NUL bytes: it is a binary file/ },
    only: true,
  },
  {
    dir: "binary",
    title: "a binary file (a zipped .docx) named charter.yaml",
    files: { "charter.yaml": bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], Buffer.alloc(64, 0xa5), [0, 0, 0xff, 0xd8, 0xff, 0xe0]) },
    expect: { ruleId: "file/unreadable", file: "charter.yaml", message: /binary file, not text/ },
    only: true,
  },
  {
    dir: "utf16-no-bom",
    title: "UTF-16 without a byte-order mark is named as such",
    files: { "charter.yaml": Buffer.from(C, "utf16le") },
    expect: { ruleId: "file/unreadable", file: "charter.yaml", line: 1, column: 1, message: /UTF-16 text without a byte-order mark/ },
    only: true,
  },
  {
    dir: "utf16-bom-broken",
    title: "a UTF-16 byte-order mark on bytes that are not UTF-16",
    files: { "charter.yaml": bytes([0xff, 0xfe], [0x00, 0xd8, 0x41]) },
    expect: { ruleId: "file/unreadable", file: "charter.yaml", message: /byte-order mark but is not valid UTF-16/ },
    only: true,
  },
  { dir: "gb18030-charter", title: "a GB18030 charter is decoded", files: { "charter.yaml": gb18030(C) }, pass: true },
  { dir: "utf16-charter", title: "a UTF-16 LE charter with a BOM is decoded", files: { "charter.yaml": bytes([0xff, 0xfe], Buffer.from(C, "utf16le")) }, pass: true },
  { dir: "utf8-bom-charter", title: "a UTF-8 charter with a BOM", files: { "charter.yaml": bytes([0xef, 0xbb, 0xbf], C) }, pass: true },
];

let run: BatchRun;
beforeAll(async () => {
  await ensureBuilt();
  run = await runBatch(box, CASES);
}, 180_000);
afterAll(() => box.cleanup());

describe("hostile encodings", () => {
  for (const c of CASES) it(c.title, () => checkCase(run, c));

  it("the batch: every proposal reported, same report in-process and from the binary, nothing changed", () => {
    checkBatch(run, CASES);
  });
});

describe("decode on its own", () => {
  it("the GB18030 test encoder round-trips the charter", () => {
    const d = decode(new Uint8Array(gb18030(C)));
    expect(d).toMatchObject({ ok: true, encoding: "gb18030", text: C });
  });

  it("real GBK text that happens to hold a few valid UTF-8 sequences is still GBK", () => {
    // 联盟 (C1 AA C3 CB) is not UTF-8, but 铝 (C2 C1) … GBK pairs in C2–DF + 80–BF are: mix them.
    const text = "名称: 联盟章程，铝合金，镁合金；理事会、专家委员会、秘书处\n";
    const d = decode(new Uint8Array(gb18030(text)));
    expect(d).toMatchObject({ ok: true, encoding: "gb18030", text });
  });

  it("refusals carry a position", () => {
    const d = decode(new Uint8Array(bytes("a: 1\nb: x", [0xff], "\n")));
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.position).toEqual({ line: 2, column: 5 });
  });
});
