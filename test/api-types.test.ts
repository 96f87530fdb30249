import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from '../scripts/api-types.js';

/** Where two texts first differ, as "line N: checked in … / generated …" (null when equal). */
function firstDifference(checkedIn: string, generated: string): string | null {
  if (checkedIn === generated) return null;
  const a = checkedIn.split('\n');
  const b = generated.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return `line ${i + 1}:\n  checked in: ${a[i]?.trim() ?? '(end of file)'}\n  generated:  ${b[i]?.trim() ?? '(end of file)'}`;
}

// The console's API types are generated from the route schemas; a schema change without a regeneration fails here.
describe('console API types (src/web/src/api/schema.gen.ts)', () => {
  it('match the OpenAPI document the server builds', async () => {
    const file = path.relative(process.cwd(), API_TYPES_FILE);
    expect(existsSync(API_TYPES_FILE), `${file} is missing: run npm run gen:api-types`).toBe(true);
    const difference = firstDifference(readFileSync(API_TYPES_FILE, 'utf8'), await generateApiTypes());
    expect(difference, `${file} is stale: run npm run gen:api-types (first difference at ${difference})`).toBeNull();
  });
});
