// The YAML loader: YAML 1.2 core schema, positions of values (and of the closest enclosing key for
// a missing value), BOM and CRLF, text fields kept as written, errors with line and column.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { LoadedDocument, LoadResult } from "../../src/load/document.js";
import { readDocument } from "../../src/load/read.js";
import { loadYaml } from "../../src/load/yaml.js";
import { textFieldMatcher } from "../../src/schema/schemas.js";
import { BASE, Sandbox } from "../helpers/proposal.js";

const box = new Sandbox();
afterAll(() => box.cleanup());

const charter = (text: string): LoadResult => loadYaml(text, { isTextField: textFieldMatcher("charter") });
function ok(r: LoadResult): LoadedDocument {
  if (!r.ok) throw new Error(`expected the file to load: ${r.error.message.en}`);
  return r.doc;
}
function err(r: LoadResult) {
  if (r.ok) throw new Error("expected a load error");
  return r.error;
}
const BASE_TEXT = readFileSync(join(BASE, "charter.yaml"), "utf8");

describe("YAML 1.2 core schema", () => {
  const doc = ok(
    charter(
      [
        "date: 2010-07-01",
        "yes1: yes",
        "no1: no",
        "on1: on",
        "y1: y",
        "t1: true",
        "t2: True",
        "t3: TRUE",
        "f1: false",
        "n1: ~",
        "n2: null",
        "empty:",
        "int: 012",
        "hex: 0x1F",
        "float: 3.50",
        "exp: 1e3",
        "underscore: 1_000",
        "quoted: '2010-07-01'",
        "sexagesimal: 1:30",
        "",
      ].join("\n"),
    ),
  );

  it("an unquoted date stays a string", () => {
    expect(doc.data.date).toBe("2010-07-01");
    expect(doc.data.quoted).toBe("2010-07-01");
  });

  it("yes / no / on / y stay strings; only true/false (any case) are booleans", () => {
    expect([doc.data.yes1, doc.data.no1, doc.data.on1, doc.data.y1]).toEqual(["yes", "no", "on", "y"]);
    expect([doc.data.t1, doc.data.t2, doc.data.t3, doc.data.f1]).toEqual([true, true, true, false]);
  });

  it("null, ~ and an empty value are absent", () => {
    for (const k of ["n1", "n2", "empty"]) expect(Object.hasOwn(doc.data, k), k).toBe(false);
  });

  it("numbers as YAML 1.2 reads them (012 is decimal, 1_000 and 1:30 are strings)", () => {
    expect(doc.data.int).toBe(12);
    expect(doc.data.hex).toBe(31);
    expect(doc.data.float).toBe(3.5);
    expect(doc.data.exp).toBe(1000);
    expect(doc.data.underscore).toBe("1_000");
    expect(doc.data.sexagesimal).toBe("1:30");
  });

  it("member references keep the characters written (007 is not 7)", () => {
    const d = ok(charter("schema_version: 1\nalliance:\n  name: x\n  lead_member: 007\ngovernance:\n  decision_body:\n    composition: [007, 008]\n"));
    expect((d.data.alliance as Record<string, unknown>).lead_member).toBe("007");
    expect(((d.data.governance as Record<string, any>).decision_body.composition as unknown[])).toEqual(["007", "008"]);
  });

  it("a number in a field that is not text stays a number", () => {
    const d = ok(charter("schema_version: 1\ngovernance:\n  executive_body:\n    full_time_staff: 3\n"));
    expect((d.data.governance as Record<string, any>).executive_body.full_time_staff).toBe(3);
    expect(d.data.schema_version).toBe(1);
  });

  it("anchors, aliases and merge keys", () => {
    const d = ok(charter("base: &b\n  name: 理事会\n  rules: 每年开会\ncopy: *b\nmerged:\n  <<: *b\n  name: 新理事会\n"));
    expect(d.data.copy).toEqual({ name: "理事会", rules: "每年开会" });
    expect(d.data.merged).toEqual({ name: "新理事会", rules: "每年开会" });
  });

  it("a __proto__ key is plain data", () => {
    const d = ok(charter("__proto__:\n  polluted: true\n"));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(d.data, "__proto__")).toBe(true);
  });
});

