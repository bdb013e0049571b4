// .docx → blocks (documents.md §3 "The text model", §2 ¶ numbering). Only the main document,
// styles and numbering parts are inflated: headers, footers, comments, footnotes and endnotes
// are not text of the agreement. One block per body paragraph (content-control and text-box
// paragraphs included, empty ones too) and per table row (cells joined by a tab); Word's
// automatic label is computed and put in front of the paragraph's text. Deleted text (w:del,
// w:delText, w:moveFrom), hidden text (w:vanish), field codes (w:instrText) and tables of
// contents (TOC fields, TOC content controls, TOC paragraph styles) are not text.
import { DocumentError } from "../errors.js";
import type { Block, BlockKind } from "../types.js";
import { child, children, descendants, parseXml, val, type XmlElement } from "../xml.js";
import { readZipParts } from "../zip.js";
import { Numbering, parseStyles } from "./numbering.js";

const KEEP_TEXT = new Set(["w:t", "w:instrText"]);

interface Field {
  instr: string;
  result: boolean;
}

function isOn(el: XmlElement | undefined): boolean {
  if (!el) return false;
  const v = el.attrs["w:val"];
  return v === undefined || !(v === "0" || v === "false" || v === "off");
}

function mainDocumentPath(parts: Map<string, string>): string {
  const rels = parts.get("_rels/.rels");
  if (rels) {
    try {
      const root = parseXml(rels, "_rels/.rels");
      for (const r of descendants(root, "Relationship")) {
        if (/\/officeDocument$/.test(r.attrs.Type ?? "") && r.attrs.Target) return r.attrs.Target.replace(/^\//, "");
      }
    } catch {
      // A broken .rels falls back to the usual name.
    }
  }
  return "word/document.xml";
}

class Walker {
  readonly blocks: Block[] = [];
  private fields: Field[] = [];
  private tocStyles = new Set<string>();

  constructor(
    private numbering: Numbering,
    styles: Map<string, { name?: string }>,
  ) {
    for (const [id, s] of styles) if (/^toc\s?\d$/i.test(s.name ?? "") || /^toc\s?\d$/i.test(id) || /^TOCHeading$/i.test(id)) this.tocStyles.add(id);
  }

  private inToc(): boolean {
    return this.fields.some((f) => /^\s*TOC\b/i.test(f.instr));
  }

  private visible(): boolean {
    return this.fields.every((f) => f.result);
  }

  private emit(text: string, kind: BlockKind, label?: string): void {
    const index = this.blocks.length + 1;
    const b: Block = { text, index, kind, line: index, column: 1 };
    if (label) b.label = label.trim();
    this.blocks.push(b);
  }

  /** Body-level content: paragraphs, tables, content controls, wrappers. */
  body(el: XmlElement, kind: BlockKind): void {
    for (const c of el.children) {
      if (typeof c === "string") continue;
      switch (c.name) {
        case "w:p":
          this.paragraph(c, kind);
          break;
        case "w:tbl":
          this.table(c, kind);
          break;
        case "w:sdt": {
          const gallery = child(child(child(c, "w:sdtPr"), "w:docPartObj"), "w:docPartGallery")?.attrs["w:val"] ?? "";
          if (/table of contents/i.test(gallery)) {
            // A TOC content control: its paragraphs are not blocks, but its fields must still balance.
            this.skimFields(c);
            break;
          }
          const content = child(c, "w:sdtContent");
          if (content) this.body(content, kind);
          break;
        }
        case "mc:AlternateContent": {
          const choice = child(c, "mc:Choice");
          if (choice) this.body(choice, kind);
          break;
        }
        case "w:del":
        case "w:moveFrom":
          break;
        case "w:customXml":
        case "w:ins":
        case "w:moveTo":
        case "w:smartTag":
          this.body(c, kind);
          break;
        default:
          break;
      }
    }
  }

  /** Updates the field stack for skipped content, so a field that spans it stays balanced. */
  private skimFields(el: XmlElement): void {
    for (const fc of descendants(el, "w:fldChar")) this.fieldChar(fc);
  }

  private fieldChar(fc: XmlElement): void {
    const type = fc.attrs["w:fldCharType"];
    if (type === "begin") this.fields.push({ instr: "", result: false });
    else if (type === "separate") {
      const top = this.fields[this.fields.length - 1];
      if (top) top.result = true;
    } else if (type === "end") this.fields.pop();
    // Orphaned separate/end markers (seen in the wild) are ignored.
  }

  private table(tbl: XmlElement, kind: BlockKind): void {
    for (const tr of children(tbl, "w:tr")) {
      if (child(child(tr, "w:trPr"), "w:del")) continue;
      const boxes: XmlElement[] = [];
      const cells: string[] = [];
      for (const tc of this.cellsOf(tr)) cells.push(this.cellText(tc, boxes));
      this.emit(cells.join("\t"), kind === "text-box" ? "text-box" : "table-row");
      for (const box of boxes) this.body(box, "text-box");
    }
  }

  private cellsOf(tr: XmlElement): XmlElement[] {
    const out: XmlElement[] = [];
    for (const c of tr.children) {
      if (typeof c === "string") continue;
      if (c.name === "w:tc") out.push(c);
      else if (c.name === "w:sdt") out.push(...this.cellsOf(child(c, "w:sdtContent") ?? c));
      else if (c.name === "w:customXml") out.push(...this.cellsOf(c));
    }
    return out;
  }

  /** A cell's paragraphs (numbered ones with their labels) and nested tables, as one string. */
  private cellText(tc: XmlElement, boxes: XmlElement[]): string {
    const parts: string[] = [];
    const walk = (el: XmlElement): void => {
      for (const c of el.children) {
        if (typeof c === "string") continue;
        if (c.name === "w:p") {
          const p = this.paragraphText(c, boxes);
          if (!p.toc) parts.push(p.label + p.text);
        } else if (c.name === "w:tbl") {
          for (const tr of children(c, "w:tr")) parts.push(this.cellsOf(tr).map((t) => this.cellText(t, boxes)).join("\t"));
        } else if (c.name === "w:sdt") walk(child(c, "w:sdtContent") ?? { name: "", attrs: {}, children: [] });
        else if (c.name === "w:customXml" || c.name === "w:ins" || c.name === "w:moveTo") walk(c);
      }
    };
    walk(tc);
    return parts.join("\n");
  }

  private paragraph(p: XmlElement, kind: BlockKind): void {
    const boxes: XmlElement[] = [];
    const r = this.paragraphText(p, boxes);
    if (!r.toc) this.emit(r.label + r.text, kind, r.label || undefined);
    for (const box of boxes) this.body(box, "text-box");
  }

  private paragraphText(p: XmlElement, boxes: XmlElement[]): { text: string; label: string; toc: boolean } {
    const pPr = child(p, "w:pPr");
    const style = val(pPr, "w:pStyle");
    let toc = this.inToc() || (style !== undefined && this.tocStyles.has(style));
    let text = "";
    const inline = (el: XmlElement): void => {
      for (const c of el.children) {
        if (typeof c === "string") continue;
        switch (c.name) {
          case "w:r":
            this.run(c, boxes, (s) => (text += s));
            if (this.inToc()) toc = true;
            break;
          case "w:del":
          case "w:moveFrom":
            // Deleted text is not text; a field boundary inside it still counts for balance.
            this.skimFields(c);
            break;
          case "w:fldSimple":
            if (/^\s*TOC\b/i.test(c.attrs["w:instr"] ?? "")) toc = true;
            inline(c);
            break;
          case "w:sdt":
            inline(child(c, "w:sdtContent") ?? c);
            break;
          case "mc:AlternateContent": {
            const choice = child(c, "mc:Choice");
            if (choice) inline(choice);
            break;
          }
          case "w:pPr":
          case "m:oMath":
          case "m:oMathPara":
            break;
          default:
            // w:ins, w:moveTo, w:hyperlink, w:smartTag, w:customXml, w:dir, w:bdo…: unknown wrappers are walked.
            inline(c);
        }
      }
    };
    inline(p);
    // The label is computed for every paragraph in order, TOC ones excluded (they carry no numPr of the body list).
    const label = toc ? "" : this.numbering.next(pPr);
    return { text, label, toc };
  }

  private run(r: XmlElement, boxes: XmlElement[], out: (s: string) => void): void {
    const rPr = child(r, "w:rPr");
    const hidden = isOn(child(rPr, "w:vanish")) || isOn(child(rPr, "w:specVanish"));
    const show = (s: string): void => {
      if (!hidden && this.visible()) out(s);
    };
    for (const c of r.children) {
      if (typeof c === "string") continue;
      switch (c.name) {
        case "w:t":
          show(c.children.filter((x): x is string => typeof x === "string").join(""));
          break;
        case "w:tab":
        case "w:ptab":
          show("\t");
          break;
        case "w:br": {
          const type = c.attrs["w:type"];
          if (type !== "page" && type !== "column") show("\n");
          break;
        }
        case "w:cr":
          show("\n");
          break;
        case "w:noBreakHyphen":
          show("-");
          break;
        case "w:fldChar":
          this.fieldChar(c);
          break;
        case "w:instrText": {
          const top = this.fields[this.fields.length - 1];
          if (top && !top.result) top.instr += c.children.filter((x): x is string => typeof x === "string").join("");
          break;
        }
        case "mc:AlternateContent": {
          const choice = child(c, "mc:Choice");
          if (choice) boxes.push(...descendants(choice, "w:txbxContent"));
          break;
        }
        case "w:drawing":
        case "w:pict":
        case "w:object":
          boxes.push(...descendants(c, "w:txbxContent"));
          break;
        default:
          break;
      }
    }
  }
}

/** Reads a .docx file's bytes into blocks, or throws DocumentError. */
export function readDocxBlocks(bytes: Uint8Array): Block[] {
  const parts = readZipParts(bytes, {
    kind: "docx",
    want: (name) => name === "_rels/.rels" || /^word\/(document\d*|styles|numbering)\.xml$/.test(name),
  });
  const mainPath = mainDocumentPath(parts);
  const main = parts.get(mainPath) ?? parts.get("word/document.xml");
  if (main === undefined) {
    throw new DocumentError(
      { zh: "zip 压缩包中没有 Word 正文（word/document.xml）：这不是 .docx 文档，请在 Word 中另存为 .docx", en: "the zip holds no Word body (word/document.xml): it is not a .docx; save it as .docx in Word" },
      "not-docx",
    );
  }
  const stylesXml = parts.get("word/styles.xml");
  const numberingXml = parts.get("word/numbering.xml");
  const styles = parseStyles(stylesXml ? parseXml(stylesXml, "word/styles.xml") : undefined);
  const numbering = new Numbering(numberingXml ? parseXml(numberingXml, "word/numbering.xml") : undefined, styles);
  const doc = parseXml(main, mainPath, { keepTextIn: KEEP_TEXT });
  const body = child(child(doc, "w:document"), "w:body");
  if (!body) {
    throw new DocumentError({ zh: "Word 正文没有 w:body 元素：文档已损坏", en: "the Word body has no w:body element: the document is damaged" }, "corrupt");
  }
  const w = new Walker(numbering, styles);
  w.body(body, "paragraph");
  return w.blocks;
}
