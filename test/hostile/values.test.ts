// Hostile values (issue 4): the files parse, but the values are of the wrong type or shape. Each
// is a finding at the value (schema/invalid, or the condition rule that covers it), never a
// crash, and the rest of the proposal is still audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../helpers/cli.js";
import { Sandbox, charterText, checkBatch, checkCase, lineOf, membersText, replaceOnce, runBatch, type BatchRun, type HostileCase } from "./helpers.js";

const box = new Sandbox();
const C = charterText();
const M = membersText();
const col = (text: string, needle: string, inLine: string) => text.split("\n")[lineOf(text, inLine) - 1].indexOf(needle) + 1;
const ch = (from: string, to: string) => replaceOnce(C, from, to);
const MB = 1 << 20;

const govList = C.replace(/governance:\n[\s\S]*?\nfunding:/, "governance: [理事会, 专家委员会, 秘书处]\nfunding:");
const nullSections = C.replace(/funding:\n[\s\S]*?\nip:/, "funding:\nip:").replace(/openness:\n[\s\S]*$/, "openness: ~\n");
const typesEverywhere = M.replace("type: enterprise\n  credit_code: 91230100MA1B2C3D8M", "type: [enterprise, university]\n  credit_code: 91230100MA1B2C3D8M")
  .replace("name: 龙江理工大学", "name: 42")
  .replace("backbone: true", "backbone: 'yes please'")
  .replace("province: 辽宁省", "province: {name: 辽宁省}");

