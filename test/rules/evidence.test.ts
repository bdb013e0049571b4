// The evidence rules (documents.md §4), each both ways: the compliant base proposal linked to an
// agreement text that says everything the digest claims gives no evidence/* finding; taking one
// statement out (or changing one value) gives exactly that rule's finding, located at the claim.
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Finding } from "../../src/types.js";
import { agreementText, PARTIES } from "../helpers/agreement.js";
import { auditOne, baseCharter, baseMembers, Sandbox, toYaml, type Data } from "../helpers/proposal.js";
// @ts-expect-error: a plain .mjs script without type declarations
import { exampleFiles, makeDocx, para, run } from "../../scripts/gen-example-documents.mjs";

const box = new Sandbox();
afterAll(() => box.cleanup());

interface Setup {
  text?: string;
  charter?: (c: Data) => void;
  members?: (m: Data) => void;
  files?: Record<string, string | Uint8Array>;
  documents?: unknown[];
}

/** The base proposal linking `联盟协议.md` (or `documents`), audited; only evidence/* findings returned. */
async function evidence(s: Setup = {}, profile: "national" | "heilongjiang" = "national", lang: "en" | "zh" = "en"): Promise<Finding[]> {
  const c = baseCharter();
  c.agreement.documents = s.documents ?? ["联盟协议.md"];
  s.charter?.(c);
  const m = baseMembers();
  s.members?.(m);
  const dir = box.files({ "charter.yaml": toYaml(c), "members.yaml": toYaml(m), "联盟协议.md": s.text ?? agreementText(), ...(s.files ?? {}) });
  const p = await auditOne(dir, { profile, lang });
  return p.findings.filter((f) => f.ruleId.startsWith("evidence/"));
}

const ids = (fs: Finding[]) => fs.map((f) => f.ruleId).sort();

describe("a document that says what the digest claims", () => {
  it("gives no evidence finding in either profile", async () => {
    expect(await evidence()).toEqual([]);
    expect(await evidence({}, "heilongjiang")).toEqual([]);
  });

  it("runs no evidence rule when no document is linked", async () => {
    expect(await evidence({ documents: [], text: "nothing relevant" })).toEqual([]);
    expect(await evidence({ charter: (c) => delete c.agreement.documents, text: "nothing relevant" })).toEqual([]);
  });
});

describe("evidence/document-missing", () => {
  it("fires for an absent file, a folder, an absolute path, '..' and a symbolic link out", async () => {
    const outside = box.files({ "secret.md": "理事会 专家委员会 秘书处" }, "outside");
    const c = baseCharter();
    c.agreement.documents = ["联盟协议.md", "不存在.docx", "folder", "/etc/passwd", "../outside/secret.md", "link.md"];
    const dir = box.files({ "charter.yaml": toYaml(c), "members.yaml": toYaml(baseMembers()), "联盟协议.md": agreementText() });
    mkdirSync(join(dir, "folder"));
    symlinkSync(join(outside, "secret.md"), join(dir, "link.md"));
    const p = await auditOne(dir);
    const missing = p.findings.filter((f) => f.ruleId === "evidence/document-missing");
    expect(missing.map((f) => f.pointer)).toEqual([1, 2, 3, 4, 5].map((i) => `/agreement/documents/${i}`));
    for (const f of missing) {
      expect(f.severity).toBe("error");
      expect(f.file).toBe("charter.yaml");
      expect(f.citation).toBeUndefined();
    }
    expect(missing[2].message).toMatch(/outside the proposal folder/);
    expect(missing[4].message).toMatch(/outside the proposal folder/);
    // The readable document still counts: no content finding.
    expect(p.findings.filter((f) => f.ruleId.startsWith("evidence/") && f.ruleId !== "evidence/document-missing")).toEqual([]);
  });

  it("does not fire for a document inside a subfolder, or a link that stays inside", async () => {
    const c = baseCharter();
    c.agreement.documents = ["附件/联盟协议.md", "link.md"];
    const dir = box.files({ "charter.yaml": toYaml(c), "members.yaml": toYaml(baseMembers()), "附件/联盟协议.md": agreementText() });
    symlinkSync(join(dir, "附件", "联盟协议.md"), join(dir, "link.md"));
    expect(await auditOne(dir).then((p) => p.findings.filter((f) => f.ruleId.startsWith("evidence/")))).toEqual([]);
  });

  it("says so in Chinese", async () => {
    const fs = await evidence({ documents: ["联盟协议.md", "缺失.pdf"] }, "national", "zh");
    expect(fs).toHaveLength(1);
    expect(fs[0].message).toMatch(/缺失\.pdf.*文件不存在/);
  });
});

