// --help in the user's language (issue #13, item 4): the program and every subcommand, chosen by
// --lang (zh, zh-CN, zh_CN, cn), the config's lang, LANG/LC_ALL, or the system locale when no
// locale variable is set (Windows); `help [command]`; defaults, exit codes and two examples.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { audit } from "../../src/audit.js";
import { langFromEnv, normaliseLang } from "../../src/i18n.js";
import type { Lang } from "../../src/types.js";
import { helpEpilogue } from "../../src/cli/help.js";
import { cli } from "../config/run-cli.js";
import { Sandbox } from "../helpers/proposal.js";

const box = new Sandbox();
afterAll(() => box.cleanup());
const COMMANDS = ["init", "explain", "rules", "merge", "schema"];

describe("language normalisation", () => {
  it.each(["zh", "zh-CN", "zh_CN", "zh_CN.UTF-8", "cn", "CN", "ZH-cn", "zh-Hans", "zh_TW"])("%s is zh", (v) => expect(normaliseLang(v)).toBe("zh"));
  it.each(["en", "en-US", "en_GB.UTF-8", "EN", "C", "POSIX"])("%s is en", (v) => expect(normaliseLang(v)).toBe("en"));
  it.each(["fr", "", "zhx", "chinese", "english2", "cnx", "de_DE"])("%s is not a language", (v) => expect(normaliseLang(v)).toBeUndefined());

  it("the API's lang is normalised too (zh_CN → zh)", async () => {
    const cwd = fileURLToPath(new URL("../fixtures/html/", import.meta.url));
    const report = await audit({ paths: ["unsigned"], cwd, asOf: "2025-06-01", lang: "zh_CN" as Lang, jobs: 1 });
    expect(report.proposals[0].findings.some((f) => f.message.includes("没有签署协议"))).toBe(true);
  });

  it("uses the system locale (Intl) only when no locale variable is set", () => {
    expect(langFromEnv({}, () => "zh-CN")).toBe("zh");
    expect(langFromEnv({}, () => "en-US")).toBe("en");
    expect(langFromEnv({ LANG: "en_US.UTF-8" }, () => "zh-CN")).toBe("en");
    expect(langFromEnv({ LC_ALL: "zh_CN.UTF-8" }, () => "en-US")).toBe("zh");
  });
});

describe("--help", () => {
  const dir = box.dir("help");

  it("is in Chinese with --lang zh, zh-CN, zh_CN, cn and with LANG=zh_CN, with defaults, exit codes and examples", () => {
    for (const args of [["--help", "--lang", "zh"], ["--lang", "zh-CN", "--help"], ["--help", "--lang=zh_CN"], ["--help", "--lang", "cn"]]) {
      const r = cli(args, dir);
      expect(r.code, args.join(" ")).toBe(0);
      expect(r.stdout).toMatch(/^用法： alliance-audit/);
      expect(r.stdout).toContain("选项：");
      expect(r.stdout).toContain("默认：stylish");
      expect(r.stdout).toContain("退出码：");
      expect(r.stdout).toContain("示例：");
      expect(r.stdout).not.toMatch(/Usage:|Options:|display help/);
    }
    const env = cli(["--help"], dir, { LANG: "zh_CN.UTF-8" });
    expect(env.stdout).toMatch(/^用法：/);
  });

  it("is in English with --lang en or an English locale", () => {
    for (const [args, env] of [[["--help", "--lang", "en-US"], { LANG: "zh_CN.UTF-8" }], [["--help"], { LANG: "en_GB.UTF-8" }]] as const) {
      const r = cli([...args], dir, env);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: alliance-audit/);
      expect(r.stdout.replace(/\s+/g, " ")).toContain("(default: stylish)"); // commander wraps to the terminal's width
      expect(r.stdout).toContain("Exit codes:\n  0  no finding at or above --fail-on\n  1  ");
      expect(r.stdout).toContain("Examples:\n  alliance-audit ");
      expect(r.stdout).not.toMatch(/用法|选项|退出码/);
    }
  });

  it("follows the config's lang (also written zh-CN)", () => {
    const d = box.dir("help-config");
    writeFileSync(join(d, ".alliance-audit.yaml"), "lang: zh-CN\n");
    expect(cli(["--help"], d).stdout).toMatch(/^用法：/);
    expect(cli(["--help", "--lang", "en"], d).stdout).toMatch(/^Usage:/);
  });

  it.each(COMMANDS)("%s: `help %s` and `%s --help` are the same, localised, with exit codes and two examples", (cmd) => {
    for (const lang of ["zh", "en"] as const) {
      const a = cli(["help", cmd, "--lang", lang], dir);
      const b = cli([cmd, "--help", "--lang", lang], dir);
      expect(a.code).toBe(0);
      expect(b.code).toBe(0);
      expect(a.stdout).toBe(b.stdout);
      expect(a.stdout).toContain(`alliance-audit ${cmd}`);
      expect(a.stdout).toContain(lang === "zh" ? "退出码：" : "Exit codes:");
      const examples = a.stdout.split(lang === "zh" ? "示例：\n" : "Examples:\n")[1].trim().split("\n");
      expect(examples).toHaveLength(2);
      for (const e of examples) expect(e.trim()).toMatch(new RegExp(`^alliance-audit ${cmd} `));
      if (lang === "zh") expect(a.stdout).not.toMatch(/Usage:|Options:|display help/);
    }
  });

  it("`help` alone is the program's help; the epilogue exists for every command in both languages", () => {
    expect(cli(["help", "--lang", "en"], dir).stdout).toMatch(/^Usage: alliance-audit \[options\] \[command\] \[paths\.\.\.\]/);
    expect(cli(["help", "--lang", "zh"], dir).stdout).toMatch(/^用法： alliance-audit/);
    const unknown = cli(["help", "nonsense"], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^alliance-audit: no command "nonsense"; the commands are init, extract, explain, rules, merge, schema/);
    for (const c of ["alliance-audit", ...COMMANDS]) for (const l of ["zh", "en"] as const) expect(helpEpilogue(c, l)).not.toBe("");
  });

  it("rejects an unknown --lang (exit 2) naming the accepted spellings, in the guessed language", () => {
    const en = cli([".", "--lang", "fr"], dir);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain("zh, zh-CN, zh_CN, cn, en");
    const zh = cli([".", "--lang", "fr"], dir, { LANG: "zh_CN.UTF-8" });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/^alliance-audit：选项 --lang <lang> 的值“fr”无效，可选：zh, zh-CN, zh_CN, cn, en；/);
  });

  it("the empty folder's message names alliance-audit init (zh and en)", () => {
    const empty = box.dir("empty");
    const en = cli([], empty);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain("no proposal found under .");
    expect(en.stderr).toContain("run alliance-audit init");
    const zh = cli(["--lang", "zh_CN"], empty);
    expect(zh.stderr).toContain("运行 alliance-audit init");
  });
});
