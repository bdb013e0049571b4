// The JSON loader: strict JSON (no comments, no trailing commas), positions, duplicate keys,
// text fields kept as written.
import { describe, expect, it } from "vitest";
import type { LoadResult } from "../../src/load/document.js";
import { loadJson } from "../../src/load/json.js";
import { textFieldMatcher } from "../../src/schema/schemas.js";

const members = (text: string): LoadResult => loadJson(text, { isTextField: textFieldMatcher("members") });
const charter = (text: string): LoadResult => loadJson(text, { isTextField: textFieldMatcher("charter") });
function ok(r: LoadResult) {
  if (!r.ok) throw new Error(`expected the file to load: ${r.error.message.en}`);
  return r.doc;
}
function err(r: LoadResult) {
  if (r.ok) throw new Error("expected a load error");
  return r.error;
}

const ROSTER = `{
  "members": [
    {
      "id": "M01",
      "name": "松花江铝业股份有限公司",
      "credit_code": 912301041000000246,
      "backbone": true
    }
  ]
}
`;

describe("JSON", () => {
  it("loads, with the positions of values and keys", () => {
    const d = ok(members(ROSTER));
    expect(d.data).toEqual({ members: [{ id: "M01", name: "松花江铝业股份有限公司", credit_code: "912301041000000246", backbone: true }] });
    expect(d.locate("/members/0/name")).toEqual({ line: 5, column: 15 });
    expect(d.locate("/members/0/name", "key")).toEqual({ line: 5, column: 7 });
    expect(d.locate("/members/0")).toEqual({ line: 3, column: 5 });
  });

  it("a missing value is located at the closest enclosing key", () => {
    const d = ok(members(ROSTER));
    expect(d.locate("/members/0/legal_representative")).toEqual({ line: 3, column: 5 });
    expect(d.locate("/members/7/id")).toEqual({ line: 2, column: 3 });
  });

  it("an all-digit credit code keeps its digits (beyond a double's precision)", () => {
    expect((ok(members(ROSTER)).data.members as any[])[0].credit_code).toBe("912301041000000246");
  });

  it("null is absent", () => {
    const d = ok(charter('{"schema_version": 1, "alliance": {"name": "x", "lead_member": null}}'));
    expect(d.data).toEqual({ schema_version: 1, alliance: { name: "x" } });
  });

  it("a trailing comma is an error at its position", () => {
    const e = err(members('{\n  "members": [\n    {"id": "M01"},\n  ]\n}\n'));
    expect(e.message.en).toMatch(/^JSON syntax error/);
    expect(e.position.line).toBeGreaterThanOrEqual(3);
    expect(e.position.line).toBeLessThanOrEqual(4);
  });

  it("a trailing comma in an object is an error", () => {
    const e = err(charter('{"schema_version": 1,\n "alliance": {"name": "x",}\n}'));
    expect(e.message.en).toMatch(/JSON syntax error/);
    expect(e.position.line).toBe(2);
  });

  it("comments are errors", () => {
    for (const text of ['{\n  // 成员\n  "members": []\n}', '{\n  /* 成员 */ "members": []\n}']) {
      const e = err(members(text));
      expect(e.message.en).toMatch(/comments are not allowed/);
      expect(e.position).toEqual({ line: 2, column: 3 });
    }
  });

  it("NaN, single quotes and unquoted keys are errors", () => {
    for (const text of ['{"a": NaN}', "{'a': 1}", "{a: 1}"]) expect(err(charter(text)).message.en).toMatch(/JSON syntax error/);
  });

  it("duplicate keys name both lines", () => {
    const e = err(charter('{\n  "schema_version": 1,\n  "alliance": {"name": "x"},\n  "schema_version": 1\n}'));
    expect(e.message.en).toBe('duplicate key "schema_version" on lines 2 and 4; remove or merge one of them');
    expect(e.position).toEqual({ line: 4, column: 3 });
  });

  it("empty file; top level not an object", () => {
    expect(err(charter("")).message.en).toMatch(/empty/);
    expect(err(charter("  \n")).message.en).toMatch(/empty/);
    expect(err(charter("[]")).message.en).toMatch(/must be a JSON object.*an array/);
    expect(err(charter('"x"')).message.en).toMatch(/must be a JSON object/);
  });

  it("an unterminated string is an error with a position", () => {
    const e = err(charter('{\n  "a": "x\n}'));
    expect(e.position.line).toBeGreaterThanOrEqual(2);
  });
});