describe("positions", () => {
  const doc = ok(charter(BASE_TEXT));
  const lines = BASE_TEXT.split("\n");
  /** 1-based line:column of the first occurrence of `needle` (optionally after line `after`). */
  const where = (needle: string, after = 0) => {
    const i = lines.findIndex((l, k) => k >= after && l.includes(needle));
    return { line: i + 1, column: lines[i].indexOf(needle) + 1 };
  };

  it("of a scalar value", () => {
    expect(doc.locate("/alliance/name")).toEqual(where("松花江铝镁合金产业技术创新战略联盟"));
    expect(doc.locate("/governance/executive_body/full_time_staff")).toEqual(where("3", where("full_time_staff").line - 1));
  });

  it("of a list item and of a field inside one", () => {
    expect(doc.locate("/agreement/innovation_goals/1")).toEqual(where("建立铝镁合金轻量化构件行业标准"));
    expect(doc.locate("/agreement/signatures/1/signatory")).toEqual(where("陈志远"));
  });

  it("of a mapping value: where its first key starts", () => {
    expect(doc.locate("/governance")).toEqual(where("decision_body:"));
  });

  it("of a key", () => {
    expect(doc.locate("/ip/projects/0/ownership/M02", "key")).toEqual(where("M02: 40"));
  });

  it("of a missing value: the closest enclosing key", () => {
    expect(doc.locate("/governance/advisory_body/rules")).toEqual(where("advisory_body:"));
    expect(doc.locate("/funding/nothing/deeper")).toEqual(where("funding:"));
    expect(doc.locate("/agreement/signatures/9/date")).toEqual(where("signatures:"));
  });

  it("of a missing top-level section: 1:1", () => {
    expect(doc.locate("/nowhere/at/all")).toEqual({ line: 1, column: 1 });
  });

  it("of an empty value: its key", () => {
    const d = ok(charter("alliance:\n  name:\n  field: x\n"));
    expect(d.locate("/alliance/name")).toEqual({ line: 2, column: 3 });
  });

  it("columns count UTF-16 code units, Chinese characters one each", () => {
    const d = ok(charter("alliance:\n  name: 联盟\n  field: 铝镁合金 x\n  lead_member: 中文M01\n"));
    expect(d.locate("/alliance/lead_member")).toEqual({ line: 4, column: 16 });
  });

  it("comments are collected with their position", () => {
    const d = ok(charter("a: 1\n# 第一条注释\nb: 2 # 行尾注释\n"));
    expect(d.comments.map((c) => [c.text.trim(), d.positionOf(c.offset).line])).toEqual([
      ["第一条注释", 2],
      ["行尾注释", 3],
    ]);
  });
});

describe("BOM and CRLF (read from files)", () => {
  const plain = ok(readDocument(join(BASE, "charter.yaml"), "charter"));

  it("a UTF-8 BOM is allowed and does not shift columns", () => {
    const dir = box.files({ "charter.yaml": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BASE_TEXT, "utf8")]) });
    const d = ok(readDocument(join(dir, "charter.yaml"), "charter"));
    expect(d.data).toEqual(plain.data);
    expect(Object.keys(d.data)[0]).toBe("schema_version");
    for (const p of ["/schema_version", "/alliance/name", "/agreement/signatures/2/date"]) expect(d.locate(p), p).toEqual(plain.locate(p));
  });

  it("CRLF line ends: same data (no stray \\r), same positions", () => {
    const dir = box.files({ "charter.yaml": BASE_TEXT.replace(/\n/g, "\r\n") });
    const d = ok(readDocument(join(dir, "charter.yaml"), "charter"));
    expect(d.data).toEqual(plain.data);
    expect(JSON.stringify(d.data)).not.toContain("\\r");
    for (const p of ["/alliance/name", "/ip/projects/1/ownership/M05", "/openness/result_diffusion"]) expect(d.locate(p), p).toEqual(plain.locate(p));
  });

  it("a GB18030-encoded YAML file is decoded, not turned into mojibake", () => {
    // 联盟 in GB18030: C1 AA C3 CB.
    const bytes = Buffer.concat([Buffer.from("alliance:\n  name: ", "ascii"), Buffer.from([0xc1, 0xaa, 0xc3, 0xcb]), Buffer.from("\n", "ascii")]);
    const dir = box.files({ "charter.yaml": bytes });
    const d = ok(readDocument(join(dir, "charter.yaml"), "charter"));
    expect((d.data.alliance as Record<string, unknown>).name).toBe("联盟");
  });
});

