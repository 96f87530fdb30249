import { randomBytes } from 'node:crypto';
import fernet from 'fernet';
import { describe, expect, it } from 'vitest';
import { FernetError, FernetKey } from '../fernet.js';
import { mapEvents, mapProvider, mapRole } from '../mapping.js';
import { parseSource, toTime } from '../source.js';

describe('Fernet decryption', () => {
  // The specification's own vector (github.com/fernet/spec, generate.json).
  const specKey = 'cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=';
  const specToken = 'gAAAAAAdwJ6wAAECAwQFBgcICQoLDA0ODy021cpGVWKZ_eEwCGM4BLLF_5CV9dOPmrhuVUPgJobwOz7JcbmrR64jVmpU4IwqDA==';

  it('decrypts the specification vector and tokens of another implementation', () => {
    expect(new FernetKey(specKey).decrypt(specToken)).toBe('hello');
    const key = randomBytes(32).toString('base64url');
    const token = new fernet.Token({ secret: new fernet.Secret(key), ttl: 0 }).encode('sk-ünïcode-key');
    expect(new FernetKey(key).decrypt(token)).toBe('sk-ünïcode-key');
  });

  it('refuses a wrong key, an altered token and malformed input, saying nothing of the plaintext', () => {
    const wrong = new FernetKey(randomBytes(32).toString('base64'));
    expect(() => wrong.decrypt(specToken)).toThrow(FernetError);
    const altered = Buffer.from(specToken, 'base64url');
    altered[30] ^= 1;
    expect(() => new FernetKey(specKey).decrypt(altered.toString('base64url'))).toThrow('not made with this key');
    expect(() => new FernetKey(specKey).decrypt('not a token')).toThrow('not a Fernet token');
    expect(() => new FernetKey('short')).toThrow('32 bytes');
  });
});

describe('the original DATABASE_URL', () => {
  it('reads SQLAlchemy URLs and plain paths', () => {
    expect(parseSource('sqlite:////var/lib/app/api.db')).toEqual({ kind: 'sqlite', file: '/var/lib/app/api.db' });
    expect(parseSource('sqlite:///./api_orchestrator.db')).toEqual({ kind: 'sqlite', file: `${process.cwd()}/api_orchestrator.db` });
    expect(parseSource('/data/api.db')).toEqual({ kind: 'sqlite', file: '/data/api.db' });
    expect(parseSource('postgresql+psycopg2://u:p@db:5432/app')).toEqual({ kind: 'postgres', url: 'postgresql://u:p@db:5432/app' });
    expect(parseSource('postgres://u@db/app')).toEqual({ kind: 'postgres', url: 'postgresql://u@db/app' });
    expect(() => parseSource('mysql://u@db/app')).toThrow('only SQLite and PostgreSQL');
    expect(() => parseSource('sqlite:///:memory:')).toThrow('in-memory');
  });

  it('reads naive UTC timestamps of both engines', () => {
    expect(toTime('2026-11-03 15:30:00.250000')).toBe(Date.UTC(2026, 10, 3, 15, 30, 0, 250));
    expect(toTime('2026-11-03 15:30:00')).toBe(Date.UTC(2026, 10, 3, 15, 30));
    expect(toTime('2026-11-03 15:30:00+02')).toBe(Date.UTC(2026, 10, 3, 13, 30));
    expect(toTime(null)).toBeNull();
    expect(toTime('garbage')).toBeNull();
  });
});

describe('names of the original', () => {
  it('maps roles, providers and events', () => {
    expect(mapRole('admin')).toEqual({ role: 'admin' });
    expect(mapRole('editor')).toEqual({ role: 'developer', note: 'role "editor" became developer' });
    expect(mapRole('superuser').role).toBe('viewer');
    expect([mapProvider('google'), mapProvider('azure'), mapProvider('openai'), mapProvider('replicate')]).toEqual(['gemini', 'azure_openai', 'openai', undefined]);
    expect(mapEvents(['*'])).toEqual({ types: [], everything: true, notes: [] });
    expect(mapEvents(['workspace.member.removed', 'security.vulnerability.found']).types).toEqual(['member.removed', 'custom.security.vulnerability.found']);
    expect(mapEvents(['Weird Event!']).types).toEqual([]);
  });
});
