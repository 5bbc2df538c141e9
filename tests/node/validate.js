// The second validator: ajv 8 compiles liftplan's published schemas and checks documents
// with them. Run by tests/spec/test_schema_portability.py through tests/node/tools.py.
//
// stdin: {"schemas": [{"name", "strict", "editor"}], "editorKeywords": [...],
//         "documents": [{"label", "schema", "data"}],
//         "mutants": [{"document": index, "path": [...], "op": "set" | "delete", "value"}]}
// stdout: {"results": [{"label", "schema", "strict": [errors], "editor": [errors]}],
//          "mutants": {"checked": n, "refused": n, "disagreements": [{mutant, strict, editor}]}}
//
// A mutant is a document with one value changed or one key removed, made here from its
// document so that thousands of them need not cross the pipe.
//
// Each strict copy (schemas/strict/) is compiled with strict mode in full, as a tool that
// takes liftplan's schemas would: new Ajv({strict: true}) with ajv-formats for "date".
// Each editor schema (schemas/) is compiled with its editor keywords declared, as a
// vocabulary, and draft-07's union types allowed; both verdicts are given for every
// document, so the test can see that the two forms agree. A schema that does not compile
// is an error on stderr and exit status 1.
"use strict";

const Ajv = require("ajv");
const addFormats = require("ajv-formats");
const fs = require("fs");

function compile(path, options, keywords) {
  const ajv = new Ajv({ allErrors: true, ...options });
  addFormats(ajv);
  if (keywords.length) ajv.addVocabulary(keywords);
  return ajv.compile(JSON.parse(fs.readFileSync(path, "utf8")));
}

function problems(validate, data) {
  if (validate(data)) return [];
  return validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`);
}

const job = JSON.parse(fs.readFileSync(0, "utf8"));
const validators = {};
for (const schema of job.schemas) {
  const strict = { strict: true };
  const editor = { strict: true, strictRequired: false, allowUnionTypes: true };
  for (const [form, options, keywords] of [
    ["strict", strict, []],
    ["editor", editor, job.editorKeywords],
  ]) {
    try {
      validators[`${schema.name} ${form}`] = compile(schema[form], options, keywords);
    } catch (error) {
      process.stderr.write(`${schema[form]}: ${error.message}\n`);
      process.exit(1);
    }
  }
}
const results = job.documents.map((doc) => ({
  label: doc.label,
  schema: doc.schema,
  strict: problems(validators[`${doc.schema} strict`], doc.data),
  editor: problems(validators[`${doc.schema} editor`], doc.data),
}));

function mutated(data, path, op, value) {
  const copy = structuredClone(data);
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  const last = path[path.length - 1];
  if (op === "delete") delete node[last];
  else node[last] = value;
  return copy;
}

const mutants = { checked: 0, refused: 0, disagreements: [] };
for (const mutant of job.mutants || []) {
  const doc = job.documents[mutant.document];
  const data = mutated(doc.data, mutant.path, mutant.op, mutant.value);
  const strict = problems(validators[`${doc.schema} strict`], data);
  const editor = problems(validators[`${doc.schema} editor`], data);
  mutants.checked += 1;
  if (strict.length) mutants.refused += 1;
  if (!strict.length !== !editor.length) mutants.disagreements.push({ mutant, strict, editor });
}
process.stdout.write(JSON.stringify({ results, mutants }));
