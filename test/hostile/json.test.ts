// Hostile JSON (issue 4): what editors tolerate and JSON does not (trailing commas, comments, NaN)
// is one clear `file/unreadable` finding at the spot; numbers beyond a double are values the
// schema and rules judge, never a crash; `__proto__`, `constructor` and `prototype` keys are
// plain data and pollute nothing.
import yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../helpers/cli.js";
import { Sandbox, charterText, checkBatch, checkCase, membersText, prototypeState, runBatch, type BatchRun, type HostileCase } from "./helpers.js";

const box = new Sandbox();
const toJson = (yamlText: string) => JSON.stringify(yaml.load(yamlText, { schema: yaml.CORE_SCHEMA }), null, 2) + "\n";
const CJ = toJson(charterText());
const MJ = toJson(membersText());
const lines = (text: string) => text.split("\n");
/** 1-based line and column of the first occurrence of `needle` in `text`. */
function at(text: string, needle: string, shift = 0): { line: number; column: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not found: ${needle}`);
  const before = text.slice(0, i + shift);
  return { line: before.split("\n").length, column: i + shift - before.lastIndexOf("\n") };
}
function replaceOnce(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0 || text.indexOf(from, i + 1) >= 0) throw new Error(`replaceOnce: "${from}" is not in the text exactly once`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}
const json = (charter: string, members: string | null = MJ) => ({ "charter.yaml": null, "members.yaml": null, "charter.json": charter, "members.json": members });

const trailing = replaceOnce(CJ, '"full_time_staff": 3,\n', '"full_time_staff": 3,\n      "rules": "秘书处在理事会领导下负责联盟日常事务",\n    },\n    "x": {\n');
const trailingArray = replaceOnce(CJ, '"李文博",\n', '"李文博",\n        "张海燕",\n      ],\n      "spare": [\n');
const commented = replaceOnce(CJ, '"schema_version": 1,\n', '"schema_version": 1, // 第一版\n');
const nan = replaceOnce(CJ, '"full_time_staff": 3,', '"full_time_staff": NaN,');
const huge = replaceOnce(replaceOnce(CJ, '"full_time_staff": 3,', '"full_time_staff": 1e400,'), '"schema_version": 1,', '"schema_version": 100000000000000000000000000001,');
const hugeCode = replaceOnce(MJ, '"credit_code": "12230000412005676E",', '"credit_code": 123000004120056761234567890123,');
const proto = CJ.replace(/^\{\n/, '{\n  "__proto__": { "polluted": "charter", "schema_version": 99 },\n  "constructor": { "prototype": { "polluted": "constructor" } },\n  "prototype": { "polluted": "prototype" },\n').replace('"alliance": {\n', '"alliance": {\n    "__proto__": { "polluted": "alliance", "name": "伪造的名称" },\n    "toString": "not a function",\n');
const protoMembers = MJ.replace('"id": "M02",', '"id": "M02",\n      "__proto__": { "polluted": "member", "type": "enterprise", "backbone": true },\n      "hasOwnProperty": 1,');

const CASES: HostileCase[] = [
  {
    dir: "trailing-comma-object",
    title: "a trailing comma before }: named as such, at the }",
    files: json(trailing),
    expect: { ruleId: "file/unreadable", file: "charter.json", ...at(trailing, "},\n    \"x\""), message: /^JSON syntax error: a trailing comma before \}/ },
    only: true,
  },
  {
    dir: "trailing-comma-array",
    title: "a trailing comma before ]",
    files: json(trailingArray),
    expect: { ruleId: "file/unreadable", file: "charter.json", ...at(trailingArray, "],\n      \"spare\""), message: /trailing comma before \]/ },
    only: true,
  },
  {
    dir: "comment",
    title: "a // comment",
    files: json(commented),
    expect: { ruleId: "file/unreadable", file: "charter.json", ...at(commented, "// 第一版"), message: /comments are not allowed in JSON/ },
    only: true,
  },
  {
    dir: "nan",
    title: "NaN is not a JSON number",
    files: json(nan),
    expect: { ruleId: "file/unreadable", file: "charter.json", ...at(nan, "NaN"), message: /NaN is not a JSON number/ },
    only: true,
  },
  {
    dir: "huge-numbers",
    title: "1e400 and a 30-digit integer are numbers the schema judges (Infinity, a rounded double), at their positions",
    files: json(huge),
    expect: { ruleId: "schema/invalid", file: "charter.json", ...at(huge, "100000000000000000000000000001"), message: /schema_version must be 1/ },
  },
  {
    dir: "huge-staff",
    title: "full_time_staff: 1e400",
    files: json(huge),
    expect: { ruleId: "schema/invalid", file: "charter.json", ...at(huge, "1e400"), message: /full_time_staff.*Infinity/ },
  },
  {
    dir: "huge-credit-code",
    title: "a 30-digit credit code keeps its written digits (never a rounded double)",
    files: json(CJ, hugeCode),
    expect: { ruleId: "members/credit-code-invalid", file: "members.json", ...at(hugeCode, "123000004120056761234567890123"), message: /123000004120056761234567890123/ },
  },
  {
    dir: "proto-keys",
    title: "__proto__, constructor, prototype and toString keys are plain data: the proposal is audited as written",
    files: json(proto, protoMembers),
    // Plain data: audited as written, and, being no keys of the schema, reported as unknown (fidelity.md B1).
    expect: { ruleId: "schema/unknown-key", file: "charter.json", message: /"__proto__"/ },
  },
  {
    dir: "yaml-proto-keys",
    title: "the same keys in YAML, and a `<<` merge of a mapping holding __proto__",
    files: {
      "charter.yaml": "__proto__: {polluted: yaml}\nconstructor: {prototype: {polluted: yaml}}\nx-base: &base {__proto__: {polluted: merged}, constructor: {polluted: merged}}\n" + charterText().replace("alliance:\n", "alliance:\n  <<: *base\n"),
      "members.yaml": membersText().replace("- id: M02\n", "- id: M02\n  __proto__: {type: enterprise, polluted: member}\n"),
    },
    expect: { ruleId: "schema/unknown-key", file: "members.yaml", message: /"__proto__"/ },
  },
  {
    dir: "json-duplicate-key",
    title: "a duplicate key on one line of JSON",
    files: json(replaceOnce(CJ, '"schema_version": 1,', '"schema_version": 1, "schema_version": 2,')),
    expect: { ruleId: "file/unreadable", file: "charter.json", line: 2, message: /duplicate key "schema_version" twice on line 2/ },
    only: true,
  },
  {
    dir: "two-values",
    title: "two JSON values in one file",
    files: json(CJ + '{"schema_version": 1}\n'),
    expect: { ruleId: "file/unreadable", file: "charter.json", line: lines(CJ).length, column: 1, message: /more text after the end of the JSON value/ },
    only: true,
  },
  {
    dir: "deep-array",
    title: "10,000-deep JSON arrays",
    files: json(CJ.replace(/^\{\n/, '{\n  "deep": ' + "[".repeat(10_000) + "]".repeat(10_000) + ",\n")),
    expect: { ruleId: "file/unreadable", file: "charter.json", message: /nesting is deeper than/ },
    only: true,
  },
  {
    dir: "top-level-array",
    title: "an array at the top level",
    files: json("[" + CJ + "]"),
    expect: { ruleId: "file/unreadable", file: "charter.json", line: 1, column: 1, message: /top level must be a JSON object.*an array/ },
    only: true,
  },
];

let run: BatchRun;
let protoBefore: string;
beforeAll(async () => {
  await ensureBuilt();
  protoBefore = prototypeState();
  run = await runBatch(box, CASES);
}, 180_000);
afterAll(() => box.cleanup());

describe("hostile JSON", () => {
  for (const c of CASES) it(c.title, () => checkCase(run, c));

  it("no prototype pollution after the run: ({}).polluted is undefined, Object.prototype unchanged", () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
    expect(prototypeState()).toBe(protoBefore);
    expect(typeof ({}).toString).toBe("function");
  });

  it("hostile keys are data: the alliance keeps its own name, a member does not inherit a type", () => {
    for (const report of [run.api, run.cliReport]) {
      for (const dir of ["proto-keys", "yaml-proto-keys"]) {
        const p = report.proposals.find((x) => x.path === `batch/${dir}`)!;
        expect(p.name).toBe("松花江铝镁合金产业技术创新战略联盟");
        // Nothing about the charter is broken; no finding may say "polluted" or come from a merged __proto__.
        for (const f of p.findings) expect(f.message).not.toMatch(/polluted|伪造/);
        expect(p.findings.filter((f) => f.ruleId === "file/unreadable")).toEqual([]);
      }
    }
  });

  it("the batch: every proposal reported, same report in-process and from the binary, nothing changed", () => {
    checkBatch(run, CASES);
  });
});
