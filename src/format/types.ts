import type { FailOn, Lang, Report } from "../types.js";

export interface FormatContext {
  lang: Lang;
  /** ANSI colours (stylish only). */
  color: boolean;
  failOn: FailOn;
}

/** A formatter is a pure function of the report object, like ESLint's. */
export type Formatter = (report: Report, ctx: FormatContext) => string;
