import { existsSync } from 'node:fs';
import path from 'node:path';
import { config as loadDotenv } from 'dotenv';

/**
 * All runtime configuration, read once from the environment (and an optional
 * `.env`) and validated up front: a wrong value stops the process with a
 * message naming the variable instead of failing later in a request.
 */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** `sqlite:<file>` or `postgres://…` */
  databaseUrl: string;
  /** Explicit master key(s); undefined means "use the key file in dataDir". */
  masterKey: string | undefined;
  redisUrl: string | undefined;
  logLevel: string;
  /** Public base URL used in links (invitation links); defaults to http://localhost:PORT */
  publicUrl: string;
  /** "FULL" makes every commit durable against power loss, "NORMAL" only against process crashes. */
  sqliteSynchronous: 'FULL' | 'NORMAL';
  sessionTtlMs: number;
  invitationTtlMs: number;
  /** Login throttling: failures allowed per account (consecutive) and per IP within the window. */
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerIp: number;
  loginBlockSeconds: number;
  /** Secure flag on cookies; on by default when publicUrl is https. */
  cookieSecure: boolean;
  /** Run migrations on `serve` start. */
  autoMigrate: boolean;
  /** CIDRs that outbound calls (webhooks, AI endpoints) may reach even though they are private. */
  outboundAllowedCidrs: string[];
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Invalid configuration: ${variable} ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string, fallback: string): string {
  const value = env[name];
  return value === undefined || value === '' ? fallback : value;
}

function int(env: Env, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw new ConfigError(name, `must be an integer, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = str(env, name, fallback);
  const match = allowed.find((a) => a.toLowerCase() === raw.toLowerCase());
  if (!match) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  return match;
}

function list(env: Env, name: string): string[] {
  return str(env, name, '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseConfig(env: Env): Config {
  const port = int(env, 'PORT', 8000, 0, 65535);
  const dataDir = path.resolve(str(env, 'ATRIUM_DATA_DIR', './data'));
  const databaseUrl = str(env, 'ATRIUM_DATABASE_URL', `sqlite:${path.join(dataDir, 'atrium.sqlite')}`);
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(databaseUrl)) {
    throw new ConfigError('ATRIUM_DATABASE_URL', 'must start with sqlite: or postgres://');
  }
  const publicUrl = str(env, 'ATRIUM_PUBLIC_URL', `http://localhost:${port}`).replace(/\/+$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError('ATRIUM_PUBLIC_URL', `must be an absolute URL, got "${publicUrl}"`);
  }
  const redisUrl = env.REDIS_URL || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError('REDIS_URL', 'must start with redis:// or rediss://');
  const logLevel = oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info');

  return {
    port,
    host: str(env, 'HOST', '0.0.0.0'),
    dataDir,
    databaseUrl,
    masterKey: env.ATRIUM_MASTER_KEY || undefined,
    redisUrl,
    logLevel,
    publicUrl,
    sqliteSynchronous: oneOf(env, 'ATRIUM_SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'] as const, 'FULL'),
    sessionTtlMs: int(env, 'ATRIUM_SESSION_TTL_HOURS', 24 * 14, 1) * 3600_000,
    invitationTtlMs: int(env, 'ATRIUM_INVITATION_TTL_HOURS', 24 * 7, 1) * 3600_000,
    loginMaxFailuresPerAccount: int(env, 'ATRIUM_LOGIN_MAX_FAILURES_PER_ACCOUNT', 10, 1),
    loginMaxFailuresPerIp: int(env, 'ATRIUM_LOGIN_MAX_FAILURES_PER_IP', 100, 1),
    loginBlockSeconds: int(env, 'ATRIUM_LOGIN_BLOCK_SECONDS', 15 * 60, 1),
    cookieSecure: bool(env, 'ATRIUM_COOKIE_SECURE', publicUrl.startsWith('https:')),
    autoMigrate: bool(env, 'ATRIUM_AUTO_MIGRATE', true),
    outboundAllowedCidrs: list(env, 'ATRIUM_OUTBOUND_ALLOWED_CIDRS'),
  };
}

/** Reads `.env` (if present in the working directory) then the process environment. */
export function loadConfig(): Config {
  if (existsSync('.env')) loadDotenv({ path: '.env', quiet: true });
  return parseConfig(process.env);
}
