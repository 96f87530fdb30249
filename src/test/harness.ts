import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp, startModules, type AppInstance, type AppServices, type RouteSummary } from '../app.js';
import { parseConfig, type Config } from '../core/config.js';
import { createDatabase, type Database } from '../core/db/database.js';
import { migrateToLatest } from '../core/db/migrator.js';
import { generateMasterKey, Keyring } from '../core/keyring.js';
import type { Role } from '../modules/policy/policy.js';

export type Engine = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export const engines: Engine[] = ['sqlite', ...(process.env.TEST_DATABASE_URL ? (['postgres'] as const) : [])];

export interface TestDatabase {
  database: Database;
  url: string;
  pgSchema?: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database: in-memory SQLite, or a new schema in the test PostgreSQL. */
export async function createTestDatabase(engine: Engine, options: { sqliteFile?: string } = {}): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const url = `sqlite:${options.sqliteFile ?? ':memory:'}`;
    const database = createDatabase(url, { sqliteSynchronous: 'NORMAL' });
    await migrateToLatest(database.db);
    return { database, url, drop: () => database.close() };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const pgSchema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${pgSchema}`);
  await admin.end();
  const database = createDatabase(url, { pgSchema, poolSize: 5 });
  await migrateToLatest(database.db);
  return {
    database,
    url,
    pgSchema,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${pgSchema} CASCADE`);
      await c.end();
    },
  };
}

export function testConfig(env: Record<string, string> = {}): Config {
  return parseConfig({
    ATRIUM_DATA_DIR: '/tmp/atrium-test-unused',
    ATRIUM_DATABASE_URL: 'sqlite::memory:',
    LOG_LEVEL: 'silent',
    ATRIUM_PUBLIC_URL: 'http://atrium.test',
    ...env,
  });
}

export interface Response<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
}

export interface Member {
  user: { id: string; email: string; name: string };
  token: string;
}

export class TestApp {
  constructor(
    readonly app: AppInstance,
    readonly services: AppServices,
    readonly config: Config,
    readonly testDb: TestDatabase,
    readonly engine: Engine,
    /** Every route the app registered. */
    readonly routes: RouteSummary[] = [],
  ) {}

  /**
   * Starts the modules' background work as `atrium serve` does once it
   * listens (the in-process webhook worker, rotation reminders). Tests that
   * do not call it drive that work by hand; `close()` stops it either way.
   */
  start(): void {
    startModules(this.services, 'serve');
  }

  get db() {
    return this.testDb.database.db;
  }

  async request<T = any>(method: string, url: string, opts: RequestOptions = {}): Promise<Response<T>> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    const query = opts.query
      ? Object.fromEntries(Object.entries(opts.query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]))
      : undefined;
    const res = await this.app.inject({
      method,
      url,
      headers,
      query,
      ...(opts.body !== undefined ? { payload: opts.body as any } : {}),
    });
    let body: any = res.body;
    if (res.headers['content-type']?.toString().includes('application/json') && res.body) body = res.json();
    return { status: res.statusCode, body, headers: res.headers };
  }

  get = <T = any>(url: string, opts?: RequestOptions) => this.request<T>('GET', url, opts);
  post = <T = any>(url: string, opts?: RequestOptions) => this.request<T>('POST', url, opts);
  patch = <T = any>(url: string, opts?: RequestOptions) => this.request<T>('PATCH', url, opts);
  delete = <T = any>(url: string, opts?: RequestOptions) => this.request<T>('DELETE', url, opts);

  private userCount = 0;

  /** Registers a fresh user and returns their session token. */
  async signup(name?: string): Promise<Member> {
    this.userCount += 1;
    const label = name ?? `user${this.userCount}`;
    const res = await this.post('/api/auth/register', {
      body: { email: `${label}-${randomBytes(3).toString('hex')}@example.com`, password: 'correct horse battery', name: label },
    });
    if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async createWorkspace(token: string, name = 'Acme'): Promise<{ id: string; slug: string; name: string }> {
    const res = await this.post('/api/workspaces', { token, body: { name } });
    if (res.status !== 201) throw new Error(`create workspace failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A new user who joined `workspaceId` with `role` through the real invitation flow. */
  async addMember(ownerToken: string, workspaceId: string, role: Role, name?: string): Promise<Member> {
    const member = await this.signup(name ?? role);
    const inv = await this.post(`/api/workspaces/${workspaceId}/invitations`, { token: ownerToken, body: { email: member.user.email, role } });
    if (inv.status !== 201) throw new Error(`invite failed: ${inv.status} ${JSON.stringify(inv.body)}`);
    const accepted = await this.post(`/api/invitations/${inv.body.token}/accept`, { token: member.token });
    if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
    return member;
  }

  /** An owner with a workspace and one member of every other role. */
  async workspaceWithRoles(): Promise<{ workspaceId: string } & Record<Role, Member>> {
    const owner = await this.signup('owner');
    const ws = await this.createWorkspace(owner.token);
    const admin = await this.addMember(owner.token, ws.id, 'admin');
    const developer = await this.addMember(owner.token, ws.id, 'developer');
    const viewer = await this.addMember(owner.token, ws.id, 'viewer');
    return { workspaceId: ws.id, owner, admin, developer, viewer };
  }

  async apiToken(sessionToken: string, workspaceId: string, scopes: string[]): Promise<string> {
    const res = await this.post('/api/tokens', { token: sessionToken, body: { name: 'test', workspace_id: workspaceId, scopes } });
    if (res.status !== 201) throw new Error(`token failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token;
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.testDb.drop();
  }
}

export interface TestAppOptions {
  env?: Record<string, string>;
  keyring?: Keyring;
  logStream?: NodeJS.WritableStream;
  sqliteFile?: string;
}

export async function createTestApp(engine: Engine, options: TestAppOptions = {}): Promise<TestApp> {
  const testDb = await createTestDatabase(engine, { sqliteFile: options.sqliteFile });
  const config = testConfig(options.env);
  const keyring = options.keyring ?? new Keyring([generateMasterKey(1)]);
  const { app, services, routes } = await buildApp({ config, database: testDb.database, keyring, logStream: options.logStream });
  await app.ready();
  return new TestApp(app, services, config, testDb, engine, routes);
}
