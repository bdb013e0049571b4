// Precompiles the JSON Schemas in schemas/ into standalone Ajv validators (dist/validators/*.cjs),
// so that start-up does not pay for compiling them. Run by `npm run build` after tsc, with the
// same Ajv set-up as the runtime (createAjv in src/schema/validators.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createAjv } from "../dist/schema/validators.js";
import { schemaText } from "../dist/schema/schemas.js";

const require = createRequire(import.meta.url);
const standalone = require("ajv/dist/standalone").default;
const { _ } = require("ajv");

const out = new URL("../dist/validators/", import.meta.url);
mkdirSync(out, { recursive: true });
for (const name of ["charter", "members"]) {
  const ajv = createAjv({ code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } });
  const validate = ajv.compile(JSON.parse(schemaText(name)));
  writeFileSync(new URL(`${name}.cjs`, out), standalone(ajv, validate));
}
// stderr: `npm pack` prints the tarball name on stdout, and tools (pre-commit) read it from there.
console.error("build-validators: dist/validators/{charter,members}.cjs");
