/**
 * `npm run gen:api-types` — writes `src/web/src/api/schema.gen.ts`, the
 * console's API types, from the server's OpenAPI document.
 *
 * The document is built the way the tests build the app (`createTestApp`: in-memory
 * SQLite, no listening socket, no network), read with `app.swagger()` and turned
 * into types by openapi-typescript. Keys are alphabetized so the file depends only
 * on the route schemas, not on the order routes are registered; regenerating
 * without a schema change gives the same bytes. `test/api-types.test.ts` fails
 * when the checked-in file is stale.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { createTestApp } from '../src/test/harness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where the generated types live (checked in). */
export const API_TYPES_FILE = path.join(root, 'src/web/src/api/schema.gen.ts');

const HEADER = `/**
 * Generated from the server's OpenAPI document by \`npm run gen:api-types\`
 * (scripts/api-types.ts, openapi-typescript). Do not edit: change the route
 * schemas in src/modules and regenerate. test/api-types.test.ts fails when
 * this file is stale.
 */

`;

/** The OpenAPI document the server serves at `/openapi.json`, built without a server. */
export async function buildOpenApiDocument(): Promise<OpenAPI3> {
  const t = await createTestApp('sqlite');
  try {
    return structuredClone(t.app.swagger()) as OpenAPI3;
  } finally {
    await t.close();
  }
}

/** The contents `src/web/src/api/schema.gen.ts` should have. */
export async function generateApiTypes(document?: OpenAPI3): Promise<string> {
  const ast = await openapiTS(document ?? (await buildOpenApiDocument()), { alphabetize: true, silent: true });
  return HEADER + astToString(ast);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const document = await buildOpenApiDocument();
  // `npm run gen:api-types -- --openapi <file>` also writes the document itself.
  const at = process.argv.indexOf('--openapi');
  if (at !== -1 && process.argv[at + 1]) writeFileSync(process.argv[at + 1], `${JSON.stringify(document, null, 2)}\n`);
  writeFileSync(API_TYPES_FILE, await generateApiTypes(document));
  console.log(`wrote ${path.relative(root, API_TYPES_FILE)}`);
}
