// OOXML parts → a small element tree, with the hostile-input rules of documents-libraries.md §7:
// any DOCTYPE is refused (Word and Excel never write one, and it is the door to XXE and to
// "billion laughs"), only the five predefined entities and character references are decoded
// (saxes' default), and nesting depth and element count are bounded. saxes is loaded on first use.
import { createRequire } from "node:module";
import { DocumentError, limitError } from "./errors.js";
import { DOC_LIMITS } from "./limits.js";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

type Saxes = typeof import("saxes");
let saxes: Saxes | undefined;
function loadSaxes(): Saxes {
  saxes ??= createRequire(import.meta.url)("saxes") as Saxes;
  return saxes;
}

export interface XmlOptions {
  /** Keep text nodes only inside these elements (e.g. w:t); others are whitespace we never read. */
  keepTextIn?: ReadonlySet<string>;
  maxDepth?: number;
  maxNodes?: number;
}

/**
 * Streams one XML part through a saxes parser that `listen` wires up: a DOCTYPE (entity expansion,
 * external entities) is refused, and any parser or listener error comes out as a DocumentError
 * naming the part, never a raw parser error. The docx tree builder and the xlsx sheet reader share it.
 */
export function streamXml(xml: string, part: string, listen: (parser: InstanceType<Saxes["SaxesParser"]>) => void): void {
  const { SaxesParser } = loadSaxes();
  const parser = new SaxesParser({ xmlns: false, position: false });
  let failure: unknown;
  parser.on("doctype", () => {
    throw new DocumentError(
      {
        zh: `${part} 含有 DOCTYPE 声明：Office 文档从不包含它，为防止实体扩展攻击拒绝读取（限制 xml.doctype）`,
        en: `${part} holds a DOCTYPE declaration, which Office files never contain; refused to prevent entity attacks (limit xml.doctype)`,
      },
      "limit",
      "xml.doctype",
    );
  });
  listen(parser);
  parser.on("error", (e) => {
    failure ??= e;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    failure ??= e;
  }
  if (failure) {
    if (failure instanceof DocumentError) throw failure;
    const msg = failure instanceof Error ? failure.message.slice(0, 160) : String(failure);
    throw new DocumentError({ zh: `${part} 不是格式正确的 XML：${msg}`, en: `${part} is not well-formed XML: ${msg}` }, "corrupt");
  }
}

/** Parses one XML part into a tree; throws DocumentError (never a raw parser error) on anything refused. */
export function parseXml(xml: string, part: string, options: XmlOptions = {}): XmlElement {
  const maxDepth = options.maxDepth ?? DOC_LIMITS.maxXmlDepth;
  const maxNodes = options.maxNodes ?? DOC_LIMITS.maxXmlNodes;
  const keep = options.keepTextIn;
  const root: XmlElement = { name: "#document", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  let nodes = 0;
  streamXml(xml, part, (parser) => {
    parser.on("opentag", (tag) => {
      if (++nodes > maxNodes) throw limitError("xml.nodes", `${part} 的 XML 元素超过 ${maxNodes} 个`, `${part} has more than ${maxNodes} XML elements`);
      if (stack.length > maxDepth) throw limitError("xml.depth", `${part} 的 XML 嵌套超过 ${maxDepth} 层`, `${part} nests XML deeper than ${maxDepth} levels`);
      const el: XmlElement = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [] };
      stack[stack.length - 1].children.push(el);
      if (!tag.isSelfClosing) stack.push(el);
    });
    parser.on("closetag", (tag) => {
      if (!tag.isSelfClosing) stack.pop();
    });
    const text = (t: string) => {
      const top = stack[stack.length - 1];
      if (!keep || keep.has(top.name)) top.children.push(t);
    };
    parser.on("text", text);
    parser.on("cdata", text);
  });
  return root;
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== "string" && c.name === name) return c;
  return undefined;
}

export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  if (!el) return [];
  return el.children.filter((c): c is XmlElement => typeof c !== "string" && c.name === name);
}

/** Depth-first search for descendants named `name` (not descending into matches). */
export function descendants(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (c.name === name) out.push(c);
    else descendants(c, name, out);
  }
  return out;
}

export function textOf(el: XmlElement | undefined): string {
  if (!el) return "";
  let s = "";
  for (const c of el.children) s += typeof c === "string" ? c : textOf(c);
  return s;
}

/** The `w:val`-style attribute of a child element (`<w:numId w:val="3"/>` → "3"). */
export function val(el: XmlElement | undefined, name: string, attr = "w:val"): string | undefined {
  return child(el, name)?.attrs[attr];
}
