import { AppError, Errors } from '../../core/errors.js';
import { invalidSubscription } from './event-types.js';
import { isReservedHeader } from './sender.js';

export const fieldError = (field: string, message: string) =>
  Errors.validation(`${field} ${message}`, [{ field, location: 'body', message }]);

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$/;
// eslint-disable-next-line no-control-regex
const HEADER_VALUE = /^[^\u0000-\u0008\u000a-\u001f\u007f]{0,2048}$/;

/** Subscriptions, deduplicated; an unknown type or a malformed pattern is a 400. */
export function validateEventTypes(types: string[] | undefined): string[] {
  const list = [...new Set(types ?? [])];
  for (const type of list) {
    const problem = invalidSubscription(type);
    if (problem) throw fieldError('event_types', problem);
  }
  return list;
}

/** Custom headers, names lower-cased; headers atrium sets itself cannot be overridden. */
export function validateHeaders(headers: Record<string, string> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!HEADER_NAME.test(name)) throw fieldError(`headers.${name}`, 'is not a valid header name');
    if (isReservedHeader(name)) throw fieldError(`headers.${name}`, 'is set by atrium and cannot be overridden');
    if (typeof value !== 'string' || !HEADER_VALUE.test(value)) throw fieldError(`headers.${name}`, 'must be a single-line string of at most 2048 characters');
    out[name.toLowerCase()] = value;
  }
  return out;
}

/** Event payloads, published or sent as a test, are bounded alike. */
export function checkPayloadSize(json: string, field: string, maxBytes: number): void {
  if (Buffer.byteLength(json) <= maxBytes) return;
  throw new AppError('payload_too_large', `${field} must be at most ${maxBytes} bytes of JSON`, [
    { field, location: 'body', message: 'is too large' },
  ]);
}
