// The property of documents.md §5, through the audit itself: auditing the folder extract wrote
// gives no evidence/* finding for what it extracted. Runs once the evidence rules are registered
// (they are wired in by the documents integration); until then the library-level checks of
// evidence.test.ts stand in for it. The only evidence finding allowed is d04's, which is about
// the roster (its 佳木斯垦丰米业有限公司 is not the text's 股份有限公司), not about extract's values.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { audit } from "../../src/audit.js";
import { extract, writeExtract } from "../../src/extract/index.js";
import { RULES } from "../../src/rules/index.js";
import { CASES, cleanup, copyCase, type CaseName } from "./helpers.js";

afterAll(cleanup);

const wired = RULES.some((r) => r.id.startsWith("evidence/"));

describe.skipIf(!wired)("auditing what extract wrote: no evidence/* finding", () => {
  for (const name of Object.keys(CASES) as CaseName[]) {
    for (const roster of [true, false]) {
      it(`${name} ${roster ? "with its roster" : "with the members.yaml extract wrote"}`, async () => {
        const dir = copyCase(name, { roster });
        await writeExtract(await extract({ documents: CASES[name].docs.map((d) => join(dir, d)), lang: "en", cwd: dir }));
        const report = await audit({ paths: [dir], asOf: "2025-06-01", lang: "en" });
        const evidence = report.proposals.flatMap((p) => p.findings).filter((f) => f.ruleId.startsWith("evidence/"));
        const allowed = name === "d04" && roster ? ["evidence/member-not-in-document"] : [];
        expect(evidence.map((f) => f.ruleId).filter((id) => !allowed.includes(id))).toEqual([]);
      });
    }
  }
});
