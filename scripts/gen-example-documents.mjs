#!/usr/bin/env node
// Writes a real-looking .docx agreement (Word automatic numbering 第%1章/第%1条/（%2） from
// numbering.xml, a tracked change, a table) and an .xlsx roster (merged title row, header on
// row 2, 序号 ids, a credit code stored as a number) from code, zipped with fflate — no
// hand-made binaries. Tests import the builders (test fixtures are generated at test time);
// run it to write examples/documents (charter digest, agreement, roster):
//   node scripts/gen-example-documents.mjs [out-dir]
import { zipSync, strToU8 } from "fflate";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
// Fixed timestamps keep the zips byte-identical run to run.
const MTIME = new Date("2024-01-01T00:00:00Z");

export function esc(s) {
  return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A run with text (xml:space preserve). */
export const run = (t, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
/** A paragraph; pPr is raw XML (e.g. numPr), content raw runs. */
export const para = (content, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${content}</w:p>`;
export const numPr = (numId, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
export const table = (rows) => `<w:tbl>${rows.map((cells) => `<w:tr>${cells.map((c) => `<w:tc>${para(run(c))}</w:tc>`).join("")}</w:tr>`).join("")}</w:tbl>`;

/** One abstractNum level. */
export function lvl(ilvl, { start = 1, numFmt = "decimal", lvlText = `%${ilvl + 1}.`, suff, restart, pStyle } = {}) {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${numFmt}"/>${restart !== undefined ? `<w:lvlRestart w:val="${restart}"/>` : ""}${pStyle ? `<w:pStyle w:val="${pStyle}"/>` : ""}${suff ? `<w:suff w:val="${suff}"/>` : ""}<w:lvlText w:val="${esc(lvlText)}"/></w:lvl>`;
}

/** numbering.xml from abstractNums {id, levels:[xml]} and nums {numId, abstractNumId, overrides:{ilvl:start}}. */
export function numberingXml(abstracts, nums) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W}>${abstracts
    .map((a) => `<w:abstractNum w:abstractNumId="${a.id}">${a.levels.join("")}</w:abstractNum>`)
    .join("")}${nums
    .map((n) => `<w:num w:numId="${n.numId}"><w:abstractNumId w:val="${n.abstractNumId}"/>${Object.entries(n.overrides ?? {})
      .map(([i, s]) => `<w:lvlOverride w:ilvl="${i}"><w:startOverride w:val="${s}"/></w:lvlOverride>`)
      .join("")}</w:num>`)
    .join("")}</w:numbering>`;
}

/** styles.xml from {id, name, basedOn?, numId?, ilvl?}. */
export function stylesXml(styles = []) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}>${styles
    .map((s) => `<w:style w:type="paragraph" w:styleId="${s.id}"><w:name w:val="${esc(s.name ?? s.id)}"/>${s.basedOn ? `<w:basedOn w:val="${s.basedOn}"/>` : ""}${s.numId !== undefined ? `<w:pPr><w:numPr>${s.ilvl !== undefined ? `<w:ilvl w:val="${s.ilvl}"/>` : ""}<w:numId w:val="${s.numId}"/></w:numPr></w:pPr>` : ""}</w:style>`)
    .join("")}</w:styles>`;
}

