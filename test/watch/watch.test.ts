// --watch: the built CLI in its own process; a save of an audited file gives a new report,
// other files in the folder do not; Ctrl-C (SIGINT) ends it with exit code 0.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AS_OF, Sandbox, replaceOnce } from "../helpers/proposal.js";
import { count, killWatchers, start, waitFor } from "./helpers.js";

const box = new Sandbox();
afterAll(() => {
  killWatchers();
  box.cleanup();
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("--watch", () => {
  it("audits again when an audited file is saved, and exits 0 on Ctrl-C", async () => {
    const dir = box.proposal({}, "w1");
    const charter = join(dir, "charter.yaml");
    const { child, out, exited } = start(["--watch", "--as-of", AS_OF, "."], dir);
    const SUMMARY = "1 proposal: ";
    await waitFor("the first report", () => count(out.stdout, SUMMARY) === 1);
    expect(out.stdout).toContain("✔ 1 proposal: 1 passed");
    await waitFor("the status line", () => out.stderr.includes("watching 1 proposal"));

    // A file that is not audited: no new report.
    writeFileSync(join(dir, "notes.txt"), "minutes of the meeting\n");
    await sleep(700);
    expect(count(out.stdout, SUMMARY)).toBe(1);

    // Saving the charter with a problem: a second report, with the finding.
    writeFileSync(charter, replaceOnce(readFileSync(charter, "utf8"), "signatory: 陈志远", "signatory: 陈志"));
    await waitFor("the second report", () => count(out.stdout, SUMMARY) === 2);
    expect(out.stdout).toContain("agreement/signatory-not-legal-rep");
    expect(out.stdout).toContain("✖ 1 proposal: 0 passed, 1 failed");
    // Not a terminal: no screen clearing, reports simply follow each other.
    expect(out.stdout).not.toContain("\x1b[");

    // A burst of saves (an editor writing twice) gives one report, not two.
    writeFileSync(charter, readFileSync(charter, "utf8").replace("signatory: 陈志\n", "signatory: 陈志远\n"));
    writeFileSync(charter, readFileSync(charter, "utf8") + "# saved again\n");
    await waitFor("the third report", () => count(out.stdout, SUMMARY) === 3);
    await sleep(600);
    expect(count(out.stdout, SUMMARY)).toBe(3);
    expect(out.stdout.slice(out.stdout.lastIndexOf("agreement/signatory"))).toContain("✔ 1 proposal: 1 passed");

    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });

  it("keeps watching through a broken config and follows the config's changes", async () => {
    const root = box.dir("w2");
    box.proposal({}, "w2/p");
    const { child, out, exited } = start(["--watch", "--as-of", AS_OF, "--format", "json", "p"], root);
    await waitFor("the first report", () => count(out.stdout, '"version": 2') === 1);
    expect(JSON.parse(out.stdout).profile).toBe("national");

    writeFileSync(join(root, ".alliance-audit.yaml"), "profle: heilongjiang\n");
    // A config created after the start is found at the next save of an audited file.
    writeFileSync(join(root, "p", "members.yaml"), readFileSync(join(root, "p", "members.yaml"), "utf8") + "\n");
    await waitFor("the config error", () => out.stderr.includes('unknown key "profle"'));
    expect(child.exitCode).toBeNull();

    writeFileSync(join(root, ".alliance-audit.yaml"), "profile: heilongjiang\n");
    await waitFor("the second report", () => count(out.stdout, '"version": 2') === 2);
    const second = out.stdout.slice(out.stdout.lastIndexOf('{\n  "version": 2'));
    expect(JSON.parse(second).profile).toBe("heilongjiang");

    child.kill("SIGINT");
    expect(await exited).toBe(0);
  });

  it("is exit 2 when the first run cannot start", async () => {
    const root = box.dir("w3");
    const { out, exited } = start(["--watch", "nowhere"], root);
    expect(await exited).toBe(2);
    expect(out.stderr).toContain("path not found: nowhere");
  });
});
