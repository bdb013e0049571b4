// The signature page of an agreement (documents.md §5): a table with a unit column, a signatory
// column and a date column — a Word or Markdown table (cells joined by a tab), a PDF whose cells
// became one line (`黑龙江寒城建设集团有限公司邓国强 2024 年 6 月 18 日`), or the lines of a
// plain-text page (`甲方（盖章）：…　法定代表人（签字）：…　日期：…`). Rows are read as written;
// parties.ts turns the unit texts into roster ids.
import type { Block } from "../documents/index.js";
import { cleanValue, dateAt, isPageLine, looksLikeUnit, parseDateText, UNIT_SUFFIX } from "./text.js";

export interface SignatureRow {
  unit: string;
  /** The role label the row starts with (甲方), when it has one. */
  role?: string;
  signatory?: string;
  date?: string;
  block: Block;
}

export interface SignatureTable {
  rows: SignatureRow[];
  /** The header (or first row's keys), to tell the signatory's capacity. */
  header: string;
  doc: number;
  block: Block;
}

const UNIT_HEAD = /单位|名称|成员|签约方|缔约方|甲方/u;
const SIGNER_HEAD = /法定代表人|法人代表|签字|签署人|签名|授权代表|委托代理人|负责人/u;
const DATE_HEAD = /日期|时间/u;
const TASK_HEAD = /任务|分工|职责|成果/u;
/** A cell left for a hand to fill: underscores, dashes, or the words 签字/签名/盖章 alone. */
const BLANK = /^(?:[_＿\-—–\s]*|[（(]?(?:签字|签名|签章|盖章)[）)]?)$/u;
const ROLE = /^[\s\u3000]*([甲乙丙丁戊己庚辛壬癸]方)/u;
const SIGNER_KEY = /(法定代表人|法人代表|授权代表|委托代理人|负责人|代表)(?:[（(][^）)]*[）)])?[\s\u3000]*[:：]/u;
const DATE_KEY = /(?:签署|签字|签订)?(?:日期|时间)[\s\u3000]*[:：]/u;

function cells(text: string): string[] {
  return text.split("\t").map((c) => c.trim());
}

/** A Word/Markdown table: header row with unit + signer/date columns, then its rows. */
function tableAt(blocks: Block[], i: number, doc: number): { table: SignatureTable; next: number } | undefined {
  const head = cells(blocks[i].text);
  const unitCol = head.findIndex((c) => UNIT_HEAD.test(c));
  const signerCol = head.findIndex((c, k) => k !== unitCol && SIGNER_HEAD.test(c));
  const dateCol = head.findIndex((c, k) => k !== unitCol && DATE_HEAD.test(c));
  if (unitCol < 0 || (signerCol < 0 && dateCol < 0) || head.some((c) => TASK_HEAD.test(c))) return undefined;
  const rows: SignatureRow[] = [];
  let k = i + 1;
  for (; k < blocks.length && blocks[k].kind === "table-row"; k++) {
    const c = cells(blocks[k].text);
    const unit = cleanValue((c[unitCol] ?? "").replace(/[（(](?:盖章|公章|签章)[）)]/gu, "")).replace(/^[甲乙丙丁戊己庚辛壬癸]方[:：]?/u, "");
    if (unit === "") continue;
    const row: SignatureRow = { unit, block: blocks[k] };
    const role = ROLE.exec(c[unitCol] ?? "")?.[1];
    if (role) row.role = role;
    const signer = signerCol >= 0 ? cleanValue(c[signerCol] ?? "") : "";
    if (signer && !BLANK.test(signer)) row.signatory = signer;
    const date = dateCol >= 0 ? parseDateText(c[dateCol] ?? "") : undefined;
    if (date) row.date = date;
    rows.push(row);
  }
  return { table: { rows, header: blocks[i].text, doc, block: blocks[i] }, next: k };
}

