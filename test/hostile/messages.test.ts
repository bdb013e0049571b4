// Issue #12 item 1, on stderr: exit-2 messages quote what others wrote — a config's keys and
// values, a profile file's rule names, a forged report's fields. A key holding ESC, BEL or a
// newline plus `::error …::` is shown visibly (`\u001b`), so it cannot retitle the terminal or
// start a forged annotation line in a CI log (the action prints the CLI's stderr to the job log).
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../helpers/cli.js";
import { AS_OF, BIN, Sandbox, cli, cliEnv, expectNoStack } from "./helpers.js";
import { commandLines, rawControlIn } from "./injection-helpers.js";

/** As a YAML double-quoted escape: ESC ] 0 ; … BEL CR LF ::error …, NEL, RLO. */
const Y = "\\e]0;pwned\\a\\r\\n::error file=x.yaml,line=1::forged\\N\\u202e";

const box = new Sandbox("alliance-audit-messages-");
beforeAll(async () => {
  await ensureBuilt();
  box.proposal("p");
});
afterAll(() => box.cleanup());

const CONFIGS: Record<string, string> = {
  "an unknown key": `"k${Y}": 1\n`,
  "a profile value": `profile: "x${Y}"\n`,
  "an unknown rule": `rules:\n  "a${Y}": error\n`,
  "a rule's severity": `rules:\n  agreement/unsigned: "e${Y}"\n`,
  "a language": `lang: "zh${Y}"\n`,
  "a malformed glob": `ignore: ["d${Y}[abc"]\n`,
};

describe("exit-2 messages show quoted controls visibly", () => {
  for (const [what, text] of Object.entries(CONFIGS)) {
    it(`a config with ${what}: exit 2, nothing raw, no workflow command line (en, zh)`, async () => {
      const file = `c-${Object.keys(CONFIGS).indexOf(what)}.yaml`;
      writeFileSync(box.path(file), text);
      for (const lang of ["en", "zh"]) {
        const r = await cli(["p", "--config", file, "--as-of", AS_OF, "--lang", lang], box.root);
        expect(r.code, r.stderr).toBe(2);
        expectNoStack(r.stderr);
        expect(r.stderr).toContain(file);
        expect(rawControlIn(r.stderr), r.stderr).toBeUndefined();
        expect(commandLines(r.stderr)).toEqual([]);
        expect(r.stderr.trim().split("\n")).toHaveLength(1);
      }
    });
  }

  it("a profile file with a hostile rule name (--profile FILE)", async () => {
    writeFileSync(box.path("evil-profile.yaml"), `name: evil\nextends: national\nrules:\n  "x${Y}": error\n`);
    const r = await cli(["p", "--profile", "evil-profile.yaml", "--as-of", AS_OF], box.root);
    expect(r.code).toBe(2);
    expect(rawControlIn(r.stderr), r.stderr).toBeUndefined();
    expect(commandLines(r.stderr)).toEqual([]);
    expect(r.stderr).toContain("\\u001b]0;pwned\\u0007");
  });

  it("a plain config problem reads as before (the escaping changes nothing printable)", async () => {
    writeFileSync(box.path("typo.yaml"), "rulez: {}\n");
    const r = await cli(["p", "--config", "typo.yaml", "--as-of", AS_OF, "--lang", "en"], box.root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^alliance-audit: config file typo\.yaml:1:1: unknown key "rulez"/);
    expect(r.stderr).not.toMatch(/\\u[0-9a-f]{4}/);
  });
});

describe("rules and explain with a hostile profile file", () => {
  it("the profile's name and cited clause are shown visibly; the ordinary output is unchanged", async () => {
    writeFileSync(box.path("named-profile.yaml"), `name: "evil${Y}"\nextends: national\nrules:\n  agreement/unsigned: warning\n`);
    for (const args of [["rules", "--profile", "named-profile.yaml"], ["explain", "agreement/unsigned", "--profile", "named-profile.yaml"], ["rules", "--profile", "named-profile.yaml", "--lang", "zh"]]) {
      const r = await cli(args, box.root);
      expect(r.code, r.stderr).toBe(0);
      expect(rawControlIn(r.stdout), args.join(" ")).toBeUndefined();
      expect(commandLines(r.stdout), args.join(" ")).toEqual([]);
      expect(r.stdout).toContain("evil\\u001b]0;pwned\\u0007\\u000d\\u000a::error");
    }
    const plain = await cli(["rules", "--profile", "national", "--lang", "en"], box.root);
    expect(plain.stdout).toMatch(/^profile national: \d+ rules/);
    expect(plain.stdout).not.toMatch(/\\u[0-9a-f]{4}/);
  });
});

describe("--watch", () => {
  it("a config saved with a hostile key during a watch: the message is shown visibly, the watch goes on", async () => {
    const d = box.proposal("w");
    writeFileSync(join(d, ".alliance-audit.yaml"), "lang: en\n");
    const child = spawn(process.execPath, [BIN, "--watch", "--as-of", AS_OF, "."], { cwd: d, env: cliEnv(), stdio: ["ignore", "pipe", "pipe"] });
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
      writeFileSync(join(d, ".alliance-audit.yaml"), `"k${Y}": 1\n`);
      await waitFor("the config message", () => out.stderr.includes("unknown key"));
      child.kill("SIGINT");
      expect(await exited).toBe(0);
      expect(rawControlIn(out.stderr), out.stderr).toBeUndefined();
      expect(rawControlIn(out.stdout)).toBeUndefined();
      expect(commandLines(out.stdout + out.stderr)).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 60_000);
});
