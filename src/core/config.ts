import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
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
  /**
   * Whose `X-Forwarded-For` to believe (Fastify's `trustProxy`): nobody
   * (false, the default: the client is the socket's peer), the last N hops,
   * or the proxies at these addresses/CIDRs.
   */
  trustProxy: false | number | string[];
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
  /** `atrium worker` serves /metrics and /health on this port when set (it has no API). */
  workerMetricsPort: number | undefined;
  webhooks: WebhookConfig;
  /** AI gateway: longest wait for a provider's response headers, and between two chunks of its body. */
  aiUpstreamTimeoutMs: number;
  aiUpstreamIdleTimeoutMs: number;
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

/** proxy-addr's names for address ranges, accepted beside IPs and CIDRs. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * `ATRIUM_TRUST_PROXY`: unset/false trusts nobody; a hop count (`1` behind one
 * load balancer); or a comma-separated list of proxy IPs/CIDRs. `true` is
 * refused: it would take any client's `X-Forwarded-For` at its word, so a
 * client could pick a new address per request and escape per-IP limits.
 */
function trustProxy(env: Env): false | number | string[] {
  const name = 'ATRIUM_TRUST_PROXY';
  const raw = str(env, name, 'false').trim();
  const help = 'must be false, a hop count like 1, or a comma-separated list of proxy IPs/CIDRs like 127.0.0.1,10.0.0.0/8';
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 100) throw new ConfigError(name, `${help}; got ${hops} hops`);
    return hops;
  }
  const entries = list(env, name);
  if (entries.length === 0) return false;
  for (const entry of entries) {
    if (PROXY_RANGE_NAMES.includes(entry)) continue;
    const [address, bits, ...rest] = entry.split('/');
    const family = isIP(address);
    const valid = family !== 0 && rest.length === 0 && (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)));
    if (!valid) throw new ConfigError(name, `${help}; "${entry}" is not an IP address or CIDR`);
  }
  return entries;
}

/**
 * Fastify's `trustProxy` for the setting. A hop count becomes a function:
 * Fastify refuses a bare number (it cannot tell the proxy from a direct
 * client), while `1` here means "the peer is our load balancer, believe the
 * address it appends" — right only where clients cannot reach atrium directly.
 */
export function trustProxyOption(setting: Config['trustProxy']): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting !== 'number') return setting;
  if (setting === 0) return false;
  return (_address, hop) => hop < setting;
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
    trustProxy: trustProxy(env),
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
    workerMetricsPort: env.ATRIUM_WORKER_METRICS_PORT ? int(env, 'ATRIUM_WORKER_METRICS_PORT', 0, 1, 65535) : undefined,
    webhooks: parseWebhookConfig(env),
    // Long defaults, like the providers' own SDKs: a long completion can take minutes before its first byte.
    aiUpstreamTimeoutMs: timeout(env, 'ATRIUM_AI_UPSTREAM_TIMEOUT', '10m'),
    aiUpstreamIdleTimeoutMs: timeout(env, 'ATRIUM_AI_UPSTREAM_IDLE_TIMEOUT', '5m'),
  };
}

