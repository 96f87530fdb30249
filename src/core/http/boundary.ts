import { Ajv, type Options as AjvOptions } from 'ajv';
import ajvFormats from 'ajv-formats';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { AppError } from '../errors.js';

// ajv-formats is CommonJS: under NodeNext its default export is the module object.
const addFormats = ajvFormats as unknown as typeof ajvFormats.default;

/**
 * What atrium accepts at its HTTP boundary, whatever the route (see
 * docs/security.md). Everything here runs before a handler, so a refused
 * request never reaches a service or the database.
 */
export const INPUT_LIMITS = {
  /** Deepest nesting of arrays and objects in a JSON body. */
  maxJsonDepth: 64,
  /** Largest request body (bytes). */
  bodyBytes: 1024 * 1024,
} as const;

const HTTP_PARTS = ['body', 'querystring', 'params'] as const;

/**
 * Closes every object schema of a request part that declares `properties`
 * but says nothing about others: an unknown field is then a 400 naming it,
 * never silently stored or spread into a row. A schema that wants extra
 * fields (a free-form map, a pass-through protocol) says so with an explicit
 * `additionalProperties` or `patternProperties`, and is left as it is.
 * Idempotent, so schemas shared by several routes can be closed again.
 */
function closeSchema(schema: unknown): void {
  if (typeof schema !== 'object' || schema === null) return;
  if (Array.isArray(schema)) {
    schema.forEach(closeSchema);
    return;
  }
  const node = schema as Record<string, unknown>;
  if (node.properties && typeof node.properties === 'object') {
    if (!('additionalProperties' in node) && !('patternProperties' in node)) node.additionalProperties = false;
    Object.values(node.properties as Record<string, unknown>).forEach(closeSchema);
  }
  for (const key of ['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties', 'patternProperties'] as const) {
    const child = node[key];
    if (key === 'patternProperties' && child && typeof child === 'object') Object.values(child).forEach(closeSchema);
    else closeSchema(child);
  }
  if (Array.isArray(node.allOf)) {
    // Each member of an allOf would refuse the others' fields once closed.
    throw new Error('allOf (Type.Intersect) is not supported in request schemas: declare one object');
  }
}

/**
 * One validator per request part. Path and query values arrive as strings
 * and are coerced to the declared types; JSON bodies are never coerced, so
 * `"stream": "true"` or `"limit": "5"` is a type error, as in OpenAI's API.
 */
export function registerValidation(app: FastifyInstance): void {
  // allErrors stays off: with it, a crafted body can make validation expensive (ajv's advice).
  const base: AjvOptions = { removeAdditional: false, useDefaults: true, allErrors: false, strict: false, addUsedSchema: false };
  const validators = {
    body: addFormats(new Ajv({ ...base, coerceTypes: false })),
    other: addFormats(new Ajv({ ...base, coerceTypes: 'array' })),
  };
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? validators.body : validators.other).compile(schema));

  app.addHook('onRoute', (route: RouteOptions) => {
    const schema = route.schema as Record<string, unknown> | undefined;
    if (!schema) return;
    // A route that declares no query parameters takes none: `?anything` is refused like an unknown body field.
    if (!schema.querystring && /^\/(api|v1)\//.test(route.url)) schema.querystring = { type: 'object', properties: {} };
    for (const part of HTTP_PARTS) closeSchema(schema[part]);
    // After authentication (requireCaller is added earlier): refused before validation and the handler.
    route.preValidation = [...(route.preValidation ? [route.preValidation].flat() : []), refuseNulBytes];
  });

  // JSON bodies: nesting is capped before parsing, so serialising them later
  // (payloads, idempotent replays) can never exhaust the stack.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  // No bodyLimit here: the server's (INPUT_LIMITS.bodyBytes) applies, and a route may raise its own.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    const scan = scanJson(text);
    if (scan.depth > INPUT_LIMITS.maxJsonDepth) {
      done(new AppError('validation_failed', `The JSON body is nested deeper than ${INPUT_LIMITS.maxJsonDepth} levels`, [
        { field: 'body', location: 'body', message: `is nested deeper than ${INPUT_LIMITS.maxJsonDepth} levels` },
      ]), undefined);
      return;
    }
    // Fastify's default JSON parser is its callback form and returns nothing (its type also admits
    // the promise form): the outcome arrives through the callback.
    void parseJson(request, text, (error, value) => {
      // Fastify takes a `null` body for no body and skips the schema; a client that sent one meant something else.
      if (!error && value === null) done(new AppError('validation_failed', 'The JSON body must be an object, not null', [{ field: 'body', location: 'body', message: 'must be an object' }]), undefined);
      else {
        if (!error && !scan.nul) nulFreeBodies.set(request, value);
        done(error, value);
      }
    });
  });
}

