// Issue #12 item 1: a charter or roster is written by an attacker. Alliance names, member names,
// credit codes, references and folder names holding ESC, BEL, CR, LF, NUL, C1 controls, DEL and
// bidirectional overrides never reach the output raw in any format that is not JSON (stylish,
// --watch, markdown, github, junit, html, csv, and the action's `format: stylish`): each is shown
// visibly as `\u001b`. A newline plus `::error …::` cannot forge a GitHub annotation, and Markdown
// neutralises @mentions and bare-URL autolinks.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { audit } from "../../src/audit.js";
import { loadFormatter } from "../../src/format/index.js";
import { esc } from "../../src/format/markdown.js";
import { visible } from "../../src/format/visible.js";
import { rulesMeta } from "../../src/registry/meta.js";
import type { Lang, Report } from "../../src/types.js";
import { ensureBuilt } from "../helpers/cli.js";
import { standard } from "../formats/helpers.js";
import { AS_OF, BIN, ROOT, Sandbox, cli, cliEnv, expectNoStack, jsonOf } from "./helpers.js";
import { HOSTILE, HOSTILE_DIR, HOSTILE_FILE, INJECTED, commandLines, decodeCommand, hostileCsvProposal, hostileFileProposal, hostileYamlProposal, rawControlIn } from "./injection-helpers.js";

const NON_JSON = ["stylish", "markdown", "github", "junit", "html", "csv"] as const;
const box = new Sandbox("alliance-audit-inject-");
let api: Report;

beforeAll(async () => {
  await ensureBuilt();
  box.proposal(`batch/${HOSTILE_DIR}`, hostileYamlProposal());
  box.proposal("batch/csv", hostileCsvProposal());
  box.proposal("batch/named", hostileFileProposal());
  box.proposal("batch/ok");
  api = await audit({ paths: ["batch"], cwd: box.root, asOf: AS_OF, lang: "en", jobs: 1 });
}, 120_000);
afterAll(() => box.cleanup());

