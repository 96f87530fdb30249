import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import bcrypt from 'bcryptjs';
import fernet from 'fernet';
import pg from 'pg';

/**
 * The FastAPI backend's database (JonSnow1807/api-orchestrator), its tables
 * written from its SQLAlchemy models (database.py User, models/workspace.py,
 * models/ai_keys.py) as `Base.metadata.create_all` creates them on SQLite and
 * on PostgreSQL, filled with rows as that backend writes them: passlib bcrypt
 * hashes (made with bcryptjs), keys encrypted by cryptography's Fernet (made
 * with the `fernet` package), naive UTC timestamps, JSON columns.
 */

export type SourceEngine = 'sqlite' | 'postgres';
export const sourceEngines: SourceEngine[] = ['sqlite', ...(process.env.TEST_DATABASE_URL ? (['postgres'] as const) : [])];

type Dialect = { id: string; text: (n?: number) => string; time: string; bool: string; json: string; float: string; resourceType: string };
const DIALECTS: Record<SourceEngine, Dialect> = {
  sqlite: { id: 'INTEGER NOT NULL PRIMARY KEY', text: (n) => (n ? `VARCHAR(${n})` : 'TEXT'), time: 'DATETIME', bool: 'BOOLEAN', json: 'JSON', float: 'FLOAT', resourceType: 'VARCHAR(11)' },
  postgres: { id: 'SERIAL NOT NULL PRIMARY KEY', text: (n) => (n ? `VARCHAR(${n})` : 'TEXT'), time: 'TIMESTAMP WITHOUT TIME ZONE', bool: 'BOOLEAN', json: 'JSON', float: 'FLOAT', resourceType: 'resourcetype' },
};

function schema(d: Dialect): string[] {
  return [
    `CREATE TABLE users (id ${d.id}, email ${d.text(255)} NOT NULL UNIQUE, username ${d.text(100)} UNIQUE, hashed_password ${d.text(255)} NOT NULL, is_active ${d.bool}, is_superuser ${d.bool}, created_at ${d.time}, last_login ${d.time}, password_changed_at ${d.time}, subscription_tier ${d.text(50)}, api_calls_this_month INTEGER, api_calls_limit INTEGER, full_name ${d.text(255)}, company_name ${d.text(255)}, api_key ${d.text(255)} UNIQUE)`,
    `CREATE TABLE workspaces (id ${d.id}, name ${d.text(100)} NOT NULL, slug ${d.text(100)} UNIQUE, description TEXT, logo_url ${d.text(500)}, created_by INTEGER REFERENCES users(id), created_at ${d.time}, updated_at ${d.time}, settings ${d.json}, is_active ${d.bool}, subscription_tier ${d.text(50)}, max_members INTEGER, max_projects INTEGER, max_api_calls INTEGER, api_calls_this_month INTEGER, storage_used_mb INTEGER)`,
    `CREATE TABLE workspace_members (workspace_id INTEGER REFERENCES workspaces(id) ON DELETE CASCADE, user_id INTEGER REFERENCES users(id) ON DELETE CASCADE, role ${d.text(50)}, joined_at ${d.time}, invited_by INTEGER REFERENCES users(id), CONSTRAINT unique_workspace_member UNIQUE (workspace_id, user_id))`,
    `CREATE TABLE workspace_invitations (id ${d.id}, workspace_id INTEGER REFERENCES workspaces(id) ON DELETE CASCADE, email ${d.text(255)} NOT NULL, role ${d.text(50)}, token ${d.text(255)} UNIQUE, invited_by INTEGER REFERENCES users(id), created_at ${d.time}, expires_at ${d.time}, accepted_at ${d.time}, is_accepted ${d.bool}, is_expired ${d.bool})`,
    `CREATE TABLE workspace_activity (id ${d.id}, workspace_id INTEGER REFERENCES workspaces(id) ON DELETE CASCADE, user_id INTEGER REFERENCES users(id), action ${d.text(100)} NOT NULL, resource_type ${d.text(50)}, resource_id INTEGER, resource_name ${d.text(255)}, details ${d.json}, ip_address ${d.text(45)}, user_agent TEXT, created_at ${d.time})`,
    `CREATE TABLE workspace_webhooks (id ${d.id}, workspace_id INTEGER REFERENCES workspaces(id) ON DELETE CASCADE, name ${d.text(100)} NOT NULL, url ${d.text(500)} NOT NULL, events ${d.json}, headers ${d.json}, secret ${d.text(255)}, is_active ${d.bool}, last_triggered ${d.time}, failure_count INTEGER, created_by INTEGER REFERENCES users(id), created_at ${d.time}, updated_at ${d.time})`,
    `CREATE TABLE resource_permissions (id ${d.id}, workspace_id INTEGER REFERENCES workspaces(id) ON DELETE CASCADE, resource_type ${d.resourceType}, resource_id INTEGER NOT NULL, user_id INTEGER REFERENCES users(id), role ${d.text(50)}, can_read ${d.bool}, can_write ${d.bool}, can_delete ${d.bool}, can_share ${d.bool}, granted_by INTEGER REFERENCES users(id), granted_at ${d.time}, CONSTRAINT unique_resource_permission UNIQUE (workspace_id, resource_type, resource_id, user_id, role))`,
    `CREATE TABLE ai_keys (id ${d.id}, workspace_id INTEGER REFERENCES workspaces(id) ON DELETE CASCADE, provider ${d.text(50)} NOT NULL, key_name ${d.text(100)} NOT NULL, encrypted_key TEXT NOT NULL, key_hash ${d.text(64)} NOT NULL UNIQUE, endpoint_url ${d.text(500)}, deployment_name ${d.text(100)}, model_preferences ${d.json}, is_default ${d.bool}, is_active ${d.bool}, usage_limit INTEGER, cost_limit ${d.float}, created_by INTEGER REFERENCES users(id), created_at ${d.time}, updated_at ${d.time}, last_used ${d.time})`,
    `CREATE TABLE ai_key_usage (id ${d.id}, key_id INTEGER REFERENCES ai_keys(id) ON DELETE CASCADE, date ${d.time} NOT NULL, model ${d.text(100)}, requests INTEGER, tokens_input INTEGER, tokens_output INTEGER, cost ${d.float}, errors INTEGER, avg_latency_ms INTEGER)`,
  ];
}