describe("evidence/document-unreadable", () => {
  it("fires for a legacy .doc, an unknown extension, a corrupt .docx and a PDF without text", async () => {
    const fs = await evidence({
      documents: ["联盟协议.md", "章程.doc", "协议.rtf", "坏.docx", "扫描.pdf"],
      files: { "章程.doc": new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), "协议.rtf": "{\\rtf1}", "坏.docx": "not a zip", "扫描.pdf": "%PDF-1.4\n%%EOF\n" },
    });
    const unreadable = fs.filter((f) => f.ruleId === "evidence/document-unreadable");
    expect(unreadable.map((f) => f.pointer)).toEqual([1, 2, 3, 4].map((i) => `/agreement/documents/${i}`));
    expect(unreadable[0].message).toMatch(/save it as \.docx/);
    expect(unreadable.every((f) => f.severity === "error" && !f.citation)).toBe(true);
    expect(ids(fs).filter((id) => id !== "evidence/document-unreadable")).toEqual([]);
  });

  it("leaves the content rules silent when no document could be read", async () => {
    const fs = await evidence({ documents: ["章程.doc"], files: { "章程.doc": "x" } });
    expect(ids(fs)).toEqual(["evidence/document-unreadable"]);
  });

  it("does not fire for a readable .docx", async () => {
    const docx = makeDocx({ body: agreementText().split("\n").filter(Boolean).map((t: string) => para(run(t))).join("") });
    expect(await evidence({ documents: ["联盟协议.docx"], files: { "联盟协议.docx": docx } })).toEqual([]);
  });
});

describe("evidence/body-not-in-document", () => {
  it("fires once per body the articles never name, at that body's name", async () => {
    const fs = await evidence({ text: agreementText((a) => (a.advisory = "第六条 联盟聘请技术顾问。")) });
    expect(ids(fs)).toEqual(["evidence/body-not-in-document"]);
    expect(fs[0].pointer).toBe("/governance/advisory_body/name");
    expect(fs[0].severity).toBe("error");
    expect(fs[0].citation?.article).toBe("第八条（三）");
    expect(fs[0].message).toMatch(/advisory body "专家委员会"/);
  });

  it("does not count a name that appears only in the title or preamble", async () => {
    const text = agreementText((a) => (a.advisory = "第六条 联盟聘请技术顾问。")).replace("缔约单位：", "专家委员会 缔约单位：");
    expect(ids(await evidence({ text }))).toEqual(["evidence/body-not-in-document"]);
  });

  it("matches across full-width letters and spaces (near miss)", async () => {
    const c = (ch: Data) => (ch.governance.advisory_body.name = "专家 委员会");
    expect(await evidence({ charter: c })).toEqual([]);
  });
});

describe("evidence/clause-not-found", () => {
  it("fires for a claimed topic whose terms no article holds, citing the topic's condition", async () => {
    const fs = await evidence({ text: agreementText((a) => (a.breach = "第十一条 各方应当履行本协议。")) }, "national", "zh");
    expect(ids(fs)).toEqual(["evidence/clause-not-found"]);
    expect(fs[0].pointer).toBe("/ip/breach_liability");
    expect(fs[0].severity).toBe("warning");
    expect(fs[0].citation?.article).toBe("第八条（五）");
    expect(fs[0].message).toMatch(/违约责任.*违约/);
  });

  it("needs both parts of an A+B term in one article", async () => {
    const text = agreementText((a) => {
      a.ip = "第十条 成员享有优先许可使用权，收益按约定分配。";
      a.breach = "第十一条 违约方承担违约责任；知识产权另行约定。"; // 知识产权 without 归属/所有/权属
    });
    const fs = await evidence({ text });
    expect(fs.map((f) => f.pointer)).toEqual(["/ip/ownership"]);
  });

  it("does not fire for a topic the digest does not claim (a false boolean)", async () => {
    const text = agreementText((a) => (a.openness = "第十二条 联盟积极开展对外合作与国际合作，推动成果扩散。"));
    expect((await evidence({ text })).map((f) => f.pointer)).toEqual(["/openness/government_funded_diffusion"]);
    expect(await evidence({ text, charter: (c) => (c.openness.government_funded_diffusion = false) })).toEqual([]);
  });
});