/** Webhook delivery tuning; tests compress the schedule and the timeouts through it. */
export interface WebhookConfig {
  /** Delay before each attempt (the first is usually 0); a delivery fails after the last. */
  retryScheduleMs: number[];
  /** ± fraction applied to each retry delay (0.2 = ±20 %) so retries of one outage spread out. */
  retryJitter: number;
  /** Upper bound for a receiver's Retry-After. */
  retryAfterMaxMs: number;
  /** Whole-attempt timeout (connect + response headers + the part of the body we read). */
  timeoutMs: number;
  /** Largest event payload accepted for delivery. */
  maxPayloadBytes: number;
  /** An endpoint whose deliveries have all failed for this long is disabled. */
  disableAfterMs: number;
  /** Attempts in flight per worker process, and per endpoint within it. */
  concurrency: number;
  endpointConcurrency: number;
  /** How long a claimed delivery stays leased to a worker; must exceed timeoutMs. */
  leaseMs: number;
  /** How often an idle worker looks for due deliveries. */
  pollMs: number;
  /** A worker whose claim loop has not completed a cycle for this long (plus the poll interval) reports itself unhealthy. */
  stallMs: number;
  /** Default grace period of the previous secret after a rotation. */
  secretGraceMs: number;
  /** Whether `serve` runs the delivery worker in-process (off when dedicated `atrium worker` processes do it). */
  workerInServe: boolean;
  /** Threads that sign and send attempts beside the delivery worker's main thread; 0 sends on the main thread. */
  senderThreads: number;
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `250ms`, `5s`, `5m`, `2h`, `5d`; a bare number is milliseconds. */
function parseDuration(name: string, raw: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(raw.trim());
  if (!match) throw new ConfigError(name, `must be a duration like 500ms, 5s, 5m, 2h or 5d, got "${raw}"`);
  return Math.round(Number(match[1]) * DURATION_UNITS[match[2] ?? 'ms']);
}

function duration(env: Env, name: string, fallback: string): number {
  return parseDuration(name, str(env, name, fallback));
}

/** A duration that bounds a wait: 0 would mean "no limit" to the HTTP client, so it is refused. */
function timeout(env: Env, name: string, fallback: string): number {
  const ms = duration(env, name, fallback);
  if (ms < 100) throw new ConfigError(name, `must be at least 100ms, got "${env[name]}"`);
  return ms;
}

export function parseWebhookConfig(env: Env): WebhookConfig {
  const name = 'ATRIUM_WEBHOOK_RETRY_SCHEDULE';
  const retryScheduleMs = str(env, name, '0,5s,5m,30m,2h,5h,10h,10h')
    .split(',')
    .map((part) => parseDuration(name, part));
  if (retryScheduleMs.length === 0 || retryScheduleMs.length > 50) throw new ConfigError(name, 'must list between 1 and 50 delays');
  const timeoutMs = int(env, 'ATRIUM_WEBHOOK_TIMEOUT_MS', 15_000, 100, 300_000);
  const leaseMs = duration(env, 'ATRIUM_WEBHOOK_LEASE', `${timeoutMs * 2 + 5_000}ms`);
  if (leaseMs <= timeoutMs) throw new ConfigError('ATRIUM_WEBHOOK_LEASE', `must be longer than ATRIUM_WEBHOOK_TIMEOUT_MS (${timeoutMs} ms)`);
  return {
    retryScheduleMs,
    retryJitter: int(env, 'ATRIUM_WEBHOOK_RETRY_JITTER_PERCENT', 20, 0, 100) / 100,
    retryAfterMaxMs: duration(env, 'ATRIUM_WEBHOOK_RETRY_AFTER_MAX', '1h'),
    timeoutMs,
    maxPayloadBytes: int(env, 'ATRIUM_WEBHOOK_MAX_PAYLOAD_BYTES', 256 * 1024, 1024, 16 * 1024 * 1024),
    disableAfterMs: duration(env, 'ATRIUM_WEBHOOK_DISABLE_AFTER', '5d'),
    concurrency: int(env, 'ATRIUM_WEBHOOK_CONCURRENCY', 64, 1, 10_000),
    endpointConcurrency: int(env, 'ATRIUM_WEBHOOK_ENDPOINT_CONCURRENCY', 8, 1, 10_000),
    leaseMs,
    pollMs: duration(env, 'ATRIUM_WEBHOOK_POLL_INTERVAL', '500ms'),
    stallMs: duration(env, 'ATRIUM_WEBHOOK_STALL_AFTER', '30s'),
    secretGraceMs: int(env, 'ATRIUM_WEBHOOK_SECRET_GRACE_SECONDS', 86_400, 0, 30 * 86_400) * 1000,
    workerInServe: bool(env, 'ATRIUM_WEBHOOK_WORKER', true),
    // One core stays with the main thread (the queue's database work, and the API in `serve`).
    senderThreads: int(env, 'ATRIUM_WEBHOOK_SENDER_THREADS', Math.min(4, availableParallelism() - 1), 0, 64),
  };
}

/** Reads `.env` (if present in the working directory) then the process environment. */
export function loadConfig(): Config {
  if (existsSync('.env')) loadDotenv({ path: '.env', quiet: true });
  return parseConfig(process.env);
}