/** Counts every table of a full import of the fixture must show. */
export const EXPECTED = {
  users: { imported: 3, skipped: 1 },
  workspaces: { imported: 2, skipped: 0 },
  workspace_members: { imported: 5, skipped: 1 },
  workspace_invitations: { imported: 2, skipped: 3 },
  workspace_webhooks: { imported: 3, skipped: 1 },
  ai_keys: { imported: 3, skipped: 2 },
  ai_key_usage: { imported: 3, skipped: 1 },
  workspace_activity: { imported: 4, skipped: 0 },
  resource_permissions: { imported: 0, skipped: 2 },
};

/** SQLAlchemy's naive UTC DateTime text (`2025-03-04 05:06:07.123456`). */
const utc = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '000');
const DAY = 86_400_000;

export interface LegacyFixtureOptions {
  /** Where the original's webhook 1 delivers (a receiver on 127.0.0.1). */
  webhookUrl: string;
  /** The fake provider the original's OpenAI key points at. */
  openaiEndpoint: string;
}

/** What the fixture stored, in clear, for the tests to check against. */
export interface LegacyData {
  encryptionKey: string;
  passwords: Record<string, string>;
  openaiKey: string;
  anthropicKey: string;
  geminiKey: string;
  pendingToken: string;
  /** A pending invitation as owner (atrium invites at most as admin). */
  ownerInviteToken: string;
  /** The tokens of the invitations that must not work: expired, accepted, revoked. */
  deadTokens: string[];
  webhookSecret: string;
  /** Everything secret the fixture holds (none may appear in output or reports). */
  secrets: string[];
}

type Insert = [table: string, row: Record<string, unknown>];

