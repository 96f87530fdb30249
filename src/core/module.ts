import type { FastifyBaseLogger } from 'fastify';
import type { Executor } from './db/database.js';
import type { AppInstance } from './http/instance.js';
import type { SecretColumn } from './secrets.js';

/** Which atrium process is running the modules: `serve` (API, console, in-process work) or `worker` (webhook delivery only). */
export type ProcessRole = 'serve' | 'worker';

/** Finds a resource that takes per-member grants by id, inside one workspace; `undefined` when there is none. */
export type ResourceLookup = (db: Executor, workspaceId: string, id: string) => Promise<{ name: string } | undefined>;

/**
 * What a feature module is to the process that runs it (ADR 0006). A module
 * is built once by its `create…Module(deps)` function, which takes the
 * modules below it in the graph and core's shared parts, and returns this
 * contract plus the services it offers to the modules above it. The
 * composition root (src/app.ts) calls the phases in graph order and stops
 * in reverse; nothing else starts or stops module work.
 */
export interface AtriumModule {
  /** Stable short name (logs, errors at start-up). */
  readonly name: string;
  /** Columns holding keyring blobs; `atrium rotate-master-key` re-encrypts them. */
  readonly secrets?: readonly SecretColumn[];
  /** Resource types whose rows can carry per-member grants, with their lookup. */
  readonly resourceTypes?: Readonly<Record<string, ResourceLookup>>;
  /** Hooks on the root instance that must see every route (authentication); before any module's routes. */
  hooks?(app: AppInstance): void;
  /** Registers the module's HTTP routes. */
  routes?(app: AppInstance): void | Promise<void>;
  /** Starts background work that belongs to this process role (timers, workers); called once the server listens. */
  start?(role: ProcessRole): void;
  /** Stops background work and writes what is buffered; awaited on shutdown, in reverse graph order. */
  stop?(): Promise<void>;
}

/** The log every module writes to (pino, with atrium's redaction rules: src/core/logger.ts). */
export type ModuleLog = FastifyBaseLogger;