/** `甲方（盖章）：X　法定代表人（签字）：Y　日期：2024年5月8日` on one line. */
function keyedLine(block: Block): SignatureRow | undefined {
  const text = block.text;
  const signer = SIGNER_KEY.exec(text);
  if (!signer) return undefined;
  const before = text.slice(0, signer.index).replace(/^[\s\u3000]*(?:[甲乙丙丁戊己庚辛壬癸]方)?[\s\u3000]*(?:[（(]?(?:盖章|公章|签章)[）)]?)?[\s\u3000]*[:：]?/u, "");
  const unit = cleanValue(before.replace(/(?:[（(]?(?:盖章|公章|签章)[）)]?)?[\s\u3000]*[:：]?[\s\u3000]*$/u, ""));
  if (!looksLikeUnit(unit)) return undefined;
  const rest = text.slice(signer.index + signer[0].length);
  const dk = DATE_KEY.exec(rest);
  const row: SignatureRow = { unit, block };
  const role = ROLE.exec(text)?.[1];
  if (role) row.role = role;
  const who = cleanValue(dk ? rest.slice(0, dk.index) : rest);
  if (who && !BLANK.test(who)) row.signatory = who;
  const date = dk ? parseDateText(rest.slice(dk.index + dk[0].length)) : undefined;
  if (date) row.date = date;
  return row;
}

/** A PDF row whose cells became one line: unit (a known party, else up to a unit suffix), name, date. */
function flatRow(block: Block, known: readonly string[]): SignatureRow | undefined {
  const text = block.text.replace(/[\s\u3000]+/gu, " ").trim();
  const at = dateAt(text);
  const date = at >= 0 ? parseDateText(text.slice(at)) : undefined;
  const head = (at >= 0 ? text.slice(0, at) : text).replace(/\s+/gu, "");
  let unit = known.find((k) => head.startsWith(k));
  if (!unit) unit = new RegExp(`^(.*${UNIT_SUFFIX})`, "u").exec(head)?.[1];
  if (!unit || !looksLikeUnit(unit)) return undefined;
  const row: SignatureRow = { unit, block };
  const who = cleanValue(head.slice(unit.length));
  if (who && /^[\p{Script=Han}·]{2,6}$/u.test(who)) row.signatory = who;
  if (date) row.date = date;
  return row;
}

/**
 * The signature tables of one document. `known` holds the party names found so far, to cut a
 * flattened PDF row where the unit's name ends.
 */
export function signatureTables(blocks: Block[], doc: number, known: readonly string[]): SignatureTable[] {
  const tables: SignatureTable[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === "table-row") {
      const t = tableAt(blocks, i, doc);
      if (t) {
        if (t.table.rows.length > 0) tables.push(t.table);
        i = t.next - 1;
      }
      continue;
    }
    const keyed = keyedLine(b);
    if (keyed) {
      const rows = [keyed];
      let k = i + 1;
      for (; k < blocks.length; k++) {
        if (isPageLine(blocks[k].text)) continue;
        const r = keyedLine(blocks[k]);
        if (!r) break;
        rows.push(r);
      }
      tables.push({ rows, header: b.text, doc, block: b });
      i = k - 1;
      continue;
    }
    // A header line without tabs (PDF): unit, signer and date headings on one line.
    const t = b.text;
    if (!t.includes("\t") && UNIT_HEAD.test(t) && SIGNER_HEAD.test(t) && DATE_HEAD.test(t) && t.length <= 60 && !TASK_HEAD.test(t)) {
      const rows: SignatureRow[] = [];
      let k = i + 1;
      for (; k < blocks.length; k++) {
        if (isPageLine(blocks[k].text)) continue;
        const r = flatRow(blocks[k], known);
        if (!r) break;
        rows.push(r);
      }
      if (rows.length > 0) tables.push({ rows, header: t, doc, block: b });
      i = k - 1;
    }
  }
  return tables;
}

/** The capacity a signature table's header gives its signatories. */
export function capacityOf(header: string): "legal_representative" | "authorized_agent" | undefined {
  const legal = /法定代表人|法人代表/u.test(header);
  const agent = /授权代表|委托代理人|授权代理人|代理人/u.test(header);
  // `法定代表人或授权代表（签字）` says neither: the person fills it in.
  if (legal && !agent) return "legal_representative";
  if (agent && !legal) return "authorized_agent";
  return undefined;
}