function rows(data: LegacyData, options: LegacyFixtureOptions, now: number): Insert[] {
  const key = new fernet.Secret(data.encryptionKey);
  const encrypt = (plain: string) => new fernet.Token({ secret: key, ttl: 0 }).encode(plain);
  const hash = (pw: string) => bcrypt.hashSync(pw, 4);
  const t = (offsetDays: number) => utc(now + offsetDays * DAY);
  const [t1, t2, t3] = data.deadTokens;
  return [
    ['users', { id: 1, email: 'alice@example.com', username: 'alice', hashed_password: hash(data.passwords.alice), is_active: true, full_name: 'Alice Liddell', created_at: t(-300) }],
    ['users', { id: 2, email: 'Bob@Example.com', username: 'bob', hashed_password: hash(data.passwords.bob), is_active: true, full_name: null, created_at: t(-200) }],
    ['users', { id: 3, email: 'carol@example.com', username: null, hashed_password: hash(data.passwords.carol), is_active: true, full_name: 'Carol', created_at: t(-100) }],
    ['users', { id: 4, email: 'dave@example.com', username: 'dave', hashed_password: hash('dave password'), is_active: false, created_at: t(-50) }],
    ['workspaces', { id: 1, name: 'Acme', slug: 'acme', description: 'The Acme team', created_by: 1, created_at: t(-290), updated_at: t(-10), settings: '{}', is_active: true }],
    ['workspaces', { id: 2, name: 'Beta Team', slug: 'Beta_Team!', description: null, created_by: 2, created_at: t(-190), updated_at: t(-190), settings: '{}', is_active: true }],
    ['workspace_members', { workspace_id: 1, user_id: 1, role: 'owner', joined_at: t(-290), invited_by: null }],
    ['workspace_members', { workspace_id: 1, user_id: 2, role: 'admin', joined_at: t(-200), invited_by: 1 }],
    ['workspace_members', { workspace_id: 1, user_id: 3, role: 'viewer', joined_at: t(-100), invited_by: 1 }],
    ['workspace_members', { workspace_id: 1, user_id: 4, role: 'developer', joined_at: t(-50), invited_by: 1 }],
    ['workspace_members', { workspace_id: 2, user_id: 2, role: 'admin', joined_at: t(-190), invited_by: null }],
    ['workspace_members', { workspace_id: 2, user_id: 3, role: 'editor', joined_at: t(-90), invited_by: 2 }],
    ['workspace_invitations', { id: 1, workspace_id: 1, email: 'Erin@Example.com', role: 'developer', token: data.pendingToken, invited_by: 1, created_at: t(-1), expires_at: t(6), is_accepted: false, is_expired: false }],
    ['workspace_invitations', { id: 2, workspace_id: 1, email: 'frank@example.com', role: 'viewer', token: t1, invited_by: 1, created_at: t(-10), expires_at: t(-3), is_accepted: false, is_expired: false }],
    ['workspace_invitations', { id: 3, workspace_id: 1, email: 'carol@example.com', role: 'viewer', token: t2, invited_by: 1, created_at: t(-101), expires_at: t(-94), accepted_at: t(-100), is_accepted: true, is_expired: false }],
    ['workspace_invitations', { id: 4, workspace_id: 1, email: 'gina@example.com', role: 'developer', token: t3, invited_by: 1, created_at: t(-2), expires_at: t(5), is_accepted: false, is_expired: true }],
    ['workspace_invitations', { id: 5, workspace_id: 2, email: 'hal@example.com', role: 'owner', token: data.ownerInviteToken, invited_by: 1, created_at: t(-2), expires_at: t(5), is_accepted: false, is_expired: false }],
    ['workspace_webhooks', { id: 1, workspace_id: 1, name: 'Team hook', url: options.webhookUrl, events: JSON.stringify(['workspace.member.added', 'api.discovered']), headers: JSON.stringify({ 'X-Team': 'acme', 'Content-Type': 'application/json' }), secret: data.webhookSecret, is_active: true, failure_count: 0, created_by: 1, created_at: t(-280), updated_at: t(-280) }],
    ['workspace_webhooks', { id: 2, workspace_id: 1, name: 'Nothing', url: 'https://hooks.example.com/none', events: '[]', headers: '{}', secret: null, is_active: true, failure_count: 0, created_by: 1, created_at: t(-270), updated_at: t(-270) }],
    ['workspace_webhooks', { id: 3, workspace_id: 2, name: 'Broken', url: 'not a url', events: '["*"]', headers: '{}', secret: null, is_active: true, failure_count: 3, created_by: 2, created_at: t(-180), updated_at: t(-180) }],
    ['workspace_webhooks', { id: 4, workspace_id: 2, name: 'All', url: 'https://hooks.example.com/all', events: '["*"]', headers: null, secret: null, is_active: false, failure_count: 10, created_by: 2, created_at: t(-170), updated_at: t(-20) }],
    ['resource_permissions', { id: 1, workspace_id: 1, resource_type: 'PROJECT', resource_id: 7, user_id: 3, role: null, can_read: true, can_write: true, can_delete: false, can_share: false, granted_by: 1, granted_at: t(-60) }],
    ['resource_permissions', { id: 2, workspace_id: 1, resource_type: 'COLLECTION', resource_id: 8, user_id: null, role: 'viewer', can_read: true, can_write: false, can_delete: false, can_share: false, granted_by: 1, granted_at: t(-60) }],
    ['ai_keys', { id: 1, workspace_id: 1, provider: 'openai', key_name: 'OpenAI prod', encrypted_key: encrypt(data.openaiKey), key_hash: 'h1', endpoint_url: options.openaiEndpoint, model_preferences: JSON.stringify({ chat: 'gpt-4o-mini' }), is_default: true, is_active: true, usage_limit: 5000, cost_limit: 12.5, created_by: 1, created_at: t(-250), updated_at: t(-250) }],
    ['ai_keys', { id: 2, workspace_id: 1, provider: 'anthropic', key_name: 'Claude', encrypted_key: encrypt(data.anthropicKey), key_hash: 'h2', model_preferences: null, is_default: false, is_active: true, usage_limit: null, cost_limit: null, created_by: 1, created_at: t(-240), updated_at: t(-240) }],
    ['ai_keys', { id: 3, workspace_id: 1, provider: 'huggingface', key_name: 'HF', encrypted_key: encrypt('hf_legacysecretvalue000111'), key_hash: 'h3', is_default: false, is_active: true, created_by: 1, created_at: t(-230), updated_at: t(-230) }],
    ['ai_keys', { id: 4, workspace_id: 2, provider: 'google', key_name: 'Gemini', encrypted_key: encrypt(data.geminiKey), key_hash: 'h4', is_default: true, is_active: true, cost_limit: 3, created_by: 2, created_at: t(-160), updated_at: t(-160) }],
    ['ai_keys', { id: 5, workspace_id: 2, provider: 'azure', key_name: 'Azure', encrypted_key: encrypt('azure-legacy-secret-0123456789'), key_hash: 'h5', is_default: false, is_active: true, created_by: 2, created_at: t(-150), updated_at: t(-150) }],
    ['ai_key_usage', { id: 1, key_id: 1, date: '2026-11-03 00:00:00', model: 'gpt-4o-mini', requests: 10, tokens_input: 1000, tokens_output: 200, cost: 0.25, errors: 1, avg_latency_ms: 300 }],
    ['ai_key_usage', { id: 2, key_id: 1, date: '2026-11-03 15:30:00.250000', model: 'gpt-4o-mini', requests: 5, tokens_input: 500, tokens_output: 100, cost: 0.125, errors: 0, avg_latency_ms: 200 }],
    ['ai_key_usage', { id: 3, key_id: 1, date: '2026-11-04 09:00:00', model: 'gpt-4o', requests: 2, tokens_input: 300, tokens_output: 50, cost: 0.5, errors: 0, avg_latency_ms: 900 }],
    ['ai_key_usage', { id: 4, key_id: 3, date: '2026-11-04 09:00:00', model: 'llama', requests: 1, tokens_input: 3, tokens_output: 3, cost: 0, errors: 0, avg_latency_ms: 10 }],
    ['workspace_activity', { id: 1, workspace_id: 1, user_id: 1, action: 'ai_key.created', resource_type: 'ai_key', resource_id: 1, resource_name: 'OpenAI prod', details: JSON.stringify({ provider: 'openai' }), ip_address: '203.0.113.7', user_agent: 'Mozilla/5.0', created_at: t(-250) }],
    ['workspace_activity', { id: 2, workspace_id: 1, user_id: 1, action: 'webhook.created', resource_type: 'webhook', resource_id: 1, resource_name: 'Team hook', details: JSON.stringify({ events: ['api.discovered'] }), created_at: t(-280) }],
    ['workspace_activity', { id: 4, workspace_id: 1, user_id: 1, action: 'webhook.updated', resource_type: 'webhook', resource_id: 1, resource_name: 'Team hook', details: JSON.stringify({ updates: { secret: data.webhookSecret, headers: { Authorization: `Bearer ${data.webhookSecret}` }, url: `https://hooks.example.com/t/${data.webhookSecret}` } }), created_at: t(-275) }],
    ['workspace_activity', { id: 3, workspace_id: 1, user_id: 4, action: 'project.created', resource_type: 'project', resource_id: 7, resource_name: 'Payments API', details: null, created_at: t(-55) }],
  ];
}

