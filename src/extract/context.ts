// What every field function of `extract` reads: the documents (blocks and articles, split by the
// same splitter the evidence rules use), the parties with their aliases and ids, and how to name
// the place a value came from (`联盟协议.docx 第十二条`, `联盟协议.txt 12:1`, `联盟协议.pdf p.4 l.2`).
import { locatorOf, type Article, type Block, type DocumentFormat, type SplitDocument } from "../documents/index.js";
import type { Text } from "../types.js";
import type { Parties, Unit } from "./parties.js";
import { scalar, type Value } from "./types.js";

export interface SourceDoc {
  /** The file name as shown in comments (the base name). */
  name: string;
  format: DocumentFormat;
  blocks: Block[];
  split: SplitDocument;
}

export interface Context {
  docs: SourceDoc[];
  /** All articles, documents in the order given. */
  articles: Article[];
  parties: Parties;
  /** The article each block belongs to. */
  articleOf: Map<Block, Article>;
}

export function makeContext(docs: SourceDoc[], parties: Parties): Context {
  const articles = docs.flatMap((d) => d.split.articles);
  const articleOf = new Map<Block, Article>();
  for (const a of articles) for (const b of a.blocks) articleOf.set(b, a);
  return { docs, articles, parties, articleOf };
}

/** Where an article is: `联盟协议.docx 第十二条`; without articles, the block's place (`12:1`). */
export function articleSource(ctx: Context, a: Article): string {
  const d = ctx.docs[a.doc];
  return `${d.name} ${a.label || locatorOf(d.format, a.blocks[0])}`;
}

/** Where a block is: its article's label when it is in one, else its locator (`¶3`, `4:3`, `p.1 l.2`). */
export function blockSource(ctx: Context, doc: number, block: Block): string {
  const d = ctx.docs[doc];
  const a = ctx.articleOf.get(block);
  if (a?.label && d.format !== "docx") return `${d.name} ${a.label}`;
  return `${d.name} ${locatorOf(d.format, block, 0, a?.label ? a : undefined)}`;
}

const NOT_MEMBER: Text = {
  zh: "不在成员名单中：核对单位名称，或把它加入名单后改为成员编号",
  en: "not in the roster: check the name, or add the unit to the roster and write its id here",
};

/** A unit as the digest writes it: its roster id, else its name with a comment saying so. */
export function unitValue(ctx: Context, unit: Unit, source?: string): Value {
  const id = ctx.parties.idOf(unit);
  return id !== undefined ? scalar(id, source) : scalar(unit.name, source, NOT_MEMBER);
}
