// Both languages, complete: every rule's title, description, fix and message templates exist in
// Chinese and English (the templates with the same placeholders); every UsageError (the CLI's
// exit-2 messages) is written in both; the tables of `rules` and stylish are localised; --lang
// and the LANG/LC_ALL default reach every command.
import { rulesMeta } from "../../src/registry/meta.js";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { explainCommand, rulesCommand } from "../../src/cli/commands.js";
import { stylish } from "../../src/format/stylish.js";
import { langFromEnv } from "../../src/i18n.js";
import { RULES } from "../../src/rules/index.js";
import { Sandbox, auditReport, replaceOnce } from "../helpers/proposal.js";
import { ROOT, cli } from "../config/run-cli.js";

const CJK = /[\u4e00-\u9fff]/;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("rules", () => {
  it.each(RULES.map((r) => [r.id, r] as const))("%s has every text in zh and en", (_id, rule) => {
    for (const key of ["title", "description", "fix"] as const) {
      const text = rule[key];
      expect(text.zh.trim(), `${key}.zh`).not.toBe("");
      expect(text.en.trim(), `${key}.en`).not.toBe("");
      expect(text.zh, `${key}.zh is Chinese`).toMatch(CJK);
      expect(text.en, `${key}.en is not the Chinese text`).not.toBe(text.zh);
    }
    for (const [id, template] of Object.entries(rule.messages)) {
      // `detail`: a tool message whose whole text the engine writes, in both languages (data.detail).
      if (id === "detail") {
        expect(template).toEqual({ zh: "{detail}", en: "{detail}" });
        continue;
      }
      expect(template.zh.trim(), `messages.${id}.zh`).not.toBe("");
      expect(template.en.trim(), `messages.${id}.en`).not.toBe("");
      expect(template.zh, `messages.${id}.zh is Chinese`).toMatch(CJK);
      expect(placeholders(template.zh), `messages.${id}: the same placeholders`).toEqual(placeholders(template.en));
    }
  });

  it("every rule that checks something has message templates", () => {
    for (const r of RULES) if (r.check) expect(Object.keys(r.messages).length, r.id).toBeGreaterThan(0);
  });
});

/** Every `new UsageError(…)` in src: its argument and where it is. */
function usageErrors(): { where: string; arg: ts.Expression | undefined; file: ts.SourceFile }[] {
  const out: { where: string; arg: ts.Expression | undefined; file: ts.SourceFile }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(".ts")) {
        const file = ts.createSourceFile(p, readFileSync(p, "utf8"), ts.ScriptTarget.ES2022, true);
        const visit = (node: ts.Node) => {
          if (ts.isNewExpression(node) && node.expression.getText(file) === "UsageError") {
            const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
            out.push({ where: `${relative(ROOT, p)}:${line + 1}`, arg: node.arguments?.[0], file });
          }
          ts.forEachChild(node, visit);
        };
        visit(file);
      }
    }
  };
  walk(join(ROOT, "src"));
  return out;
}

/** The literal text of a string or template (its fixed parts), or undefined when it is computed. */
function literalText(e: ts.Expression): string | undefined {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
  if (ts.isTemplateExpression(e)) return e.head.text + e.templateSpans.map((s) => s.literal.text).join("");
  return undefined;
}

