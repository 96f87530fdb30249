import { createDecipheriv, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Fernet decryption (https://github.com/fernet/spec), as the FastAPI backend's
 * `cryptography.fernet.Fernet` encrypted AI keys under `AI_KEY_ENCRYPTION_KEY`:
 * the key is 32 url-safe base64 bytes (16 for HMAC-SHA256 signing, 16 for
 * AES-128-CBC); a token is `0x80 ‖ timestamp(8) ‖ IV(16) ‖ ciphertext ‖ HMAC(32)`,
 * url-safe base64. No TTL: the original never set one.
 */

export class FernetError extends Error {}

const VERSION = 0x80;
const HEADER = 1 + 8 + 16;
const MAC = 32;

/** Standard or url-safe base64, padded or not. */
const decodeBase64 = (text: string): Buffer => Buffer.from(text.trim().replace(/\+/g, '-').replace(/\//g, '_'), 'base64url');

export class FernetKey {
  private readonly signing: Buffer;
  private readonly encryption: Buffer;

  constructor(key: string) {
    const raw = decodeBase64(key);
    if (raw.length !== 32) throw new FernetError('a Fernet key is 32 bytes of url-safe base64 (44 characters)');
    this.signing = raw.subarray(0, 16);
    this.encryption = raw.subarray(16);
  }

  /** The plaintext of `token`; a FernetError when it was not made with this key or was altered. */
  decrypt(token: string): string {
    const data = decodeBase64(token);
    if (data.length < HEADER + 16 + MAC || data[0] !== VERSION || (data.length - HEADER - MAC) % 16 !== 0) {
      throw new FernetError('not a Fernet token');
    }
    const signed = data.subarray(0, data.length - MAC);
    const expected = createHmac('sha256', this.signing).update(signed).digest();
    if (!timingSafeEqual(expected, data.subarray(data.length - MAC))) throw new FernetError('the token was not made with this key');
    try {
      const decipher = createDecipheriv('aes-128-cbc', this.encryption, data.subarray(9, HEADER));
      return Buffer.concat([decipher.update(data.subarray(HEADER, data.length - MAC)), decipher.final()]).toString('utf8');
    } catch {
      throw new FernetError('the token does not decrypt');
    }
  }
}
