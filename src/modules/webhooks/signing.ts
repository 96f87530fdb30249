import { createHmac, randomBytes } from 'node:crypto';

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com/):
 * `webhook-signature: v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>`,
 * one signature per valid secret, space-separated, so receivers can verify
 * with either secret during a rotation.
 */

const SECRET_PREFIX = 'whsec_';

/** 24 random bytes, like Svix: `whsec_` + base64. */
export function generateSecret(): string {
  return SECRET_PREFIX + randomBytes(24).toString('base64');
}

/** The HMAC key a `whsec_…` secret stands for. */
export function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
}

export function signatureHeader(keys: readonly Buffer[], msgId: string, timestampSeconds: number, body: string): string {
  const signed = `${msgId}.${timestampSeconds}.`;
  return keys.map((key) => `v1,${createHmac('sha256', key).update(signed).update(body).digest('base64')}`).join(' ');
}
