// Schema validators. The build precompiles them with Ajv's standalone code (dist/validators),
// which loads in a few milliseconds where compiling the schemas at start-up costs ~85 ms: that
// matters for the one-proposal run in a pre-commit hook. Running from source (tests), the same
// schemas are compiled on first use.
import { createRequire } from "node:module";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../paths.js";
import type { ErrorObject } from "ajv";
import { schemaText, type SchemaName } from "./schemas.js";
import { rosterSource } from "../model/roster-source.js";
import { keepRoot } from "./root.js";

export interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const require = createRequire(import.meta.url);
const cache = new Map<SchemaName, Validator>();

/** The CLI bundle links the precompiled validators in statically and registers them here. */
export function registerPrecompiled(validators: Record<SchemaName, Validator>): void {
  for (const [name, v] of Object.entries(validators)) cache.set(name as SchemaName, withRoster(v));
}

export function validator(name: SchemaName): Validator {
  let v = cache.get(name);
  if (!v) {
    v = withRoster(precompiled(name) ?? compile(name));
    cache.set(name, v);
  }
  return v;
}

/**
 * The validator as the engine calls it: its errors keep the validated data (for messages about a
 * spreadsheet roster), and a spreadsheet roster with unknown headers or missing required columns is
 * invalid even when every row is, so that those findings are made (schema/errors.ts).
 */
function withRoster(inner: Validator): Validator {
  const v: Validator = (data: unknown) => {
    const ok = inner(data);
    const source = rosterSource(data);
    const headerDefects = !!source && (source.unknown.length > 0 || source.missing.length > 0);
    v.errors = ok && !headerDefects ? null : keepRoot([...(inner.errors ?? [])], data);
    return ok && !headerDefects;
  };
  return v;
}

function precompiled(name: SchemaName): Validator | undefined {
  try {
    return require(join(PACKAGE_ROOT, "dist", "validators", `${name}.cjs`)) as Validator;
  } catch {
    return undefined;
  }
}

/**
 * The one Ajv set-up of the project, used here when running from sources and by
 * scripts/build-validators.mjs (with `code` options) to precompile the same validators.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function createAjv(extra: Record<string, unknown> = {}): any {
  const Ajv2020 = require("ajv/dist/2020").default;
  const addFormats = require("ajv-formats").default;
  const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true, ...extra });
  addFormats(ajv, ["date"]);
  ajv.addKeyword({ keyword: "x-source-text", schemaType: "boolean" }); // an annotation the loaders read
  return ajv;
}

export function compile(name: SchemaName): Validator {
  return createAjv().compile(JSON.parse(schemaText(name))) as Validator;
}