describe("errors", () => {
  it("a syntax error has the line and column of the error", () => {
    const e = err(charter("a: 1\nb: [1, 2\nc: 3\n"));
    expect(e.message.en).toMatch(/^YAML syntax error: /);
    expect(e.position.line).toBeGreaterThanOrEqual(2);
    expect(e.position.column).toBeGreaterThanOrEqual(1);
  });

  it("duplicate keys name both lines", () => {
    const e = err(charter("alliance:\n  name: a\n  field: b\n  name: c\n"));
    expect(e.message.en).toBe('duplicate key "name" on lines 2 and 4; remove or merge one of them');
    expect(e.message.zh).toContain("第 2 行和第 4 行");
    expect(e.position).toEqual({ line: 4, column: 3 });
  });

  it("an empty file, and a top level that is not a mapping", () => {
    expect(err(charter("")).message.en).toMatch(/empty/);
    expect(err(charter("- a\n- b\n")).message.en).toMatch(/top level must be a mapping.*a list/);
    expect(err(charter('"just text"\n')).message.en).toMatch(/top level/);
  });

  it("an alias to an undefined anchor", () => {
    const e = err(charter("a: *nope\n"));
    expect(e.position.line).toBe(1);
  });

  it("an alias bomb is refused, not expanded", () => {
    const lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]`);
    // Refused by the node budget (a count), not by a clock: bench/ measures the time.
    const r = charter(lines.join("\n") + "\n");
    expect(err(r).message.en).toMatch(/expands to more than/);
  });
});

describe("full-width slips (issue #8: the most common slip when typing YAML in Chinese)", () => {
  it("a full-width colon after a key is named, at that character, in both languages", () => {
    const text = "schema_version: 1\nalliance:\n  name： 松花江联盟\n  field: 铝镁合金\n";
    const e = err(charter(text));
    expect(e.position).toEqual({ line: 3, column: 7 });
    expect(e.message.zh).toBe("第 3 行的“name”后用了全角冒号“：”；YAML 的键后要用半角冒号“:”再加一个空格");
    expect(e.message.en).toBe('line 3 uses a full-width colon "：" after "name" where YAML needs ":" (a half-width colon and a space)');
  });

  it("a Chinese key with a full-width colon at the end of the line", () => {
    const e = err(charter("联盟：\n  名称: x\n"));
    expect(e.position).toEqual({ line: 1, column: 3 });
    expect(e.message.en).toMatch(/full-width colon/);
  });

  it("indentation with full-width spaces (U+3000) is named", () => {
    const e = err(charter("alliance:\n\u3000\u3000name: x\n  field: y\n"));
    expect(e.message.zh).toMatch(/第 2 行用全角空格缩进/);
    expect(e.message.en).toMatch(/line 2 is indented with a full-width space/);
    expect(e.position.line).toBe(2);
  });

  it("a full-width colon inside a value is text, not an error", () => {
    const d = ok(charter("alliance:\n  name: 联盟：松花江\nagreement:\n  innovation_goals:\n    - 目标：突破关键技术\n"));
    expect((d.data.alliance as Record<string, unknown>).name).toBe("联盟：松花江");
  });

  it("a syntax error elsewhere keeps the parser's own message when no full-width character is the cause", () => {
    const e = err(charter("a: [1, 2\nb: 3\n"));
    expect(e.message.en).not.toMatch(/full-width/);
  });
});