describe("CLI error texts (UsageError, exit 2)", () => {
  const errors = usageErrors();

  it("are many (the scan works)", () => {
    expect(errors.length).toBeGreaterThan(40);
  });

  it("always carry a Chinese and an English text", () => {
    const problems: string[] = [];
    for (const { where, arg, file } of errors) {
      if (!arg) {
        problems.push(`${where}: no text`);
        continue;
      }
      if (!ts.isObjectLiteralExpression(arg)) continue; // a Text passed on (checked where it is made)
      const props = new Map<string, ts.Expression>();
      for (const p of arg.properties) if (ts.isPropertyAssignment(p)) props.set(p.name.getText(file), p.initializer);
      for (const lang of ["zh", "en"]) {
        const init = props.get(lang);
        if (!init) {
          problems.push(`${where}: no ${lang}`);
          continue;
        }
        const text = literalText(init);
        if (text !== undefined && text.trim() === "") problems.push(`${where}: empty ${lang}`);
        if (lang === "zh" && text !== undefined && !CJK.test(text) && !/^\$\{/.test(init.getText(file).slice(1))) problems.push(`${where}: zh text is not Chinese: ${init.getText(file)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("are shown in the language of LANG (and --lang) by the CLI", () => {
    const box = new Sandbox();
    try {
      const dir = box.dir();
      const cases = [["nowhere"], ["--as-of", "2025-13-01", "."], ["explain", "agreement/unsiged"], ["--format", "pdf", "."], ["--shard", "3/2", "."], ["schema", "roster"]];
      for (const args of cases) {
        const en = cli(args, dir, { LANG: "en_US.UTF-8" });
        const zh = cli(args, dir, { LANG: "zh_CN.UTF-8" });
        expect(en.code, args.join(" ")).toBe(2);
        expect(zh.code, args.join(" ")).toBe(2);
        expect(en.stderr, args.join(" ")).toMatch(/^alliance-audit: [\x20-\x7e“”]/);
        expect(en.stderr).not.toMatch(CJK);
        expect(zh.stderr, args.join(" ")).toMatch(CJK);
      }
      expect(cli(["nowhere", "--lang", "zh"], dir).stderr).toBe("alliance-audit: 路径不存在：nowhere\n");
      expect(cli(["nowhere", "--lang", "en"], dir, { LANG: "zh_CN.UTF-8" }).stderr).toBe("alliance-audit: path not found: nowhere\n");
    } finally {
      box.cleanup();
    }
  });
});

describe("command-line parse errors (commander's)", () => {
  it("are said in Chinese under a zh locale or --lang zh, in English otherwise", () => {
    const box = new Sandbox();
    try {
      const dir = box.dir();
      const cases: [string[], string, string][] = [
        [["--bogus"], "alliance-audit: unknown option '--bogus'", "alliance-audit：未知的选项“--bogus”"],
        [["--fail-on", "x"], "argument 'x' is invalid. Allowed choices are error, warning, info, never", "选项 --fail-on <level> 的值“x”无效，可选：error、warning、info、never"],
        [["explain"], "missing required argument 'rule-id'", "缺少参数 rule-id"],
        [["--fromat", "json"], "(Did you mean --format?)", "（是否指 --format？）"],
        [["init", "a", "b"], "too many arguments for 'init'", "命令 init 的参数过多：应为 1 个，实际 2 个"],
      ];
      for (const [args, en, zh] of cases) {
        const e = cli(args, dir, { LANG: "en_US.UTF-8" });
        expect(e.code, args.join(" ")).toBe(2);
        expect(e.stderr).toContain(en);
        expect(e.stderr).toContain("; run alliance-audit --help for usage");
        expect(e.stderr.trimEnd().split("\n"), "one line").toHaveLength(1);
        const z = cli(args, dir, { LANG: "zh_CN.UTF-8" });
        expect(z.code, args.join(" ")).toBe(2);
        expect(z.stderr).toContain(zh);
        expect(z.stderr).toContain("；运行 alliance-audit --help 查看用法");
        expect(z.stderr.trimEnd().split("\n"), "one line").toHaveLength(1);
      }
      expect(cli(["--bogus", "--lang", "zh"], dir).stderr).toContain("未知的选项");
    } finally {
      box.cleanup();
    }
  });
});

describe("localised output", () => {
  const box = new Sandbox();
  afterAll(() => box.cleanup());

  it("rules: the table headers and caption, in both languages", () => {
    const zh = rulesCommand("national", "zh");
    expect(zh).toMatch(/^规则集 national：\d+ 条规则/);
    for (const h of ["规则", "级别", "名称", "依据"]) expect(zh.split("\n").slice(0, 4).join("\n")).toContain(h);
    expect(zh).toContain("国科发政〔2008〕770号 第八条（二）");
    const en = rulesCommand("national", "en");
    expect(en).toMatch(/^profile national: \d+ rules/);
    for (const h of ["rule", "severity", "title", "citation"]) expect(en.split("\n").slice(0, 4).join("\n")).toContain(h);
    expect(en).not.toMatch(/规则|级别/);
  });

  it("rules and explain through the CLI follow --lang and LANG", () => {
    const dir = box.dir();
    expect(cli(["rules", "--lang", "zh"], dir).stdout).toMatch(/^规则集 national/);
    expect(cli(["rules"], dir, { LANG: "zh_CN.UTF-8" }).stdout).toMatch(/^规则集 national/);
    expect(cli(["rules"], dir, { LC_ALL: "zh_TW.UTF-8", LANG: "en_US.UTF-8" }).stdout).toMatch(/^规则集/);
    expect(cli(["rules", "--profile", "heilongjiang", "--lang", "en"], dir, { LANG: "zh_CN.UTF-8" }).stdout).toMatch(/^profile heilongjiang/);
    const explain = explainCommand("agreement/unsigned");
    expect(explain).toContain("说明：");
    expect(explain).toContain("Explanation:");
  });

  it("stylish: headers, severities, summary and messages in both languages", async () => {
    const dir = box.proposal({ charterText: (t) => replaceOnce(t, "signatory: 陈志远", "signatory: 陈志") });
    box.proposal({}, `${dir.slice(box.root.length + 1)}/second`);
    const zhReport = await auditReport(dir, { lang: "zh" });
    const zh = stylish(zhReport, { lang: "zh", color: false, failOn: "error", rules: rulesMeta("national") });
    for (const w of ["错误", "申报材料", "结果", "未通过", "通过"]) expect(zh).toContain(w);
    expect(zh).toContain("国科发政〔2008〕770号");
    const enReport = await auditReport(dir, { lang: "en" });
    const en = stylish(enReport, { lang: "en", color: false, failOn: "error", rules: rulesMeta("national") });
    for (const w of ["error", "proposal", "status", "fail", "pass"]) expect(en).toContain(w);
    // English output has Chinese only where the data is Chinese (names, quoted values).
    const enWithoutData = en.replace(/[“"][^”"]*[”"]|（[^）]*）|\S*联盟\S*/g, "");
    expect(enWithoutData).not.toMatch(/错误|警告|提示|申报材料|未通过|已抑制/);
  });

  it("engine messages (suppressions) exist in both languages", async () => {
    const dir = box.proposal({ charterText: (t) => replaceOnce(t, "    signatory: 陈志远", "    # alliance-audit-disable-next-line agreement/unsigned\n    signatory: 陈志远") });
    const zh = (await auditReport(dir, { lang: "zh" })).proposals[0].findings.map((f) => f.message);
    const en = (await auditReport(dir, { lang: "en" })).proposals[0].findings.map((f) => f.message);
    expect(zh).toHaveLength(2); // no reason, and nothing to suppress
    for (const m of zh) expect(m).toMatch(CJK);
    for (const m of en) expect(m).not.toMatch(CJK);
  });

  it("the default language comes from LC_ALL, LC_MESSAGES, LANG in that order", () => {
    expect(langFromEnv({ LANG: "zh_CN.UTF-8" })).toBe("zh");
    expect(langFromEnv({ LC_ALL: "en_US.UTF-8", LANG: "zh_CN.UTF-8" })).toBe("en");
    expect(langFromEnv({ LC_MESSAGES: "zh_TW", LANG: "en_US" })).toBe("zh");
    expect(langFromEnv({})).toBe("en");
  });
});
