// Precompiles the JSON Schemas in schemas/ into standalone Ajv validators (dist/validators/*.cjs),
// so that start-up does not pay for compiling them. Run by `npm run build` after tsc.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;
const standalone = require("ajv/dist/standalone").default;
const { _ } = require("ajv");

const out = new URL("../dist/validators/", import.meta.url);
mkdirSync(out, { recursive: true });
for (const name of ["charter", "members"]) {
  // Options as in src/schema/validators.ts AJV_OPTIONS, plus code generation.
  const ajv = new Ajv2020({
    allErrors: true, strict: true, verbose: true,
    code: { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` },
  });
  addFormats(ajv, ["date"]);
  ajv.addKeyword({ keyword: "x-source-text", schemaType: "boolean" });
  const schema = JSON.parse(readFileSync(new URL(`../schemas/${name}.schema.json`, import.meta.url), "utf8"));
  const validate = ajv.compile(schema);
  writeFileSync(new URL(`${name}.cjs`, out), standalone(ajv, validate));
}
console.log("build-validators: dist/validators/{charter,members}.cjs");
