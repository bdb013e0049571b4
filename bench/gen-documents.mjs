#!/usr/bin/env node
// Corpora for the documents benchmark (issue #14), built with scripts/gen-example-documents.mjs's
// builders (no hand-made binaries):
//   docs-N/       N proposals, each the examples/documents proposal with its agreement grown to
//                 ~40 pages (the example's articles, then 400 numbered annex paragraphs)
//   roster-5000/  one proposal whose .xlsx roster has 5,000 members (valid credit codes)
// Usage: node bench/gen-documents.mjs N --out DIR
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { esc, exampleCharterYaml, makeExampleAgreementDocx, makeExampleRosterXlsx, makeXlsx } from "../scripts/gen-example-documents.mjs";

const args = process.argv.slice(2);
const N = Number(args[0] ?? 1000);
const out = resolve(args.includes("--out") ? args[args.indexOf("--out") + 1] : "bench/out");

/** The example agreement with ~400 annex paragraphs (~24,000 characters: about 40 printed pages). */
function fortyPageDocx() {
  const files = unzipSync(makeExampleAgreementDocx());
  const xml = strFromU8(files["word/document.xml"]);
  const filler = Array.from({ length: 400 }, (_, i) => `<w:p><w:r><w:t xml:space="preserve">${esc(`附件说明 ${i + 1}：联盟成员按照本协议约定的分工开展联合攻关，定期报告研发进展、经费使用和成果转化情况，接受理事会与秘书处的检查与评估。`)}</w:t></w:r></w:p>`).join("");
  files["word/document.xml"] = strToU8(xml.replace("<w:sectPr/>", `${filler}<w:sectPr/>`));
  return zipSync(files, { mtime: new Date("2024-01-01T00:00:00Z") });
}

// GB 32100 / GB 11714 check characters, as bench/gen-corpus.cjs computes them.
const ALPHA = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_W = [3, 7, 9, 10, 5, 8, 4, 2];
function creditCode(i) {
  const body = String(10000000 + i * 7919).slice(0, 8);
  let s = 0;
  for (let k = 0; k < 8; k++) s += Number(body[k]) * ORG_W[k];
  const c = 11 - (s % 11);
  const first17 = `91230100${body}${c === 10 ? "X" : c === 11 ? "0" : String(c)}`;
  let t = 0;
  for (let k = 0; k < 17; k++) t += ALPHA.indexOf(first17[k]) * W[k];
  return first17 + ALPHA[(31 - (t % 31)) % 31];
}

function bigRosterXlsx(rows) {
  const members = Array.from({ length: rows }, (_, i) => [i + 1, `松花江第${i + 1}号装备制造有限公司`, "企业", creditCode(i + 1), `法人${i + 1}`, "黑龙江省", i === 0 ? "是" : null, null]);
  return makeXlsx([{ name: "成员名单", rows: [["序号", "单位名称", "单位类型", "统一社会信用代码", "法定代表人", "所在省份", "行业骨干", "前沿水平"], ...members] }]);
}

const docs = join(out, `docs-${N}`);
if (!existsSync(docs)) {
  const dir0 = join(docs, "proposal-00001");
  mkdirSync(dir0, { recursive: true });
  writeFileSync(join(dir0, "charter.yaml"), exampleCharterYaml());
  writeFileSync(join(dir0, "联盟协议.docx"), fortyPageDocx());
  writeFileSync(join(dir0, "成员名单.xlsx"), makeExampleRosterXlsx());
  for (let i = 2; i <= N; i++) {
    const dir = join(docs, `proposal-${String(i).padStart(5, "0")}`);
    mkdirSync(dir, { recursive: true });
    for (const f of ["charter.yaml", "联盟协议.docx", "成员名单.xlsx"]) copyFileSync(join(dir0, f), join(dir, f));
  }
}
const roster = join(out, "roster-5000");
if (!existsSync(roster)) {
  mkdirSync(roster, { recursive: true });
  writeFileSync(join(roster, "charter.yaml"), exampleCharterYaml());
  writeFileSync(join(roster, "联盟协议.docx"), makeExampleAgreementDocx());
  writeFileSync(join(roster, "成员名单.xlsx"), bigRosterXlsx(5000));
}
console.log(`${docs}: ${N} proposals with a 40-page .docx; ${roster}: a 5,000-row .xlsx roster`);