describe("evidence/term-mismatch", () => {
  it("fires when the stated years match neither term measure, quoting the statement", async () => {
    const fs = await evidence({ text: agreementText((a) => (a.term = "第十三条 本协议有效期为五年。")) }, "heilongjiang");
    expect(ids(fs)).toEqual(["evidence/term-mismatch"]);
    const f = fs[0];
    expect(f.pointer).toBe("/agreement/expiry_date");
    expect(f.severity).toBe("error");
    expect(f.citation?.article).toBe("第6条");
    expect(f.alsoCites?.map((c) => c.article)).toEqual(["第八条（二）"]);
    expect(f.message).toMatch(/5 years \(60 months\).*36 months/);
    expect(f.evidence).toMatchObject({ file: "联盟协议.md", excerpt: "有效期为五年。" });
    expect(f.evidence!.locator).toMatch(/^\d+:\d+$/);
  });

  it("fires when stated dates differ from effective_date", async () => {
    const fs = await evidence({ text: agreementText((a) => (a.term = "第十三条 本协议有效期自2024年4月1日起至2027年3月19日止。")) });
    expect(ids(fs)).toEqual(["evidence/term-mismatch"]);
    expect(fs[0].message).toMatch(/2024-04-01 to 2027-03-19.*effective_date 2024-03-20/);
  });

  it("does not fire when either measure matches, or for a range", async () => {
    // from signing 2024-03-15: 36 months; from effective 2024-03-20: 36 months; 三年 matches.
    expect(await evidence()).toEqual([]);
    expect(await evidence({ text: agreementText((a) => (a.term = "第十三条 本协议有效期为三至五年。")) })).toEqual([]);
  });

  it("compares term_years when there is no expiry_date, and points at it", async () => {
    const charter = (c: Data) => {
      delete c.agreement.expiry_date;
      c.agreement.term_years = 4;
    };
    const fs = await evidence({ charter, text: agreementText((a) => (a.term = "第十三条 本协议有效期为三年。")) });
    expect(fs.map((f) => f.pointer)).toEqual(["/agreement/term_years"]);
    expect(await evidence({ charter: (c) => (delete c.agreement.expiry_date, (c.agreement.term_years = 3)), text: agreementText((a) => (a.term = "第十三条 本协议有效期为三年。")) })).toEqual([]);
  });
});

describe("evidence/member-not-in-document", () => {
  it("fires for a current member the documents never name, at its name in the roster", async () => {
    const fs = await evidence({ text: agreementText(() => {}, PARTIES.replace("、沈北轻合金装备有限公司", "")) });
    expect(ids(fs)).toEqual(["evidence/member-not-in-document"]);
    expect(fs[0]).toMatchObject({ file: "members.yaml", pointer: "/members/4/name", severity: "warning" });
    expect(fs[0].citation?.article).toBe("第八条（二）");
    expect(fs[0].alsoCites).toBeUndefined();
  });

  it("skips a withdrawn member (B10) and finds a name broken across lines", async () => {
    const text = agreementText(() => {}, PARTIES.replace("、沈北轻合金装备有限公司", ""));
    expect(await evidence({ text, members: (m) => (m.members[4].status = "withdrawn") }).then(ids)).not.toContain("evidence/member-not-in-document");
    const broken = agreementText(() => {}, PARTIES.replace("沈北轻合金装备有限公司", "沈北轻合金\n装备有限公司"));
    expect(await evidence({ documents: ["联盟协议.txt"], files: { "联盟协议.txt": broken } })).toEqual([]);
  });
});

describe("evidence/alliance-name-mismatch", () => {
  it("fires when the alliance's name appears nowhere, at /alliance/name", async () => {
    const fs = await evidence({ charter: (c) => (c.alliance.name = "松花江轻合金产业技术创新战略联盟") }, "national", "zh");
    expect(ids(fs)).toEqual(["evidence/alliance-name-mismatch"]);
    expect(fs[0]).toMatchObject({ pointer: "/alliance/name", severity: "warning" });
    expect(fs[0].citation).toBeUndefined();
    expect(fs[0].message).toMatch(/联盟名称“松花江轻合金产业技术创新战略联盟”/);
  });

  it("ignores bracket width and spaces (near miss)", async () => {
    const text = agreementText().replace("# 松花江铝镁合金产业技术创新战略联盟协议", "# 松花江铝镁合金产业技术创新战略联盟（黑龙江）协议");
    expect(await evidence({ text, charter: (c) => (c.alliance.name = "松花江铝镁合金产业技术创新战略联盟(黑龙江)") })).toEqual([]);
  });
});

describe("examples/documents", () => {
  const EXAMPLE = new URL("../../examples/documents/", import.meta.url);

  it("is what scripts/gen-example-documents.mjs writes, byte for byte", () => {
    for (const [name, bytes] of Object.entries(exampleFiles() as Record<string, Uint8Array>)) {
      expect(Buffer.from(readFileSync(new URL(encodeURI(name), EXAMPLE))).equals(Buffer.from(bytes)), name).toBe(true);
    }
  });

  it("audits as the README shows: the term the .docx states, and the credit code typed as a number", async () => {
    const p = await auditOne(new URL(".", EXAMPLE).pathname);
    expect(p.findings.map((f) => [f.ruleId, f.file, f.locator ?? `${f.line}:${f.column}`])).toEqual([
      ["evidence/term-mismatch", "charter.yaml", "17:16"],
      ["members/credit-code-invalid", "成员名单.xlsx", "成员名单!D3"],
    ]);
    expect(p.findings[0].evidence).toEqual({ file: "联盟协议.docx", locator: "第十五条 ¶28", excerpt: expect.stringMatching(/^有效期为三年，自2024年6月1日起至2027年5月31日止。/) });
  });
});