/** What a format's output may legitimately hold: CSV's CRLF row ends; colours' SGR sequences. */
function rawIn(format: string, out: string, colour = false): string | undefined {
  let t = format === "csv" ? out.replace(/\r\n/g, "\n") : out;
  if (colour) t = t.replace(/\u001b\[[0-9;]*m/g, "");
  return rawControlIn(t);
}

describe("the hostile proposals really carry the characters", () => {
  it("the report (JSON, which keeps data as data) holds every injected character raw, in names, messages and paths", () => {
    const json = JSON.stringify(api.proposals.map((p) => [p.path, p.name, p.findings.map((f) => [f.file, f.message])]));
    const text = JSON.parse(json).flat(3).join("\n") as string;
    for (const ch of INJECTED) expect(text.includes(ch), `U+${ch.charCodeAt(0).toString(16)}`).toBe(true);
    const hostile = api.proposals.find((p) => p.path === `batch/${HOSTILE_DIR}`)!;
    expect(hostile.name).toBe(`松花江${HOSTILE}联盟`);
    expect(hostile.findings.map((f) => f.ruleId).sort()).toEqual(["members/credit-code-invalid", "ref/unknown-member"]);
    const named = api.proposals.find((p) => p.path === "batch/named")!;
    expect(named.findings.map((f) => [f.ruleId, f.file])).toEqual([["members/credit-code-invalid", `batch/named/${HOSTILE_FILE}`]]);
    const csv = api.proposals.find((p) => p.path === "batch/csv")!;
    expect(csv.findings.some((f) => f.message.includes("\u001b]0;pwned\u0007"))).toBe(true);
  });
});

describe("every non-JSON format shows control characters visibly (in-process, zh and en)", () => {
  for (const format of NON_JSON) {
    for (const lang of ["en", "zh"] as Lang[]) {
      it(`${format} (${lang})`, async () => {
        const formatter = (await loadFormatter(format))!;
        const out = formatter(api, { lang, color: false, failOn: "error", rules: rulesMeta("national"), fixHints: true, width: format === "stylish" ? 80 : undefined });
        expect(rawIn(format, out)).toBeUndefined();
        // Shown, not dropped: the ESC of the alliance name is there as \u001b.
        expect(out).toContain("\\u001b]0;pwned\\u0007\\u001b[2J");
        expect(out).toContain("\\u202e");
        expect(commandLines(format === "github" ? "" : out)).toEqual([]);
      });
    }
  }

  it("the visible form is the escape a reader can decode: one \\uXXXX per character", () => {
    expect(visible("a\u001bb\u0007c\r\nd\u0000e\u0085f\u009b\u007f\u2028\u202e\u2066g")).toBe("a\\u001bb\\u0007c\\u000d\\u000ad\\u0000e\\u0085f\\u009b\\u007f\\u2028\\u202e\\u2066g");
    // Printable text is untouched, Chinese included.
    expect(visible("龙江理工大学 M02 “引号” 100%")).toBe("龙江理工大学 M02 “引号” 100%");
  });
});

describe("the built command line", () => {
  for (const format of NON_JSON) {
    it(`--format ${format}: nothing raw on stdout or stderr, exit 1, no stack`, async () => {
      const r = await cli(["batch", "--format", format, "--as-of", AS_OF, "--lang", "en"], box.root);
      expect(r.code, r.stderr).toBe(1);
      expectNoStack(r.stderr);
      expect(rawIn(format, r.stdout)).toBeUndefined();
      expect(rawControlIn(r.stderr)).toBeUndefined();
    });
  }

  it("stylish in colour: the only escape sequences are its own colours", async () => {
    const r = await cli(["batch", "--format", "stylish", "--as-of", AS_OF, "--lang", "zh"], box.root, { env: { NO_COLOR: "", FORCE_COLOR: "1" } });
    expect(r.stdout).toMatch(/\u001b\[\d+m/); // colours are on
    expect(rawIn("stylish", r.stdout, true)).toBeUndefined();
    expect(commandLines(r.stdout)).toEqual([]);
  });

  it("github: one workflow command per finding, each naming its own rule; the forged `::error` stays inside a message", async () => {
    const r = await cli(["batch", "--format", "github", "--as-of", AS_OF, "--lang", "en"], box.root);
    const findings = api.proposals.flatMap((p) => p.findings);
    const lines = r.stdout.split("\n").slice(0, -1);
    expect(lines).toHaveLength(findings.length);
    // Every line the runner would read as a command is one of ours, decoded back to the finding.
    expect(commandLines(r.stdout)).toEqual(lines);
    lines.forEach((line, i) => {
      const cmd = decodeCommand(line)!;
      const f = findings[i];
      expect(cmd.command).toBe("error");
      expect(cmd.props.title).toBe(f.ruleId);
      expect(cmd.props.line).toBe(String(f.line));
      expect(Object.keys(cmd.props).sort()).toEqual(["col", "file", "line", "title"]);
      // The runner turns %0D%0A back into CR/LF inside the annotation's text; every other control is visible.
      expect(rawControlIn(cmd.data.replace(/\r|\n/g, ""))).toBeUndefined();
      expect(rawControlIn(cmd.props.file.replace(/\r|\n/g, ""))).toBeUndefined();
    });
    expect(lines.some((l) => l.includes("forged"))).toBe(true);
    expect(lines.filter((l) => l.startsWith("::error file=x.yaml"))).toEqual([]);
  });

  it("junit: valid against the Jenkins JUnit schema, controls visible", async () => {
    const r = await cli(["batch", "--format", "junit", "--as-of", AS_OF, "--lang", "zh"], box.root);
    const v = await validateXML({ xml: [{ fileName: "r.xml", contents: r.stdout }], schema: [standard("jenkins-xunit-plugin-junit-10.xsd")] });
    expect(v.valid ? [] : v.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(r.stdout).toContain("\\u000d\\u000a::error file=x.yaml");
    expect(r.stdout).not.toMatch(/&#1[03];/); // not even as character references the viewer would decode
  });

  it("markdown: no @mention and no autolinked URL from input values (zh and en)", async () => {
    for (const lang of ["en", "zh"]) {
      const r = await cli(["batch", "--format", "markdown", "--as-of", AS_OF, "--lang", lang], box.root);
      expect(r.stdout).toContain("octocat");
      expect(r.stdout).not.toMatch(/@octocat/);
      expect(r.stdout).not.toMatch(/https?:\/\/evil/);
      expect(r.stdout).not.toMatch(/\bwww\.evil/);
      // The rule links the tool writes itself stay links.
      expect(r.stdout).toMatch(/\]\(https:\/\//);
    }
  });

  it("html: the hostile text is shown escaped and visible, never as markup", async () => {
    const r = await cli(["batch", "--format", "html", "--as-of", AS_OF, "--lang", "en"], box.root);
    expect(rawIn("html", r.stdout)).toBeUndefined();
    expect(r.stdout).toContain("\\u001b]0;pwned\\u0007");
  });
});

describe("markdown's esc", () => {
  it("neutralises @mentions and bare URLs; keeps the words readable", () => {
    expect(esc("@octocat please")).toBe("&#64;octocat please");
    expect(esc("see https://evil.example/x")).toBe("see https&#58;//evil.example/x");
    expect(esc("www.evil.example")).toBe("www&#46;evil.example");
    expect(esc("WWW.Evil.example")).toBe("WWW&#46;Evil.example");
    expect(esc("联系人：张三")).toBe("联系人：张三"); // a full-width colon is not a URL
    expect(esc("a\u001bb")).toBe("a\\\\u001bb"); // visible, and its backslash escaped for Markdown
  });
});

describe("--watch", () => {
  it("a save that brings hostile names in shows them visibly; Ctrl-C exits 0", async () => {
    const d = box.proposal("watch/w");
    const child = spawn(process.execPath, [BIN, "--watch", "--as-of", AS_OF, "--lang", "en", "."], { cwd: d, env: cliEnv(), stdio: ["ignore", "pipe", "pipe"] });
    const out = { stdout: "", stderr: "" };
    child.stdout!.setEncoding("utf8").on("data", (s: string) => (out.stdout += s));
    child.stderr!.setEncoding("utf8").on("data", (s: string) => (out.stderr += s));
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    const waitFor = async (what: string, test: () => boolean) => {
      const end = Date.now() + 20_000;
      while (!test()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${out.stdout} ${out.stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      await waitFor("the first report", () => out.stdout.includes("1 proposal: 1 passed"));
      await waitFor("the status line", () => out.stderr.includes("watching 1 proposal"));
      const { "charter.yaml": charter, "members.yaml": members } = hostileYamlProposal();
      writeFileSync(join(d, "members.yaml"), members);
      writeFileSync(join(d, "charter.yaml"), charter);
      await waitFor("the report of the hostile files", () => out.stdout.includes("ref/unknown-member") && out.stdout.includes("members/credit-code-invalid"));
      child.kill("SIGINT");
      expect(await exited).toBe(0);
      expect(rawControlIn(out.stdout)).toBeUndefined();
      expect(rawControlIn(out.stderr)).toBeUndefined();
      expect(out.stdout).toContain("\\u001b]0;pwned\\u0007");
      expect(commandLines(out.stdout + out.stderr)).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 60_000);
});

describe("the GitHub Action with `format: stylish`", () => {
  it("prints no raw control character and no line the runner would take as a workflow command", () => {
    const action = yaml.load(readFileSync(join(ROOT, "action.yml"), "utf8")) as { inputs: Record<string, { default?: string }>; runs: { steps: { id?: string; run?: string; env?: Record<string, string> }[] } };
    const step = action.runs.steps.find((s) => s.id === "audit")!;
    const given: Record<string, string> = { "steps.resolve.outputs.mode": "source", "inputs.as-of": AS_OF, "inputs.paths": "batch", "inputs.format": "stylish", "inputs.lang": "en" };
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(step.env ?? {})) {
      env[k] = v.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expr: string) => given[expr] ?? (expr.startsWith("inputs.") ? (action.inputs[expr.slice(7)]?.default ?? "") : ""));
    }
    const home = mkdtempSync(join(tmpdir(), "aa-inject-action-"));
    try {
      const output = join(home, "output");
      writeFileSync(output, "");
      const r = spawnSync("bash", ["-e", "-c", step.run!], {
        cwd: box.root,
        encoding: "utf8",
        env: { ...cliEnv(), RUNNER_TEMP: home, RUNNER_OS: "Linux", RUNNER_ARCH: "X64", GITHUB_OUTPUT: output, GITHUB_ACTION_PATH: ROOT, ...env },
      });
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(output, "utf8")).toContain("exit-code=1");
      expect(r.stdout).toContain("ref/unknown-member");
      expect(rawControlIn(r.stdout)).toBeUndefined();
      expect(rawControlIn(r.stderr)).toBeUndefined();
      expect(commandLines(r.stdout + r.stderr)).toEqual([]);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe("a compliant proposal is not changed by the escaping (the check does not fire on clean text)", () => {
  it("every format of a clean report has no escape in it", async () => {
    const clean = await audit({ paths: ["batch/ok"], cwd: box.root, asOf: AS_OF, lang: "zh", jobs: 1 });
    const r = await cli(["batch/ok", "--format", "json", "--as-of", AS_OF], box.root);
    expect(jsonOf(r).proposals[0].status).toBe("pass");
    for (const format of NON_JSON) {
      const out = (await loadFormatter(format))!(clean, { lang: "zh", color: false, failOn: "error", rules: rulesMeta("national") });
      expect(out, format).not.toMatch(/\\u[0-9a-f]{4}/);
      expect(rawIn(format, out)).toBeUndefined();
    }
    // Chinese names are text, not "controls": markdown and html show the alliance's name as written.
    for (const format of ["markdown", "html"]) {
      expect((await loadFormatter(format))!(clean, { lang: "zh", color: false, failOn: "error", rules: rulesMeta("national") })).toContain("松花江铝镁合金产业技术创新战略联盟");
    }
  });
});
