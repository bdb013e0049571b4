// Bytes → text: UTF-8 (BOM allowed), UTF-16 with a BOM, GB18030 when the bytes are not UTF-8;
// never mojibake.
import { describe, expect, it } from "vitest";
import { decode } from "../../src/load/decode.js";

const text = (bytes: number[] | Buffer) => {
  const d = decode(bytes instanceof Buffer ? new Uint8Array(bytes) : new Uint8Array(bytes));
  if (!d.ok) throw new Error(d.message.en);
  return d;
};

describe("decode", () => {
  it("UTF-8 without and with a BOM (the BOM is not part of the text)", () => {
    expect(text(Buffer.from("名称: 联盟\n"))).toMatchObject({ text: "名称: 联盟\n", encoding: "utf-8" });
    expect(text(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("a: 联盟")]))).toMatchObject({ text: "a: 联盟", encoding: "utf-8" });
  });

  it("GB18030 / GBK bytes that are not valid UTF-8", () => {
    // 黑龙江省 in GBK: BA DA C1 FA BD AD CA A1
    expect(text([0x61, 0x3a, 0x20, 0xba, 0xda, 0xc1, 0xfa, 0xbd, 0xad, 0xca, 0xa1])).toMatchObject({ text: "a: 黑龙江省", encoding: "gb18030" });
  });

  it("GB18030 four-byte sequences (characters outside GBK)", () => {
    // U+20000 𠀀, the first supplementary-plane character, is 95 32 82 36 in GB18030.
    expect(text([0x95, 0x32, 0x82, 0x36]).text).toBe("\u{20000}");
  });

  it("UTF-16 LE and BE with a BOM", () => {
    expect(text(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("编号\tid", "utf16le")])).text).toBe("编号\tid");
    const be = Buffer.from("编号", "utf16le").swap16();
    expect(text(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text).toBe("编号");
  });

  it("refuses binary files and undecodable bytes instead of producing mojibake", () => {
    const bin = decode(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]));
    expect(bin.ok).toBe(false);
    if (!bin.ok) expect(bin.message.en).toMatch(/binary/);
    const bad = decode(new Uint8Array([0x61, 0xff, 0xfe, 0xfd, 0x80]));
    expect(bad.ok).toBe(false);
    const badBom = decode(new Uint8Array([0xef, 0xbb, 0xbf, 0xc3, 0x28]));
    expect(badBom.ok).toBe(false);
  });
});