/**
 * JSON bodies whose text the scan found free of U+0000, by request:
 * `refuseNulBytes` need not walk them (it still does if a hook has put another
 * body in place since).
 */
const nulFreeBodies = new WeakMap<FastifyRequest, unknown>();

/** What one pass over a JSON text finds (`scanJson`). */
export interface JsonScan {
  /** Deepest nesting of `[`/`{` outside strings; once past `stopAt`, the first depth above it. */
  depth: number;
  /** Whether the text encodes U+0000 (a `\u0000` escape) or holds it raw; not looked for once the depth passed `stopAt`. */
  nul: boolean;
}

/** How many backslashes come right before `at`: an even count leaves the character at `at` unescaped. */
function backslashesBefore(text: string, at: number): number {
  let k = at - 1;
  while (k >= 0 && text.charCodeAt(k) === 0x5c) k--;
  return at - 1 - k;
}

const NUL_ESCAPE = '\\u0000';

/**
 * Nesting depth and U+0000 of a JSON text, linear and without recursion, so
 * it is safe on any input; it returns early once the depth passes `stopAt`.
 * Only the structure outside strings is read character by character: a
 * string is skipped with native searches to its closing quote (the first `"`
 * after an even run of backslashes), which makes the pass cheap on bodies
 * that are mostly text (chat messages).
 *
 * A `\u0000` escape is NUL when an even run of backslashes precedes it:
 * in `\\u0000` the backslash is escaped and `u0000` is text. Outside a string
 * it would be invalid JSON (as a raw NUL is anywhere), which the parser
 * refuses; counting it is harmless.
 */
export function scanJson(text: string, stopAt: number = INPUT_LIMITS.maxJsonDepth): JsonScan {
  let depth = 0;
  let max = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let end = i;
      do end = text.indexOf('"', end + 1);
      while (end !== -1 && backslashesBefore(text, end) % 2 === 1);
      if (end === -1) break; // unterminated string: the parser refuses it
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max && (max = depth) > stopAt) return { depth: max, nul: false };
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  let nul = text.includes('\u0000');
  // Each search starts past the previous match, and the runs of backslashes before two matches never overlap: linear.
  for (let at = text.indexOf(NUL_ESCAPE); at !== -1 && !nul; at = text.indexOf(NUL_ESCAPE, at + NUL_ESCAPE.length)) {
    nul = backslashesBefore(text, at) % 2 === 0;
  }
  return { depth: max, nul };
}

/** Where the first string holding U+0000 is, as a field path (`data.items.3.name`), or undefined. */
export function findNulByte(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNulByte(value[i], path ? `${path}.${i}` : String(i));
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [key, child] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return at;
    const found = findNulByte(child, at);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * U+0000 is refused in every path, query and body string: PostgreSQL cannot
 * store it in text, and no legitimate value of atrium's needs it. Both
 * engines answer the same 400. A JSON body is walked (to name the field) only
 * when the scan of its text found one.
 */
async function refuseNulBytes(request: FastifyRequest): Promise<void> {
  const parts = [['path', request.params], ['query', request.query], ['body', request.body]] as const;
  for (const [location, value] of parts) {
    if (location === 'body' && nulFreeBodies.has(request) && nulFreeBodies.get(request) === value) continue;
    const field = findNulByte(value);
    if (field === undefined) continue;
    const name = field || location;
    throw new AppError('validation_failed', `${name} must not contain NUL (U+0000) characters`, [
      { field: name, location, message: 'must not contain NUL (U+0000) characters' },
    ]);
  }
}