/** A .docx (Uint8Array) from body XML and optional numbering/styles XML and extra parts. */
export function makeDocx({ body, numbering, styles, extra = {} }) {
  const files = {
    "[Content_Types].xml": strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`),
    "_rels/.rels": strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`),
    "word/document.xml": strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`),
  };
  if (numbering) files["word/numbering.xml"] = strToU8(numbering);
  if (styles) files["word/styles.xml"] = strToU8(styles);
  for (const [k, v] of Object.entries(extra)) files[k] = typeof v === "string" ? strToU8(v) : v;
  return zipSync(files, { mtime: MTIME });
}

/** The example agreement: chapters via a heading style, 第%1条 + （%2） in one chineseCounting list. */
export function makeAgreementDocx() {
  const numbering = numberingXml(
    [
      { id: 0, levels: [lvl(0, { numFmt: "chineseCounting", lvlText: "第%1章", suff: "space", pStyle: "ChapterHeading" })] },
      { id: 1, levels: [lvl(0, { numFmt: "chineseCounting", lvlText: "第%1条", suff: "space" }), lvl(1, { numFmt: "chineseCounting", lvlText: "（%2）", suff: "nothing" })] },
    ],
    [{ numId: 1, abstractNumId: 0 }, { numId: 2, abstractNumId: 1 }],
  );
  const styles = stylesXml([{ id: "ChapterHeading", name: "heading 1", numId: 1 }]);
  const ch = (t) => para(run(t), `<w:pStyle w:val="ChapterHeading"/>`);
  const art = (content) => para(content, numPr(2, 0));
  const item = (t) => para(run(t), numPr(2, 1));
  const body = [
    para(run("松花江智能制造产业技术创新战略联盟协议")),
    para(run("甲方：哈尔滨松江机床有限公司")),
    para(run("乙方：北疆工业大学")),
    ch("总则"),
    art(run("各方同意共同发起设立“松花江智能制造产业技术创新战略联盟”。")),
    art(run("联盟的主要任务是开展智能制造关键技术联合攻关。")),
    ch("组织机构"),
    art(run("联盟设立理事会、专家委员会和秘书处。")),
    art(run("理事会实行一单位一票的表决方式，重大事项须经三分之二以上理事同意。")),
    art(run("秘书处负责联盟日常工作，配备专职人员两名。")),
    ch("知识产权"),
    art(run("联盟项目中产生的知识产权按照下列原则确定归属：")),
    item("由一个成员独立完成的，归该成员所有；"),
    item("共同完成的，归参与单位共有。"),
    art(run("违反本协议的，应当承担违约责任。")),
    ch("附则"),
    // A tracked change: 五年 deleted, 三年 inserted.
    art(run("本协议有效期为") + `<w:del w:id="1" w:author="秘书处"><w:r><w:delText>五年</w:delText></w:r></w:del><w:ins w:id="2" w:author="秘书处">${run("三年")}</w:ins>` + run("，自2024年6月1日起至2027年5月31日止。")),
    table([["成员单位（盖章）", "法定代表人（签字）"], ["哈尔滨松江机床有限公司", "王建国"], ["北疆工业大学", "李文华"]]),
  ].join("");
  return makeDocx({ body, numbering, styles });
}

/** Column letter of a 1-based index. */
const colName = (n) => { let s = ""; for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s; return s; };

/**
 * An .xlsx from sheets [{name, state?, rows: [[cell]], merges?: ["A1:F1"]}]; a cell is a string
 * (shared string), a number, a boolean, {n: number, s: styleIndex}, {inline: "text"} or null.
 * Style 1 is a date (built-in id 14), style 2 custom 'yyyy"年"m"月"d"日"'.
 */
export function makeXlsx(sheets, { date1904 = false } = {}) {
  const shared = [];
  const sid = (t) => { let i = shared.indexOf(t); if (i < 0) { i = shared.length; shared.push(t); } return i; };
  const files = {};
  sheets.forEach((sheet, si) => {
    const rows = sheet.rows.map((cells, ri) => {
      const r = ri + 1;
      const cs = cells.map((c, ci) => {
        const ref = `${colName(ci + 1)}${r}`;
        if (c === null || c === undefined) return "";
        if (typeof c === "string") return `<c r="${ref}" t="s"><v>${sid(c)}</v></c>`;
        if (typeof c === "number") return `<c r="${ref}"><v>${c}</v></c>`;
        if (typeof c === "boolean") return `<c r="${ref}" t="b"><v>${c ? 1 : 0}</v></c>`;
        if ("inline" in c) return `<c r="${ref}" t="inlineStr"><is><t>${esc(c.inline)}</t></is></c>`;
        if ("raw" in c) return `<c r="${ref}"><v>${c.raw}</v></c>`;
        return `<c r="${ref}" s="${c.s ?? 0}"><v>${c.n}</v></c>`;
      }).join("");
      return `<row r="${r}">${cs}</row>`;
    }).join("");
    const merges = sheet.merges?.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "";
    files[`xl/worksheets/sheet${si + 1}.xml`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${merges}</worksheet>`);
  });
  files["[Content_Types].xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`);
  files["xl/workbook.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`);
  files["xl/_rels/workbook.xml.rels"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}</Relationships>`);
  files["xl/styles.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/></cellXfs></styleSheet>`);
  files["xl/sharedStrings.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join("")}</sst>`);
  return zipSync(files, { mtime: MTIME });
}

/** The example roster: merged title, header on row 2, 序号 ids, a credit code typed as a number. */
export function makeRosterXlsx() {
  return makeXlsx([
    { name: "填表说明", rows: [["填表说明"], ["“单位名称”须与营业执照一致。"]] },
    {
      name: "成员名单",
      merges: ["A1:F1"],
      rows: [
        ["松花江智能制造产业技术创新战略联盟成员单位名单"],
        ["序号", "单位名称", "单位类型", "统一社会信用代码", "法定代表人", "加入日期"],
        [1, "哈尔滨松江机床有限公司", "企业", 912301087007765000, "王建国", { n: 45444, s: 1 }],
        [2, "北疆工业大学", "高校", "12230000418702157L", "李文华", { n: 45444, s: 2 }],
        [],
        ["填表人：张三"],
      ],
    },
  ]);
}

// ---- examples/documents: a whole proposal (charter digest, Word agreement, Excel roster) ----

const EXAMPLE_UNITS = [
  { name: "哈尔滨松江机床有限公司", type: "企业", code: 912301087007765000, rep: "王建国", backbone: "是" },
  { name: "北疆工业大学", type: "高校", code: "12230000412005676E", rep: "李文华", frontier: "是" },
  { name: "黑龙江省智能装备研究院", type: "科研院所", code: "12230000414003121B", rep: "赵明远", frontier: "是" },
];

/**
 * The example's signed agreement: a party list, chapters from a heading style, 第%1条 and （%2）
 * from numbering.xml, a tracked change in the term article (五年 deleted, 三年 inserted), and a
 * signature table. Every topic the example digest claims is written in some article.
 */
export function makeExampleAgreementDocx() {
  const numbering = numberingXml(
    [
      { id: 0, levels: [lvl(0, { numFmt: "chineseCounting", lvlText: "第%1章", suff: "space", pStyle: "ChapterHeading" })] },
      { id: 1, levels: [lvl(0, { numFmt: "chineseCounting", lvlText: "第%1条", suff: "space" }), lvl(1, { numFmt: "chineseCounting", lvlText: "（%2）", suff: "nothing" })] },
    ],
    [{ numId: 1, abstractNumId: 0 }, { numId: 2, abstractNumId: 1 }],
  );
  const styles = stylesXml([{ id: "ChapterHeading", name: "heading 1", numId: 1 }]);
  const ch = (t) => para(run(t), `<w:pStyle w:val="ChapterHeading"/>`);
  const art = (content) => para(typeof content === "string" ? run(content) : content.join(""), numPr(2, 0));
  const item = (t) => para(run(t), numPr(2, 1));
  const [a, b, c] = EXAMPLE_UNITS;
  const body = [
    para(run("松花江智能制造产业技术创新战略联盟协议")),
    para(run(`甲方：${a.name}`)),
    para(run(`乙方：${b.name}`)),
    para(run(`丙方：${c.name}`)),
    ch("总则"),
    art("各方本着平等自愿、优势互补、利益共享、风险共担的原则，共同发起设立“松花江智能制造产业技术创新战略联盟”。本协议经各方法定代表人签署，对各方具有法律约束力。"),
    art("联盟的技术创新目标：突破数控机床智能控制与在线检测关键技术，形成行业标准两项。"),
    art(`成员单位的任务分工：${a.name}承担中试验证与产业化；${b.name}承担智能控制算法研究；${c.name}承担在线检测装备研制。`),
    ch("成员"),
    art("新成员申请加入联盟，须经理事会三分之二以上理事同意。"),
    art("成员提前三个月书面申请，经理事会同意后可以退出联盟，并完成在研任务的交接。"),
    ch("组织机构"),
    art("联盟设立理事会、专家委员会和秘书处。理事会是联盟的最高决策机构。"),
    art("理事会实行一单位一票的表决方式，重大事项须经三分之二以上理事同意。"),
    art(`秘书处设在${a.name}，负责联盟日常工作，配备专职人员三名。`),
    art(`${a.name}代表联盟对外承担法律责任。`),
    ch("经费"),
    art("联盟制定经费管理办法，经费使用接受理事会监督并每年审计一次；政府资助经费的使用按照相关规定接受有关部门的监督。"),
    ch("知识产权"),
    art("联盟项目中产生的知识产权按照下列原则确定归属："),
    item("由一个成员独立完成的，归该成员所有；"),
    item("共同完成的，归参与单位共有。"),
    art("成员在同等条件下享有优先、优惠的许可使用权；成果转化收益按项目约定的比例分配。"),
    art("违反本协议的，应当承担违约责任。"),
    ch("开放发展"),
    art("联盟积极开展与外部组织的交流与合作，通过技术转让和行业培训推动成果扩散；承担政府资助项目形成的成果向联盟外扩散。"),
    ch("附则"),
    art([run("本协议有效期为"), `<w:del w:id="1" w:author="秘书处"><w:r><w:delText>五年</w:delText></w:r></w:del><w:ins w:id="2" w:author="秘书处">${run("三年")}</w:ins>`, run("，自2024年6月1日起至2027年5月31日止。")]),
    table([["成员单位（盖章）", "法定代表人（签字）", "日期"], ...EXAMPLE_UNITS.map((u) => [u.name, u.rep, "2024年5月20日"])]),
  ].join("");
  return makeDocx({ body, numbering, styles });
}

/** The example's roster as a secretariat keeps it: instructions sheet first, merged title, 序号, a credit code typed as a number. */
export function makeExampleRosterXlsx() {
  return makeXlsx([
    { name: "填表说明", rows: [["填表说明"], ["“单位名称”须与营业执照一致；“统一社会信用代码”列请设为文本格式。"]] },
    {
      name: "成员名单",
      merges: ["A1:H1"],
      rows: [
        ["松花江智能制造产业技术创新战略联盟成员单位名单"],
        ["序号", "单位名称", "单位类型", "统一社会信用代码", "法定代表人", "所在省份", "行业骨干", "前沿水平"],
        ...EXAMPLE_UNITS.map((u, i) => [i + 1, u.name, u.type, u.code, u.rep, "黑龙江省", u.backbone ?? null, u.frontier ?? null]),
        [],
        ["填表人：张三"],
      ],
    },
  ]);
}

/** The digest: links both files; its expiry date (2029) contradicts the signed text's 2027. */
export function exampleCharterYaml() {
  return `# 松花江智能制造产业技术创新战略联盟 — 申报摘要（digest）。签署文本见 联盟协议.docx，成员名单见 成员名单.xlsx。
# Generated by scripts/gen-example-documents.mjs; see README, "Auditing the signed documents".
schema_version: 1
roster: 成员名单.xlsx
alliance:
  name: 松花江智能制造产业技术创新战略联盟
  field: 智能制造
  key_area: advanced-manufacturing
  lead_member: 1
agreement:
  documents:
    - 联盟协议.docx
  title: 松花江智能制造产业技术创新战略联盟协议
  legally_binding: true
  signed_date: 2024-05-20
  effective_date: 2024-06-01
  expiry_date: 2029-05-31   # the signed text says 2027-05-31
  innovation_goals:
    - 突破数控机床智能控制与在线检测关键技术
    - 形成行业标准两项
  task_division:
    - member: 1
      tasks: [中试验证与产业化]
    - member: 2
      tasks: [智能控制算法研究]
    - member: 3
      tasks: [在线检测装备研制]
  signatures:
${EXAMPLE_UNITS.map((u, i) => `    - member: ${i + 1}\n      signatory: ${u.rep}\n      capacity: legal_representative\n      date: 2024-05-20`).join("\n")}
  membership:
    admission: 新成员申请加入联盟，须经理事会三分之二以上理事同意
    withdrawal: 成员提前三个月书面申请，经理事会同意后退出，并完成在研任务交接
governance:
  decision_body:
    name: 理事会
    composition: [1, 2, 3]
    rules: 一单位一票，重大事项须经三分之二以上理事同意
  advisory_body:
    name: 专家委员会
    experts: [周立群, 吴海涛, 钱文静]
  executive_body:
    name: 秘书处
    host_member: 1
    full_time_staff: 3
    rules: 秘书处负责联盟日常工作，向理事会报告
  liable_entity: 1
funding:
  management_rules: 《松花江智能制造联盟经费管理办法》
  internal_supervision: 经费使用接受理事会监督并每年审计一次
  custodian: 1
  government_funding: true
  government_supervision: true
ip:
  ownership: 独立完成的归完成方所有，共同完成的归参与单位共有
  licensing: 成员在同等条件下享有优先、优惠的许可使用权
  revenue_distribution: 成果转化收益按项目约定的比例分配
  breach_liability: 违约方承担违约责任
openness:
  external_cooperation: 与外部组织开展交流与合作
  result_diffusion: 通过技术转让和行业培训推动成果扩散
  government_funded_diffusion: true
`;
}

/** examples/documents, file name → bytes: what the script writes and a test compares. */
export function exampleFiles() {
  return {
    "charter.yaml": strToU8(exampleCharterYaml()),
    "联盟协议.docx": makeExampleAgreementDocx(),
    "成员名单.xlsx": makeExampleRosterXlsx(),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? "examples/documents";
  mkdirSync(out, { recursive: true });
  for (const [name, bytes] of Object.entries(exampleFiles())) writeFileSync(join(out, name), bytes);
  console.log(`wrote ${Object.keys(exampleFiles()).map((n) => join(out, n)).join(", ")}`);
}
