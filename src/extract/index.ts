// `alliance-audit extract <document...>` (documents.md §5), as a function: reads the agreement
// documents with the document library, drafts the digest (src/extract/fields.ts) and returns
// what to write and the summary. Nothing is written here; writeExtract() writes the plan, whole
// or not at all. Every refusal (a missing or unreadable document, a roster outside DIR, a file
// that would be overwritten) is a UsageError (exit 2) raised before anything is written.
import { existsSync, lstatSync } from "node:fs";
import { unlink } from "node:fs/promises";
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { readDocument, splitArticles, formatOf } from "../documents/index.js";
import { UsageError } from "../errors.js";
import { writeAtomic, writeFailure } from "../fs/write-atomic.js";
import { packageSchemasDir, schemaRef } from "../init.js";
import type { Lang, Text } from "../types.js";
import { makeContext, type SourceDoc } from "./context.js";
import { bodiesAndStaff, findBodies, flags, goals, legallyBinding, memberRoles, signatures, signedDate, taskDivision, term, textFields, titleAndName } from "./fields.js";
import { Parties, type RosterEntry, type Unit } from "./parties.js";
import { readRosterNames, rosterBeside } from "./roster.js";
import { summaryText } from "./summary.js";
import { Draft, scalar } from "./types.js";
import { charterYaml, membersYaml, type MemberDraft } from "./yaml-writer.js";

export interface ExtractOptions {
  documents: string[];
  /** --members FILE: the roster, named in `roster:` (must lie inside DIR). */
  members?: string;
  /** -o DIR (default: the first document's folder). */
  outDir?: string;
  force?: boolean;
  lang: Lang;
  cwd?: string;
}

export interface ExtractPlan {
  dir: string;
  files: { path: string; text: string }[];
  draft: Draft;
  summary: { filled: string[]; todo: string[] };
  /** Notes for stderr (e.g. DIR is not the documents' folder). */
  notices: Text[];
  /** The summary to print. */
  message: Text;
}

const toPosix = (p: string): string => (sep === "/" ? p : p.split(sep).join("/"));

function inside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
}

async function readAll(paths: string[], cwd: string): Promise<SourceDoc[]> {
  const docs: SourceDoc[] = [];
  for (const [i, p] of paths.entries()) {
    const abs = resolve(cwd, p);
    const ext = extname(abs).slice(1);
    const r = await readDocument(abs, ext);
    if (!r.ok) {
      throw new UsageError({
        zh: `无法读取文档 ${p}：${r.reason.zh}；未写入任何文件`,
        en: `cannot read the document ${p}: ${r.reason.en}; nothing was written`,
      });
    }
    docs.push({ name: basename(abs), format: formatOf(ext)!, blocks: r.blocks, split: splitArticles(r.blocks, i) });
  }
  return docs;
}

function header(lang: Lang, docs: string[], dir: string): string[] {
  return lang === "zh"
    ? [
        `由 alliance-audit extract 根据 ${docs.join("、")} 起草，供人工核对。`,
        "每个值后的注释是它在文中的出处；TODO 表示文中未找到，请按原件填写。",
        `核对后检查：alliance-audit ${dir}`,
      ]
    : [
        `Drafted by alliance-audit extract from ${docs.join(", ")}, for a person to review.`,
        "The comment after each value names where it came from; TODO means it was not found: fill it in from the original.",
        `Then audit: alliance-audit ${dir}`,
      ];
}

