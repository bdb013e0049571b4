// `merge` honours the config file like an audit does (issue #13, item 9): its `lang` (texts and
// messages made again in it), `failOn` (status and exit code) and `rules` (the severities the
// formats show); the command line still wins; --no-config ignores it.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, json } from "../config/run-cli.js";
import { Sandbox } from "../helpers/proposal.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/html/", import.meta.url));
const box = new Sandbox();
afterAll(() => box.cleanup());

describe("merge and the config file", () => {
  let dir: string;
  let shard: string;
  let warnings: string;

  beforeAll(() => {
    dir = box.dir("merge-config");
    shard = join(dir, "shard.json");
    warnings = join(dir, "warnings.json");
    // English JSON reports, as a CI shard writes them.
    expect(cli(["unsigned", "--as-of", "2025-06-01", "--format", "json", "--lang", "en", "-o", shard], FIXTURES).code).toBe(1);
    expect(cli(["warnings-only", "--as-of", "2025-06-01", "--format", "json", "--lang", "en", "-o", warnings], FIXTURES).code).toBe(0);
  });

  it("renders in the config's lang, with the messages made again in it", () => {
    const d = box.dir("merge-zh");
    writeFileSync(join(d, ".alliance-audit.yaml"), "lang: zh-CN\n");
    const r = cli(["merge", shard, "--format", "stylish"], d);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("没有签署协议");
    expect(r.stdout).toMatch(/✖ 1 份申报材料：0 份通过，1 份未通过/);
    const j = json(cli(["merge", shard], d));
    expect(j.proposals[0].findings.find((f: { ruleId: string }) => f.ruleId === "agreement/unsigned").message).toMatch(/没有签署协议/);
    // The command line wins; --no-config ignores the file.
    expect(cli(["merge", shard, "--format", "stylish", "--lang", "en"], d).stdout).toMatch(/✖ 1 proposal: 0 passed, 1 failed/);
    expect(cli(["merge", shard, "--format", "stylish", "--no-config"], d).stdout).toMatch(/✖ 1 proposal: 0 passed, 1 failed/);
  });

  it("takes failOn from the config: a warning fails the merged run", () => {
    const d = box.dir("merge-failon");
    writeFileSync(join(d, ".alliance-audit.yaml"), "failOn: warning\n");
    const r = cli(["merge", warnings], d);
    expect(r.code).toBe(1);
    expect(json(r).proposals[0].status).toBe("fail");
    const cliWins = cli(["merge", warnings, "--fail-on", "error"], d);
    expect(cliWins.code).toBe(0);
    expect(json(cliWins).proposals[0].status).toBe("pass");
    expect(cli(["merge", warnings, "--no-config"], d).code).toBe(0);
  });

  it("shows the config's rule severities (a rule turned off is not listed as checked)", () => {
    const d = box.dir("merge-rules");
    writeFileSync(join(d, ".alliance-audit.yaml"), "rules:\n  members/lead-not-enterprise: off\n");
    const page = cli(["merge", warnings, "--format", "html"], d).stdout;
    expect(page).not.toContain('<li data-rule="members/lead-not-enterprise">');
    const plain = cli(["merge", warnings, "--format", "html", "--no-config"], d).stdout;
    expect(plain).toContain('<li data-rule="members/lead-not-enterprise">');
  });

  it("an invalid config is an exit-2 error naming the key, as for an audit", () => {
    const d = box.dir("merge-bad");
    writeFileSync(join(d, ".alliance-audit.yaml"), "lang: fr\n");
    const r = cli(["merge", shard], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/lang/);
  });
});
