// Compiles plan.schema.json with ajv in strict mode (draft 2020-12) and validates JSON files with it:
//   node tools/ajv/check.js SCHEMA [INSTANCE ...]
// One line per instance ("valid" or its first errors); exit 1 if the schema or any instance fails.
// tests/test_schema_docs.py runs it when `bash run.sh setup` has installed ajv here (npm ci).
"use strict";
const fs = require("fs");
const Ajv2020 = require("ajv/dist/2020");

const [schemaPath, ...instances] = process.argv.slice(2);
let validate;
try {
  validate = new Ajv2020({ strict: true, allErrors: true }).compile(JSON.parse(fs.readFileSync(schemaPath, "utf8")));
} catch (error) {
  console.log(`${schemaPath}: ${error.message}`);
  process.exit(1);
}
let failed = 0;
for (const path of instances) {
  const ok = validate(JSON.parse(fs.readFileSync(path, "utf8")));
  failed += ok ? 0 : 1;
  console.log(`${path}: ${ok ? "valid" : validate.errors.slice(0, 3).map((e) => `${e.instancePath} ${e.message}`).join("; ")}`);
}
process.exit(failed ? 1 : 0);
