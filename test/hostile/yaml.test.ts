// Hostile YAML (issue 4): every broken charter is one clear `file/unreadable` finding with its
// line and column, the rest of the batch is still audited, nothing crashes, hangs or changes.
// Each case is a proposal of one batch, audited once in-process and once by the built binary.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../helpers/cli.js";
import { loadYaml } from "../../src/load/yaml.js";
import { LIMITS } from "../../src/limits.js";
import { AS_OF, Sandbox, charterText, checkBatch, checkCase, cli, expectFinding, jsonOf, lineOf, membersText, replaceOnce, runBatch, type BatchRun, type HostileCase } from "./helpers.js";

const C = charterText();
const box = new Sandbox();
const charter = (text: string) => ({ "charter.yaml": text });

/** Alias bomb ("billion laughs"): 10 levels of 10 aliases each would be 10^10 values. */
const bomb = ["lol: &a0 [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 10 }, (_, i) => `l${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(", ")}]`)].join("\n") + "\n" + C;

const DEEP = 10_000;
const nameLine = lineOf(C, "  name: 松花江铝镁合金产业技术创新战略联盟");
const fieldLine = lineOf(C, "  field: 铝镁合金");

const CASES: HostileCase[] = [
  {
    dir: "syntax-error",
    title: "a syntax error (a colon inside an unquoted value): its line and column",
    files: charter(replaceOnce(C, "  field: 铝镁合金\n", "  field: 铝镁合金: 轻量化\n")),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", line: fieldLine, column: 14, message: /^YAML syntax error: .*mapping/ },
    only: true,
  },
  {
    dir: "tab-indent",
    title: "a tab used for indentation: named, at the tab (the parser alone would move the key)",
    files: charter(replaceOnce(C, "  field: 铝镁合金\n", "\tfield: 铝镁合金\n")),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", line: fieldLine, column: 1, message: new RegExp(`line ${fieldLine} is indented with a tab; YAML indents with spaces only`) },
    only: true,
  },
  {
    dir: "tab-legit",
    title: "tabs where YAML allows them (after `key:`, inside quotes and flow lists) are fine",
    files: charter(replaceOnce(replaceOnce(C, "  field: 铝镁合金\n", "  field:\t铝镁合金\t# 领域\n"), "  name_en: Songhua River Al-Mg Alloy Industrial Technology Innovation Alliance\n", '  name_en: "Songhua River Al-Mg Alloy\n\tIndustrial Technology Innovation Alliance"\n')),
    pass: true,
  },
  {
    dir: "unclosed-quote",
    title: "an unclosed double quote",
    files: charter(replaceOnce(C, "  name: 松花江铝镁合金产业技术创新战略联盟\n", '  name: "松花江铝镁合金产业技术创新战略联盟\n')),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", message: /^YAML syntax error: .*(quoted|stream)/ },
    only: true,
  },
  {
    dir: "duplicate-key",
    title: "a duplicate key names both lines",
    files: charter(replaceOnce(C, "  field: 铝镁合金\n", "  field: 铝镁合金\n  name: 另一个联盟\n")),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", line: fieldLine + 1, column: 3, message: new RegExp(`duplicate key "name" on lines ${nameLine} and ${fieldLine + 1}; remove or merge one of them`) },
    only: true,
  },
  {
    dir: "anchors-aliases",
    title: "anchors and aliases used as intended are read like the values they name",
    files: charter(
      replaceOnce(
        replaceOnce(C, "  signed_date: '2024-03-15'\n", "  signed_date: &signed '2024-03-15'\n"),
        "    signatory: 陈志远\n    capacity: legal_representative\n    date: '2024-03-15'\n",
        "    signatory: 陈志远\n    capacity: legal_representative\n    date: *signed\n",
      ),
    ),
    pass: true,
  },
  {
    dir: "alias-undefined",
    title: "an alias to an anchor that does not exist",
    files: charter(replaceOnce(C, "  liable_entity: M01\n", "  liable_entity: *nobody\n")),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", line: lineOf(C, "  liable_entity: M01"), message: /nobody/ },
    only: true,
  },
  {
    dir: "alias-self",
    title: "an alias that contains itself is refused, not followed forever",
    files: charter(C + "loop: &loop [a, *loop]\n"),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", message: /deeper than|expands to more than|alias|anchor/ },
    only: true,
  },
  {
    dir: "alias-bomb",
    title: "an alias bomb (billion laughs) is refused past the node budget",
    files: charter(bomb),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", message: new RegExp(`expands to more than ${LIMITS.maxNodes} values \\(an anchor/alias bomb\\?\\); expansion refused`) },
    only: true,
  },
  {
    dir: "deep-flow",
    title: `${DEEP.toLocaleString("en")}-deep flow nesting`,
    files: charter(C + "deep: " + "[".repeat(DEEP) + "x" + "]".repeat(DEEP) + "\n"),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", message: new RegExp(`nesting is deeper than ${LIMITS.maxDepth} levels`) },
    only: true,
  },
  {
    dir: "deep-flow-maps",
    title: `${DEEP.toLocaleString("en")}-deep flow mappings, never closed`,
    files: charter(C + "deep: " + "{a: ".repeat(DEEP) + "\n"),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", message: /deeper than|YAML syntax error/ },
    only: true,
  },
  {
    dir: "deep-block",
    title: `${DEEP.toLocaleString("en")}-deep block nesting (compact sequences)`,
    files: charter(C + "deep:\n" + "- ".repeat(DEEP) + "x\n"),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", message: new RegExp(`nesting is deeper than ${LIMITS.maxDepth} levels`) },
    only: true,
  },
  {
    dir: "deep-block-maps",
    title: "2,000-deep indented block mappings (2 MB of indentation)",
    files: charter(C + "deep:\n" + Array.from({ length: 2000 }, (_, i) => `${" ".repeat(i + 1)}k${i}:`).join("\n") + " x\n"),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", message: new RegExp(`nesting is deeper than ${LIMITS.maxDepth} levels`) },
    only: true,
  },
  {
    dir: "multi-document",
    title: "two documents in one file: the second --- is named",
    files: charter(C + "---\nschema_version: 1\n"),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", line: C.split("\n").length, column: 1, message: /more than one YAML document/ },
    only: true,
  },
  {
    dir: "one-document-markers",
    title: "one document with explicit --- and ... markers is fine",
    files: charter("---\n" + C + "...\n"),
    pass: true,
  },
  {
    dir: "tag-js-function",
    title: "a !!js/function tag is refused, never run",
    files: charter(replaceOnce(C, "  field: 铝镁合金\n", "  field: !!js/function 'function () { globalThis.ALLIANCE_PWNED = 1 }'\n")),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", line: fieldLine, column: 10, message: /unsupported YAML tag !!js\/function/ },
    only: true,
  },
  {
    dir: "tag-binary",
    title: "a !!binary tag is refused with its position",
    files: charter(replaceOnce(C, "  field: 铝镁合金\n", "  field: !!binary 6ZOd6ZWB5ZCI6YeR\n")),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", line: fieldLine, column: 10, message: /unsupported YAML tag !!binary/ },
    only: true,
  },
  {
    dir: "tag-python",
    title: "a !!python/object tag and a local !tag are refused",
    files: charter(replaceOnce(C, "  field: 铝镁合金\n", "  field: !!python/object/apply:os.system ['rm -rf /']\n")),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", line: fieldLine, message: /unsupported YAML tag !!python\/object\/apply:os.system/ },
    only: true,
  },
  {
    dir: "tag-include",
    title: "!include is refused: nothing outside the proposal is read",
    files: charter(replaceOnce(C, "  field: 铝镁合金\n", "  field: !include /etc/passwd\n")),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", line: fieldLine, message: /!include is not supported/ },
    only: true,
  },
  {
    dir: "merge-keys",
    title: "`<<` merge keys: merged values count, explicit keys win",
    files: charter(
      replaceOnce(
        C,
        "  - member: M02\n    signatory: 陈志远\n    capacity: legal_representative\n    date: '2024-03-15'\n",
        "  - <<: &sig {member: M99, signatory: 无名, capacity: legal_representative, date: '2024-03-15'}\n    member: M02\n    signatory: 陈志远\n",
      ),
    ),
    pass: true,
  },
  {
    dir: "merge-not-mapping",
    title: "a `<<` merge of a scalar",
    files: charter(replaceOnce(C, "  field: 铝镁合金\n", "  <<: 铝镁合金\n")),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", line: fieldLine, column: 7, message: /"<<" merge key must be a mapping/ },
    only: true,
  },
  {
    dir: "complex-key",
    title: "a list used as a key",
    files: charter(C + "? [a, b]\n: c\n"),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", message: /key must be plain text/ },
    only: true,
  },
  {
    dir: "empty",
    title: "an empty charter",
    files: charter(""),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", line: 1, column: 1, message: /the file is empty/ },
    only: true,
  },
  {
    dir: "comments-only",
    title: "a charter of comments only",
    files: charter("# 联盟章程\n# TODO\n"),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", message: /the file is empty/ },
    only: true,
  },
  {
    dir: "top-level-list",
    title: "a list at the top level",
    files: charter("- schema_version: 1\n"),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", line: 1, column: 1, message: /top level must be a mapping.*a list/ },
    only: true,
  },
  {
    dir: "control-chars",
    title: "control characters in the text",
    files: charter(replaceOnce(C, "  field: 铝镁合金\n", "  field: 铝镁\u0001合金\u001b[2J\n")),
    expect: { ruleId: "file/unreadable", file: "charter.yaml", line: fieldLine, message: /YAML syntax error: .*non-printable/ },
    only: true,
  },
];

let run: BatchRun;
beforeAll(async () => {
  await ensureBuilt();
  run = await runBatch(box, CASES);
}, 180_000);
afterAll(() => box.cleanup());

describe("hostile YAML", () => {
  for (const c of CASES) it(c.title, () => checkCase(run, c));

  it("the batch: every proposal reported, same report in-process and from the binary, exit 1, nothing changed", () => {
    checkBatch(run, CASES);
    expect(run.cli.code).toBe(1);
    expect((globalThis as Record<string, unknown>).ALLIANCE_PWNED).toBeUndefined();
  });

  it("the whole hostile batch finishes: the binary was not killed by runBatch's time limit", () => {
    // Not a duration (machines are shared): a hang shows as the kill signal; bench/ measures time.
    expect(run.cli.signal).toBeNull();
  });
});

describe("found by fuzzing", () => {
  // Run by the binary with a time limit: in-process, a regression would hang the test worker.
  it("an invalid \\x, \\u or \\U escape at the end of a file does not hang the parser", async () => {
    const texts = ['  note: "\\x"', '  note: "\\u12', '  note: "\\U0000004' + " ".repeat(40), '  note: "\\x"\n\n'];
    texts.forEach((t, i) => box.proposal(`escape-hang/${i}`, { "members.yaml": membersText() + t }));
    const r = await cli(["escape-hang", "--format", "json", "--as-of", AS_OF], box.root, { timeoutMs: 20_000 });
    expect(r.signal, "the run was killed after 20 s: the parser hangs").toBeNull();
    const report = jsonOf(r);
    expect(report.proposals).toHaveLength(texts.length);
    for (const p of report.proposals) expectFinding(p, { ruleId: "file/unreadable", file: "members.yaml", message: /YAML syntax error: expected hexadecimal character/ }, true);
  });

  it("text that makes the parser itself throw is a finding", () => {
    const r = loadYaml("[- ?*", { isTextField: () => false });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.en).toMatch(/^cannot parse the YAML file/);
  });
});