/** Booleans and JSON as each engine's driver takes them. */
function values(engine: SourceEngine, row: Record<string, unknown>): unknown[] {
  return Object.values(row).map((v) => (engine === 'sqlite' && typeof v === 'boolean' ? (v ? 1 : 0) : v));
}

export interface LegacySource {
  /** The original's DATABASE_URL. */
  url: string;
  data: LegacyData;
  /** Runs SQL on the original (to check it was left alone). */
  count(table: string): Promise<number>;
  drop(): Promise<void>;
}

function legacyData(): LegacyData {
  const data: LegacyData = {
    encryptionKey: randomBytes(32).toString('base64url') + '=',
    passwords: { alice: 'alice in wonderland', bob: 'builder bob 42', carol: 'carol sings' },
    openaiKey: `sk-legacy-${randomBytes(12).toString('hex')}`,
    anthropicKey: `sk-ant-legacy-${randomBytes(12).toString('hex')}`,
    geminiKey: `AIza${randomBytes(16).toString('hex')}`,
    pendingToken: randomBytes(32).toString('base64url'),
    ownerInviteToken: randomBytes(32).toString('base64url'),
    deadTokens: [1, 2, 3].map(() => randomBytes(32).toString('base64url')),
    webhookSecret: `legacy-hook-${randomBytes(8).toString('hex')}`,
    secrets: [],
  };
  data.secrets = [data.encryptionKey, ...Object.values(data.passwords), data.openaiKey, data.anthropicKey, data.geminiKey, data.pendingToken, data.ownerInviteToken, ...data.deadTokens, data.webhookSecret];
  return data;
}

