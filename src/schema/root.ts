// The validated data, kept with Ajv's errors: messages about a spreadsheet roster need to know
// how its header was written (roster-source.ts), and Ajv errors carry only the offending value.
import type { ErrorObject } from "ajv";

const ROOT = Symbol("alliance-audit.validated-root");

export function keepRoot(errors: ErrorObject[], root: unknown): ErrorObject[] {
  Object.defineProperty(errors, ROOT, { value: root, enumerable: false });
  return errors;
}

export function rootOf(errors: ErrorObject[] | null | undefined): unknown {
  return errors ? (errors as unknown as { [ROOT]?: unknown })[ROOT] : undefined;
}