describe("the YAML loader on its own", () => {
  const load = (text: string) => loadYaml(text, { isTextField: () => false });

  it("the alias bomb is refused by the node budget (a count), not expanded", () => {
    const r = load(bomb);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.en).toMatch(/expands to more than/);
  });

  it("a file of 300,000 keys loads, and a duplicate key among them is found by our own check, naming both lines", () => {
    // The parser's own duplicate-key check compared every key with every earlier one (quadratic);
    // it is off, and the converter's Map finds the duplicate. The time is bench/'s business.
    const keys = Array.from({ length: 300_000 }, (_, i) => `k${i}: v`);
    const d = load(keys.join("\n") + "\n");
    expect(d.ok && Object.keys(d.doc.data).length).toBe(300_000);
    const dup = load([...keys, "k7: again"].join("\n") + "\n");
    expect(dup.ok).toBe(false);
    if (!dup.ok) {
      expect(dup.error.position.line).toBe(300_001);
      expect(dup.error.message.en).toMatch(/lines 8 and 300,?001/);
    }
  });

  it("lines ended by a lone CR are counted as lines", () => {
    const r = load("a: 1\rb: [\r");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.position.line).toBeGreaterThanOrEqual(2);
  });

  it("a duplicate key on one line says so", () => {
    const r = load("a: {b: 1, b: 2}\n");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message.en).toBe('duplicate key "b" twice on line 1; remove or merge one of them');
  });
});
