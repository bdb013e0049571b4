// Auditing the folder extract wrote gives no evidence/* finding for what it extracted. The evidence
// rules are wired into the audit elsewhere; this checks the property with the same library
// functions they use: every topic a filled field claims is found by findTopic, every body name is
// in an article, every party and the alliance name are in the text, the term matches the term
// statement. Both ways: a topic the text lacks is left TODO, so nothing is claimed for it.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildNameIndex, findInArticles, findName, findTermStatement, findTopic, readDocument, splitArticles, TOPICS, type Article, type Block } from "../../src/documents/index.js";
import { extract, writeExtract } from "../../src/extract/index.js";
import { CASES, cleanup, copyCase, readYaml, type CaseName } from "./helpers.js";

afterAll(cleanup);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function at(obj: any, path: string): unknown {
  return path.split(".").reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

function claims(value: unknown, claim: "present" | "true" | "min1"): boolean {
  if (value === undefined || value === "TODO") return false;
  if (claim === "true") return value === true;
  if (claim === "min1") return typeof value === "number" && value >= 1;
  return true;
}

async function load(dir: string, docs: readonly string[]): Promise<{ blocks: Block[][]; articles: Article[] }> {
  const blocks: Block[][] = [];
  const articles: Article[] = [];
  for (const [i, d] of docs.entries()) {
    const r = await readDocument(join(dir, d), d.split(".").pop()!);
    if (!r.ok) throw new Error(r.reason.en);
    blocks.push(r.blocks);
    articles.push(...splitArticles(r.blocks, i).articles);
  }
  return { blocks, articles };
}

for (const name of Object.keys(CASES) as CaseName[]) {
  for (const roster of [true, false]) {
    describe(`${name} ${roster ? "with its roster" : "without a roster"}`, async () => {
      const dir = copyCase(name, { roster });
      const docs = CASES[name].docs;
      await writeExtract(await extract({ documents: docs.map((d) => join(dir, d)), lang: "en", cwd: dir }));
      const charter = readYaml(join(dir, "charter.yaml"));
      const { blocks, articles } = await load(dir, docs);
      const names = buildNameIndex(blocks);

      it("claims only topics an article holds a term of", () => {
        let claimed = 0;
        for (const t of TOPICS) {
          if (!claims(at(charter, t.claimedBy), t.claim)) continue;
          claimed++;
          expect(findTopic(articles, t), `${t.id} (${t.claimedBy})`).toBeDefined();
        }
        expect(claimed).toBeGreaterThan(10);
      });
      it("names only bodies that appear in an article", () => {
        for (const b of ["decision_body", "advisory_body", "executive_body"]) {
          const n = at(charter, `governance.${b}.name`);
          if (typeof n === "string" && n !== "TODO") expect(findInArticles(articles, n), n).toBeDefined();
        }
      });
      it("writes an alliance name and party names that appear in the text", () => {
        expect(findName(names, charter.alliance.name)).toBeDefined();
        if (!roster) {
          const members = readYaml(join(dir, "members.yaml")).members as { name: string }[];
          expect(members.length).toBeGreaterThan(0);
          for (const m of members) expect(findName(names, m.name), m.name).toBeDefined();
        }
      });
      it("writes the term the term statement states", () => {
        const st = findTermStatement(articles)!;
        expect(st).toBeDefined();
        if (st.dates) {
          expect(charter.agreement.effective_date).toBe(st.dates.start);
          expect(charter.agreement.expiry_date).toBe(st.dates.end);
        } else {
          expect(charter.agreement.term_years).toBe(st.years);
        }
      });
    });
  }
}

describe("a topic the text lacks is not claimed", async () => {
  const dir = copyCase("d03");
  await writeExtract(await extract({ documents: [join(dir, "联盟协议.md")], lang: "zh", cwd: dir }));
  const charter = readYaml(join(dir, "charter.yaml"));
  const { articles } = await load(dir, ["联盟协议.md"]);
  it("breach liability: no 违约 in any article, and the field is TODO", () => {
    expect(findTopic(articles, "breach-liability")).toBeUndefined();
    expect(charter.ip.breach_liability).toBe("TODO");
  });
  it("the advisory body: none set up, and the name is TODO (有关专家 is no body)", () => {
    expect(charter.governance.advisory_body.name).toBe("TODO");
  });
});
