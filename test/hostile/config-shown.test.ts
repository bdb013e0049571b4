// Issue #12 item 9: the config in force is visible. Every report with room for it names the
// config file used (cli.md revision 2: JSON `config`, stylish and markdown one line, HTML the
// header, SARIF runs[0].properties, JUnit <properties>), and says "none" when there is none —
// including a config above the repository root, which is not used.
import { mkdirSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../helpers/cli.js";
import { AS_OF, Sandbox, cli } from "./helpers.js";

const box = new Sandbox("alliance-audit-config-shown-");
beforeAll(async () => {
  await ensureBuilt();
  // outer/.alliance-audit.yaml is above the repository (outer/repo holds .git): never used.
  box.write("outer", { ".alliance-audit.yaml": "failOn: never\n" });
  mkdirSync(box.path("outer", "repo", ".git"), { recursive: true });
  box.proposal("outer/repo/p");
  // with/ is a repository with its own config.
  mkdirSync(box.path("with", ".git"), { recursive: true });
  box.proposal("with/p");
  writeFileSync(box.path("with", ".alliance-audit.yaml"), "lang: en\n");
});
afterAll(() => box.cleanup());

const SHOWN: Record<string, { used: RegExp; none: RegExp }> = {
  json: { used: /"config": "\.alliance-audit\.yaml"/, none: /"config": null/ },
  stylish: { used: /config \.alliance-audit\.yaml/, none: /config none/ },
  markdown: { used: /config \.alliance-audit\.yaml/, none: /config none/ },
  html: { used: /data-meta="config">\.alliance-audit\.yaml</, none: /data-meta="config">none</ },
  sarif: { used: /"config": "\.alliance-audit\.yaml"/, none: /"config": null/ },
  junit: { used: /<property name="config" value="\.alliance-audit\.yaml"\/>/, none: /<property name="config" value=""\/>/ },
};

describe("the reports name the config file used", () => {
  for (const [format, shown] of Object.entries(SHOWN)) {
    it(`${format}: the repository's config, and none when the only one is above the repository root`, async () => {
      const used = await cli(["p", "--format", format, "--as-of", AS_OF, "--lang", "en"], box.path("with"));
      expect(used.code, used.stderr).toBe(0);
      expect(used.stdout).toMatch(shown.used);
      const none = await cli(["p", "--format", format, "--as-of", AS_OF, "--lang", "en"], box.path("outer", "repo"));
      expect(none.code, none.stderr).toBe(0);
      expect(none.stdout).toMatch(shown.none);
      expect(none.stdout).not.toContain("alliance-audit.yaml");
    });
  }

  it("in Chinese too (stylish)", async () => {
    const r = await cli(["p", "--format", "stylish", "--as-of", AS_OF, "--lang", "zh"], box.path("with"));
    expect(r.stdout).toMatch(/配置文件 \.alliance-audit\.yaml/);
  });
});
