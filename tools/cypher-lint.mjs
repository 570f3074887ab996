// Lint Cypher with Neo4j's own front end (@neo4j-cypher/language-support, pinned in package.json).
//
// stdin:  {"schema": DbSchema, "builtinFunctions": true,
//          "queries": [string | {"text": string, "parameters": {name: value}, "extraPropertyKeys": [...]}
//                      | {"texts": [string, ...], "parameters": ..., "extraPropertyKeys": ...}]}
// stdout: {"version": "...", "results": [{"diagnostics": [{severity, message, line, character, offsets}]}]}
//         (one result per text: a "texts" group gives one result per statement in it)
//
// schema is the linter's DbSchema (labels, relationshipTypes, propertyKeys, graphSchema,
// parameters, defaultLanguage). A query's own parameters are added to schema.parameters for that
// query only, so a parameter it uses without declaring is an error; extraPropertyKeys likewise
// (the keys of the row maps a loader statement UNWINDs, which the linter takes for properties). With builtinFunctions, the
// Neo4j 5 built-in functions (as listed by the package's recorded `SHOW FUNCTIONS` of a real server)
// are declared, so a function Neo4j does not have (an embedded-engine-only one) is an error.
// Called once per test batch by tests/cypherlint.py.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';

const PKG = '@neo4j-cypher/language-support';

function packageVersion() {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve(PKG));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (pkg.name === PKG) return pkg.version;
    } catch { /* keep walking up */ }
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}

// The package ships the `SHOW FUNCTIONS` answer of a real Neo4j server as testData (APOC included);
// only the built-in functions count, as a plain Neo4j 5 server has no APOC.
function builtinFunctions(version) {
  const all = testData.mockSchema.functions[version] ?? {};
  return Object.fromEntries(Object.entries(all).filter(([, fn]) => fn.isBuiltIn));
}

const input = JSON.parse(readFileSync(0, 'utf8'));
const schema = { defaultLanguage: 'CYPHER 5', ...(input.schema ?? {}) };
if (input.builtinFunctions) {
  schema.functions = { [schema.defaultLanguage]: builtinFunctions(schema.defaultLanguage) };
}
function lint(text, params, extraKeys) {
  const { diagnostics } = lintCypherQuery(text, {
    ...schema,
    parameters: { ...(schema.parameters ?? {}), ...params },
    propertyKeys: [...(schema.propertyKeys ?? []), ...extraKeys],
  });
  return diagnostics.map((d) => ({
    severity: d.severity, message: d.message,
    line: d.range.start.line + 1, character: d.range.start.character + 1, offsets: d.offsets,
  }));
}

// A query {"texts": [...]} is several single-line statements sharing parameters: they are linted as
// one multi-statement text (the linter's analysis costs less that way) and each gets back the
// diagnostics of its own line.
const results = [];
for (const q of input.queries ?? []) {
  const params = typeof q === 'string' ? {} : (q.parameters ?? {});
  const extraKeys = typeof q === 'string' ? [] : (q.extraPropertyKeys ?? []);
  if (typeof q === 'object' && Array.isArray(q.texts)) {
    if (q.texts.some((t) => t.includes('\n'))) throw new Error('texts must be single-line statements');
    const perLine = q.texts.map(() => []);
    for (const d of lint(q.texts.map((t) => t.replace(/;\s*$/, '')).join(';\n'), params, extraKeys)) {
      perLine[Math.min(d.line - 1, perLine.length - 1)].push({ ...d, line: 1 });
    }
    results.push(...perLine.map((diagnostics) => ({ diagnostics })));
  } else {
    results.push({ diagnostics: lint(typeof q === 'string' ? q : q.text, params, extraKeys) });
  }
}
process.stdout.write(JSON.stringify({ version: packageVersion(), results }));
