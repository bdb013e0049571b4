// The parties of an agreement and the names the text gives them (documents.md §5): the units of
// the party list before the first article (`协议各方：…`, `甲方：…`, a list after `以下单位…：`)
// and of the signature table's unit column; aliases the text defines (`甲方`, `（以下简称“牵头
// 单位”）`, `X作为理事长单位`, `理事长由X…担任`) resolved to their unit; and, with a roster, each
// unit's id matched by name (ignoring spaces and bracket width, like the evidence rules).
import { headingOf, normalizeForMatch, type Article, type Block } from "../documents/index.js";
import { signatureTables, type SignatureTable } from "./signatures.js";
import { cleanValue, looksLikeUnit, MAX_ROLE_SENTENCE, sentencesOf, stripItemMark } from "./text.js";

export interface Unit {
  name: string;
  /** The role label the party list gives it (甲方). */
  role?: string;
  /** A title the party list gives it: `甲方（牵头单位）：…`. */
  title?: string;
  doc: number;
  block: Block;
}

export interface RosterEntry {
  id: string;
  name: string;
}

export interface UnitRef {
  /** Offset and length in the normalized text searched. */
  at: number;
  length: number;
  unit: Unit;
}

const ROLE_LINE = /^[\s\u3000]*([甲乙丙丁戊己庚辛壬癸]方)[\s\u3000]*(?:[（(][^）)]{0,8}[）)])?[\s\u3000]*[:：][\s\u3000]*(.+)$/u;
const LIST_HEAD = /(协议各方|缔约各方|签约各方|合作各方|协议方|缔约单位|发起单位|签约单位|以下单位|下列单位)[^。]{0,40}?[:：][\s\u3000]*(.*)$/u;
const ABBREV = /[（(]以下简称[:：]?[\s\u3000]*[“"「『]?([^”"」』）)]{1,12})[”"」』]?[）)]/gu;
const TITLE_ALIAS = "(牵头单位|理事长单位|依托单位|秘书长单位)";

/** A party's name from a party-list line: cut before its address, representative or alias. */
function cutName(text: string): string {
  const s = stripItemMark(text).text;
  const cut = s.split(/[，,；;。]|住所|地址|法定代表人|负责人|[（(]以下简称/u)[0];
  return cleanValue(cut.replace(/[（(](?:盖章|公章)[）)]/gu, ""));
}

function preambleOf(blocks: Block[]): Block[] {
  const first = blocks.findIndex((b) => headingOf(b.text) !== undefined);
  return first < 0 ? blocks.slice(0, 40) : blocks.slice(0, first);
}

/** The party list before the first article of one document. */
export function partyList(blocks: Block[], doc: number): Unit[] {
  const units: Unit[] = [];
  let listing = false;
  let unitColumn = -1;
  for (const b of preambleOf(blocks)) {
    if (b.kind === "table-row") {
      // A party table before the first article: `序号 | 单位名称 | 法定代表人 | 住所`.
      const cells = b.text.split("\t").map((c) => c.trim());
      const head = cells.findIndex((c) => /^(?:单位名称|成员单位|缔约单位|单位|名称|成员单位名称)(?:[（(].*[）)])?$/u.test(c.replace(/\s+/gu, "")));
      if (head >= 0) unitColumn = head;
      else if (unitColumn >= 0) {
        const name = cutName(cells[unitColumn] ?? "");
        if (looksLikeUnit(name)) units.push({ name, doc, block: b });
      }
      continue;
    }
    unitColumn = -1;
    const role = ROLE_LINE.exec(b.text);
    if (role) {
      const name = cutName(role[2]);
      const title = /^[^（(]*[（(](牵头单位|理事长单位|依托单位)[）)]/u.exec(b.text)?.[1];
      if (looksLikeUnit(name)) units.push({ name, role: role[1], doc, block: b, ...(title ? { title } : {}) });
      continue;
    }
    const head = LIST_HEAD.exec(b.text);
    if (head) {
      listing = true;
      for (const piece of head[2].split(/[、，,；;]/u)) {
        const name = cutName(piece);
        if (looksLikeUnit(name)) units.push({ name, doc, block: b });
      }
      continue;
    }
    if (listing) {
      const name = cutName(b.text);
      if (looksLikeUnit(name)) units.push({ name, doc, block: b });
      else listing = false;
    }
  }
  return units;
}

export class Parties {
  /** Every party found, in document order, one per name. */
  readonly units: Unit[] = [];
  readonly tables: SignatureTable[] = [];
  private readonly keys = new Map<string, Unit>();
  private readonly ids = new Map<Unit, string>();

  constructor(documents: { blocks: Block[]; lineBased?: boolean }[], articles: readonly Article[], roster?: readonly RosterEntry[]) {
    documents.forEach((d, i) => partyList(d.blocks, i).forEach((u) => this.add(u)));
    documents.forEach((d, i) => {
      for (const t of signatureTables(d.blocks, i, this.units.map((u) => normalizeForMatch(u.name)))) {
        this.tables.push(t);
        for (const r of t.rows) {
          if (looksLikeUnit(r.unit)) this.add({ name: r.unit, role: r.role, doc: i, block: r.block });
        }
      }
    });
    if (roster) {
      for (const m of roster) {
        const key = normalizeForMatch(m.name);
        if (key === "") continue;
        const u = this.keys.get(key);
        if (u) this.ids.set(u, m.id);
        else {
          // A roster member the text never names still resolves when the text names it later.
          const unit: Unit = { name: m.name, doc: -1, block: { text: "", index: 0, kind: "paragraph", line: 0, column: 0 } };
          this.keys.set(key, unit);
          this.ids.set(unit, m.id);
        }
      }
    }
    for (const d of documents) this.abbreviations(d.blocks);
    this.titles(articles, (a) => documents[a.doc]?.lineBased ?? false);
  }

  private add(u: Unit): void {
    const key = normalizeForMatch(u.name);
    const known = this.keys.get(key);
    if (known) {
      if (u.role && !known.role) {
        known.role = u.role;
        this.keys.set(u.role, known);
      }
      return;
    }
    this.units.push(u);
    this.keys.set(key, u);
    if (u.role && !this.keys.has(u.role)) this.keys.set(u.role, u);
    if (u.title && !this.keys.has(u.title)) this.keys.set(u.title, u);
  }

  /** `X（以下简称“Y”）`: Y names X from then on. */
  private abbreviations(blocks: Block[]): void {
    for (const b of blocks) {
      ABBREV.lastIndex = 0;
      for (let m = ABBREV.exec(b.text); m; m = ABBREV.exec(b.text)) {
        const alias = normalizeForMatch(m[1]);
        if (alias === "" || alias === "联盟" || this.keys.has(alias)) continue;
        const before = normalizeForMatch(b.text.slice(0, m.index));
        const ref = this.refs(before).find((r) => r.at + r.length === before.length);
        if (ref) this.keys.set(alias, ref.unit);
      }
    }
  }

  /** 牵头单位 / 理事长单位 / 依托单位 that the text ties to a unit. */
  private titles(articles: readonly Article[], lineBased: (a: Article) => boolean): void {
    for (const a of articles) {
      for (const s of sentencesOf(a, lineBased(a))) {
        const text = s.normalized;
        if (text.length > MAX_ROLE_SENTENCE) continue;
        for (const r of this.refs(text)) {
          const after = new RegExp(`^(?:作为|为|是)(?:本?联盟的?)?${TITLE_ALIAS}`, "u").exec(text.slice(r.at + r.length));
          const before = new RegExp(`${TITLE_ALIAS}(?:为|是)?$`, "u").exec(text.slice(0, r.at));
          const alias = after?.[1] ?? before?.[1];
          if (alias && !this.keys.has(alias)) this.keys.set(alias, r.unit);
        }
        // 理事会设理事长一名，由X委派的理事担任 / 理事长由X的代表担任 (not 副理事长).
        for (let at = text.indexOf("理事长"); at >= 0 && !this.keys.has("理事长单位"); at = text.indexOf("理事长", at + 1)) {
          if (text[at - 1] === "副") continue;
          const m = /^理事长(?:一名)?[,、]?(?:[^,由]{0,30},)?由(.{1,64}?)(?:委派|推荐|推选|选派|的|负责人|代表|担任)/u.exec(text.slice(at, at + 120));
          const r = m ? this.refs(m[1])[0] : undefined;
          if (r && r.at === 0) this.keys.set("理事长单位", r.unit);
        }
      }
    }
  }

  /** The unit references in a normalized text, left to right, the longest at each place. */
  refs(normalized: string): UnitRef[] {
    const found: UnitRef[] = [];
    for (const [key, unit] of this.keys) {
      for (let at = normalized.indexOf(key); at >= 0; at = normalized.indexOf(key, at + 1)) found.push({ at, length: key.length, unit });
    }
    found.sort((a, b) => a.at - b.at || b.length - a.length);
    const out: UnitRef[] = [];
    let end = 0;
    for (const r of found) {
      if (r.at < end) continue;
      out.push(r);
      end = r.at + r.length;
    }
    return out;
  }

  /** The roster id of a unit, when the roster has it. */
  idOf(unit: Unit): string | undefined {
    return this.ids.get(unit);
  }

  /** Gives the units ids (members.yaml written by extract: M01, M02 …). */
  assignIds(ids: Map<Unit, string>): void {
    for (const [u, id] of ids) this.ids.set(u, id);
  }
}
