// Shared helpers for the document-library tests: fixture paths and a reader that fails loudly.
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { readDocument, splitArticles, type Block } from "../../src/documents/index.js";

export const CASES = fileURLToPath(new URL("../fixtures/documents/cases/", import.meta.url));
export const caseFile = (c: string, f: string): string => join(CASES, c, f);

export async function blocksOf(input: string | Uint8Array, ext: string): Promise<Block[]> {
  const r = await readDocument(input, ext);
  if (!r.ok) throw new Error(`expected a readable document, got ${r.kind}: ${r.reason.en}`);
  return r.blocks;
}

export async function articlesOf(input: string | Uint8Array, ext: string) {
  return splitArticles(await blocksOf(input, ext));
}

/** The simple roster oracle the tests use (the real one comes from src/model/). */
const KNOWN = new Set(["编号", "序号", "单位名称", "单位类型", "单位性质", "统一社会信用代码", "法定代表人", "法人代表", "行业骨干", "前沿水平", "备注", "加入日期"]);
export const oracle = {
  isKnownHeader: (t: string) => KNOWN.has(t),
  isIdHeader: (t: string) => t === "编号" || t === "序号",
  isNameHeader: (t: string) => t === "单位名称",
};