const CASES: HostileCase[] = [
  {
    dir: "list-for-object",
    title: "a list where a section belongs",
    files: { "charter.yaml": govList },
    expect: { ruleId: "schema/invalid", file: "charter.yaml", line: lineOf(govList, "governance:"), column: 13, message: /governance must be a section of "key: value" pairs, found a list/ },
  },
  {
    dir: "list-for-body",
    title: "a list where a body (decision_body) belongs: the rule that needs it reports it",
    files: { "charter.yaml": ch("  decision_body:\n    name: 理事会\n", "  decision_body:\n  - name: 理事会\n") },
    expect: { ruleId: "governance/decision-body", file: "charter.yaml", line: lineOf(C, "  decision_body:") + 1, column: 3 },
  },
  {
    dir: "number-for-name",
    title: "a number for the alliance's name",
    files: { "charter.yaml": ch("  name: 松花江铝镁合金产业技术创新战略联盟\n", "  name: 12345\n") },
    expect: { ruleId: "schema/invalid", file: "charter.yaml", line: lineOf(C, "  name: 松花江"), column: 9, message: /alliance\.name must be text, found 12345/ },
  },
  {
    dir: "null-sections",
    title: "empty and null sections (funding:, openness: ~) are missing sections",
    files: { "charter.yaml": nullSections },
    expect: { ruleId: "funding/management-rules", file: "charter.yaml", line: lineOf(nullSections, "funding:") },
  },
  {
    dir: "types-everywhere",
    title: "wrong types in the roster: a list for a type, a number for a name, text for a boolean, a mapping for a province",
    files: { "members.yaml": typesEverywhere },
    expect: { ruleId: "schema/invalid", file: "members.yaml", line: lineOf(typesEverywhere, "name: 42"), column: 9, message: /members\[1\]\.name must be text, found 42/ },
  },
  {
    dir: "types-everywhere-2",
    title: "wrong types in the roster (2): text for a boolean",
    files: { "members.yaml": typesEverywhere },
    expect: { ruleId: "schema/invalid", file: "members.yaml", line: lineOf(typesEverywhere, "backbone: 'yes please'"), message: /backbone must be true or false.*found the text "yes please"/ },
  },
  {
    dir: "roster-not-list",
    title: "members: a mapping instead of a list",
    files: { "members.yaml": "members: {M01: 松花江铝业股份有限公司}\n" },
    expect: { ruleId: "schema/invalid", file: "members.yaml", line: 1, column: 10, message: /members must be a list/ },
  },
  {
    dir: "percent-strings",
    title: "percentages written as text ('60', \"40%\")",
    files: { "charter.yaml": ch("      M01: 60\n      M02: 40\n", "      M01: '60'\n      M02: \"40%\"\n") },
    expect: { ruleId: "schema/invalid", file: "charter.yaml", line: lineOf(C, "      M02: 40"), column: 12, message: /ownership\.M02 must be a number, found the text "40%"/ },
  },
  {
    dir: "date-feb-30",
    title: "a date that does not exist (2024-02-30)",
    files: { "charter.yaml": ch("  signed_date: '2024-03-15'\n", "  signed_date: 2024-02-30\n") },
    expect: { ruleId: "schema/invalid", file: "charter.yaml", line: lineOf(C, "  signed_date:"), column: 16, message: /signed_date must be a valid date written YYYY-MM-DD, found the text "2024-02-30"/ },
  },
  {
    dir: "date-slashes",
    title: "a date written 2024/03/15",
    files: { "charter.yaml": ch("  signed_date: '2024-03-15'\n", "  signed_date: 2024/03/15\n") },
    expect: { ruleId: "schema/invalid", file: "charter.yaml", line: lineOf(C, "  signed_date:"), message: /found the text "2024\/03\/15"/ },
  },
  {
    dir: "negative-staff",
    title: "a negative staff count",
    files: { "charter.yaml": ch("    full_time_staff: 3\n", "    full_time_staff: -3\n") },
    expect: { ruleId: "governance/full-time-staff", file: "charter.yaml", line: lineOf(C, "full_time_staff"), column: 22, message: /-3/ },
  },
  {
    dir: "infinite-staff",
    title: "full_time_staff: .inf",
    files: { "charter.yaml": ch("    full_time_staff: 3\n", "    full_time_staff: .inf\n") },
    expect: { ruleId: "schema/invalid", file: "charter.yaml", line: lineOf(C, "full_time_staff"), column: 22, message: /full_time_staff must be a whole number, found Infinity/ },
  },
  {
    dir: "infinite-share",
    title: "a share of -.inf percent",
    files: { "charter.yaml": ch("      M01: 60\n      M02: 40\n", "      M01: -.inf\n      M02: 40\n") },
    expect: { ruleId: "schema/invalid", file: "charter.yaml", line: lineOf(C, "      M01: 60"), column: 12, message: /-Infinity/ },
  },
  {
    dir: "boolean-as-text",
    title: 'legally_binding: "maybe" is reported by its rule only ("yes" is a boolean word, fidelity.md A9)',
    files: { "charter.yaml": ch("  legally_binding: true\n", "  legally_binding: \"maybe\"\n") },
    expect: { ruleId: "agreement/not-legally-binding", file: "charter.yaml", line: lineOf(C, "legally_binding"), column: col(C, "true", "legally_binding") },
    only: true,
  },
  {
    dir: "long-string",
    title: "a 1 MB alliance name and a 1 MB key are just long",
    files: { "charter.yaml": ch("  name_en: Songhua River Al-Mg Alloy Industrial Technology Innovation Alliance\n", `  name_en: ${"长".repeat(MB)}\n  ${"k".repeat(MB)}: x\n`) },
    // The unknown 1 MB key is reported, its name cut short in the message.
    expect: { ruleId: "schema/unknown-key", file: "charter.yaml", message: /^alliance has no key "k{40}…"; its value is not audited$/ },
  },
];

let run: BatchRun;
beforeAll(async () => {
  await ensureBuilt();
  run = await runBatch(box, CASES);
}, 180_000);
afterAll(() => box.cleanup());

describe("hostile values", () => {
  for (const c of CASES) it(c.title, () => checkCase(run, c));

  it("the batch: every proposal reported, same report in-process and from the binary, nothing changed", () => {
    checkBatch(run, CASES);
  });
});