export async function extract(o: ExtractOptions): Promise<ExtractPlan> {
  const cwd = o.cwd ?? process.cwd();
  if (o.documents.length === 0) throw new UsageError({ zh: "请给出至少一个协议文档（.docx、.pdf、.md 或 .txt）", en: "name at least one agreement document (.docx, .pdf, .md or .txt)" });
  const docPaths = o.documents.map((d) => resolve(cwd, d));
  const dir = resolve(cwd, o.outDir ?? dirname(docPaths[0]));
  const notices: Text[] = [];
  if (!existsSync(dir) || !lstatSync(dir).isDirectory()) {
    throw new UsageError({ zh: `输出文件夹 ${dir} 不存在或不是文件夹；未写入任何文件`, en: `the output folder ${dir} does not exist or is not a folder; nothing was written` });
  }

  // Refusals first, in the order a user fixes them: documents, roster, files in the way.
  const docs = await readAll(o.documents, cwd);
  let roster: RosterEntry[] | undefined;
  let rosterField: string | undefined;
  if (o.members !== undefined) {
    const abs = resolve(cwd, o.members);
    if (!inside(dir, abs)) {
      throw new UsageError({
        zh: `成员名单 ${o.members} 不在输出文件夹 ${dir} 内：请先把它复制到该文件夹，再运行 extract`,
        en: `the roster ${o.members} is not inside the output folder ${dir}: copy it into that folder, then run extract again`,
      });
    }
    const r = await readRosterNames(abs);
    if (!r.ok) throw new UsageError({ zh: `无法读取成员名单 ${o.members}：${r.reason.zh}；未写入任何文件`, en: `cannot read the roster ${o.members}: ${r.reason.en}; nothing was written` });
    roster = r.members;
    rosterField = toPosix(relative(dir, abs));
  }
  const beside = o.members === undefined ? (rosterBeside(dir) ?? rosterBeside(dirname(docPaths[0]))) : undefined;
  if (beside) {
    const r = await readRosterNames(beside);
    if (r.ok) roster = r.members;
  }
  const charterPath = join(dir, "charter.yaml");
  const membersPath = join(dir, "members.yaml");
  const writeMembers = o.members === undefined && !beside;
  if (!o.force) {
    for (const p of writeMembers ? [charterPath, membersPath] : [charterPath]) {
      if (existsOrLink(p)) {
        throw new UsageError({
          zh: `${p} 已存在，未写入任何文件：要覆盖请加 --force`,
          en: `${p} already exists; nothing was written: add --force to overwrite it`,
        });
      }
    }
  }

  // The draft.
  const split = docs.map((d) => ({ blocks: d.blocks, lineBased: d.format === "txt" || d.format === "pdf" }));
  const articles = docs.flatMap((d) => d.split.articles);
  const parties = new Parties(split, articles, roster);
  const ctx = makeContext(docs, parties);
  const memberDrafts: MemberDraft[] = [];
  if (writeMembers) {
    const ids = new Map<Unit, string>();
    parties.units.forEach((u, i) => {
      const id = `M${String(i + 1).padStart(2, "0")}`;
      ids.set(u, id);
      memberDrafts.push({ id, name: u.name, source: `${docs[u.doc].name} ${locOf(ctx, u)}` });
    });
    parties.assignIds(ids);
  }
  const draft = new Draft();
  titleAndName(ctx, draft);
  const docLinks = docPaths.map((p) => toPosix(relative(dir, p)));
  draft.set("agreement.documents", { kind: "list", items: docLinks.map((d) => scalar(d)) });
  legallyBinding(ctx, draft);
  const signed = signedDate(ctx);
  signatures(ctx, draft, signed);
  term(ctx, draft, signed);
  goals(ctx, draft);
  taskDivision(ctx, draft);
  textFields(ctx, draft, (p) => p.startsWith("agreement."));
  const bodies = findBodies(ctx);
  bodiesAndStaff(ctx, draft, bodies);
  memberRoles(ctx, draft, bodies);
  textFields(ctx, draft, (p) => !p.startsWith("agreement."));
  flags(ctx, draft);

  const dirShown = displayDir(dir, cwd);
  const files = [{ path: charterPath, text: charterYaml({ draft, lang: o.lang, header: header(o.lang, docs.map((d) => d.name), dirShown), schema: schemaFor("charter", dir), roster: rosterField }) }];
  if (writeMembers) files.unshift({ path: membersPath, text: membersYaml(memberDrafts, o.lang, header(o.lang, docs.map((d) => d.name), dirShown), schemaFor("members", dir)) });
  if (docPaths.some((p) => !inside(dir, p))) {
    notices.push({
      zh: `输出文件夹不是文档所在的文件夹：审核会把 agreement.documents 中的链接报告为 evidence/document-missing，直到把文档移到 ${dirShown}`,
      en: `the output folder is not the documents' folder: the audit will report the links in agreement.documents as evidence/document-missing until the documents are moved to ${dirShown}`,
    });
  }
  const summary = draft.summary();
  const written = files.map((f) => displayDir(f.path, cwd));
  return { dir, files, draft, summary, notices, message: summaryText(summary, written, writeMembers ? memberDrafts.length : undefined, dirShown) };
}

function existsOrLink(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return existsSync(p);
  }
}

function locOf(ctx: ReturnType<typeof makeContext>, u: Unit): string {
  const d = ctx.docs[u.doc];
  if (!d) return "";
  const a = ctx.articleOf.get(u.block);
  if (a?.label && d.format !== "docx") return a.label;
  return d.format === "docx" ? (a?.label ? `${a.label} ¶${u.block.index}` : `¶${u.block.index}`) : d.format === "pdf" ? `p.${u.block.page ?? 1} l.${u.block.pageLine ?? u.block.line}` : `${u.block.line}:${u.block.column}`;
}

function displayDir(p: string, cwd: string): string {
  const rel = relative(cwd, p);
  return rel === "" ? "." : rel.startsWith("..") || isAbsolute(rel) ? p : rel;
}

function schemaFor(which: "charter" | "members", dir: string): string | undefined {
  try {
    return schemaRef(join(packageSchemasDir(), `${which}.schema.json`), dir);
  } catch {
    return undefined;
  }
}

/** Writes the plan's files, each atomically; a failure leaves none of the new files behind. */
export async function writeExtract(plan: ExtractPlan): Promise<void> {
  const done: string[] = [];
  for (const f of plan.files) {
    const existed = existsOrLink(f.path);
    try {
      await writeAtomic(f.path, f.text);
      if (!existed) done.push(f.path);
    } catch (e) {
      for (const p of done) await unlink(p).catch(() => undefined);
      const reason = writeFailure(e);
      throw new UsageError({ zh: `无法写入 ${f.path}（${reason}）；请检查文件夹是否存在且可写`, en: `cannot write ${f.path} (${reason}); check that the folder exists and is writable` });
    }
  }
}
