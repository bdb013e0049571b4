import type { FailOn, Lang, Report, RulesMeta, Text } from "../types.js";

export interface FormatContext {
  lang: Lang;
  /** ANSI colours (stylish only). */
  color: boolean;
  failOn: FailOn;
  /** What the formats know of each rule (title, fix hint, citations), from the caller. */
  rules: RulesMeta;
  /** Stylish and HTML show each rule's fix hint under its first finding (`--no-fix-hints` turns it off). */
  fixHints?: boolean;
  /** The profile's name as people read it (the registry's name of a built-in); else the report's. */
  profileName?: Text;
  /** Terminal width for wrapping (stylish); undefined: no wrapping. */
  width?: number;
}

/** A formatter is a pure function of the report object, like ESLint's. */
export type Formatter = (report: Report, ctx: FormatContext) => string;