export async function createLegacySource(engine: SourceEngine, options: LegacyFixtureOptions, data = legacyData()): Promise<LegacySource> {
  const now = Date.now();
  const inserts = rows(data, options, now);
  const sql = (table: string, row: Record<string, unknown>, p: (i: number) => string) =>
    `INSERT INTO ${table} (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map((_, i) => p(i)).join(', ')})`;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'legacy-'));
    const file = path.join(dir, 'api_orchestrator.db');
    const db = new SQLite(file);
    for (const statement of schema(DIALECTS.sqlite)) db.exec(statement);
    for (const [table, row] of inserts) db.prepare(sql(table, row, () => '?')).run(...values('sqlite', row));
    db.close();
    const count = (table: string) => {
      const reader = new SQLite(file, { readonly: true });
      const n = (reader.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
      reader.close();
      return Promise.resolve(n);
    };
    return { url: `sqlite:///${file}`, data, count, drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })) };
  }
  const base = process.env.TEST_DATABASE_URL!;
  const pgSchema = `legacy_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(`CREATE SCHEMA ${pgSchema}`);
  await client.query(`SET search_path TO ${pgSchema}`);
  await client.query(`CREATE TYPE resourcetype AS ENUM ('PROJECT', 'COLLECTION', 'API_SPEC', 'MOCK_SERVER')`);
  for (const statement of schema(DIALECTS.postgres)) await client.query(statement);
  for (const [table, row] of inserts) await client.query(sql(table, row, (i) => `$${i + 1}`), values('postgres', row));
  const url = new URL(base.replace(/^postgres(ql)?:/, 'postgresql+psycopg2:'));
  url.searchParams.set('options', `-c search_path=${pgSchema}`);
  return {
    url: url.toString(),
    data,
    count: async (table) => Number((await client.query<{ n: string }>(`select count(*) as n from ${pgSchema}.${table}`)).rows[0].n),
    async drop() {
      await client.query(`DROP SCHEMA ${pgSchema} CASCADE`);
      await client.end();
    },
  };
}
