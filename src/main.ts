#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { buildApp, createServices, startModules, stopServices } from './app.js';
import { ConfigError, loadConfig, type Config } from './core/config.js';
import { createDatabase, type Database } from './core/db/database.js';
import { migrateToLatest } from './core/db/migrator.js';
import { serveWorkerProbe } from './core/http/system-routes.js';
import { loadKeyring } from './core/keyring.js';
import { rotateMasterKey, type RotationMode } from './core/master-key-rotation.js';
import { createLegacyImportModule, formatReport, LegacyImportInputError, type LegacyImportOptions } from './modules/legacy-import/legacy-import.module.js';

const USAGE = `Usage: atrium <command>

Commands:
  serve     start the API and web UI (default), with an in-process webhook worker
  worker    run webhook delivery workers only (no HTTP); scale out with several on PostgreSQL
  migrate   apply pending database migrations and exit
  rotate-master-key [--reencrypt | --retire-old] [--batch-size=N]
            re-encrypt every stored secret under a new master key while servers keep serving
  import-legacy --from <url> [--encryption-key <key>] [--dry-run] [--report <file>] [--batch-size=N]
            import users, workspaces, members, invitations, activity, webhooks, AI keys and usage
            from the FastAPI backend: --from takes its DATABASE_URL (sqlite:///…, postgresql://…)
            or a SQLite file; --encryption-key its AI_KEY_ENCRYPTION_KEY (or set that variable);
            safe to run again (nothing is imported twice; a stopped run resumes)
  help      show this text

Configuration is read from the environment and an optional .env file; see README.md.`;

function openDatabase(config: Config): Database {
  return createDatabase(config.databaseUrl, { sqliteSynchronous: config.sqliteSynchronous });
}

async function migrate(config: Config): Promise<void> {
  const database = openDatabase(config);
  try {
    const { results } = await migrateToLatest(database.db);
    const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.');
  } finally {
    await database.close();
  }
}

async function rotateMasterKeyCommand(config: Config, args: string[]): Promise<void> {
  const modes: Record<string, RotationMode> = { '--reencrypt': 'reencrypt', '--retire-old': 'retire-old' };
  let mode: RotationMode = 'rotate';
  let batchSize: number | undefined;
  for (const arg of args) {
    const size = /^--batch-size=(\d+)$/.exec(arg);
    if (size && Number(size[1]) > 0) batchSize = Number(size[1]);
    else if (modes[arg] && mode === 'rotate') mode = modes[arg];
    else {
      console.error(`rotate-master-key: unexpected argument "${arg}".\n\n${USAGE}`);
      process.exit(2);
    }
  }
  const database = openDatabase(config);
  try {
    if (config.autoMigrate) await migrateToLatest(database.db);
    // Built only to learn every module's secret columns; the rotation makes its own keyring.
    const services = createServices({ config, database, keyring: loadKeyring(config) });
    try {
      process.exitCode = await rotateMasterKey({ config, db: database.db, columns: services.secrets, mode, batchSize, log: (line) => console.log(line) });
    } finally {
      await stopServices(services);
    }
  } finally {
    await database.close();
  }
}

function importLegacyArgs(args: string[]): (LegacyImportOptions & { report?: string }) | string {
  const options: LegacyImportOptions & { report?: string } = { from: '', encryptionKey: process.env.AI_KEY_ENCRYPTION_KEY || undefined };
  const valued: Record<string, (value: string) => void> = {
    '--from': (v) => (options.from = v),
    '--encryption-key': (v) => (options.encryptionKey = v),
    '--report': (v) => (options.report = v),
    '--batch-size': (v) => (options.batchSize = Number(v)),
  };
  for (let i = 0; i < args.length; i += 1) {
    const [name, inline] = args[i].includes('=') ? [args[i].slice(0, args[i].indexOf('=')), args[i].slice(args[i].indexOf('=') + 1)] : [args[i], undefined];
    if (name === '--dry-run' && inline === undefined) options.dryRun = true;
    else if (Object.hasOwn(valued, name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') return `${name} needs a value`;
      valued[name](value);
    } else return `unexpected argument "${name}"`;
  }
  if (!options.from) return '--from is required';
  if (options.batchSize !== undefined && !(Number.isInteger(options.batchSize) && options.batchSize > 0)) return '--batch-size must be a positive integer';
  return options;
}

/** Moves a FastAPI backend's data into this atrium; prints (and with --report writes) what it did, never a secret. */
async function importLegacyCommand(config: Config, args: string[]): Promise<void> {
  const options = importLegacyArgs(args);
  if (typeof options === 'string') {
    console.error(`import-legacy: ${options}.\n\n${USAGE}`);
    process.exit(2);
  }
  const database = openDatabase(config);
  try {
    await migrateToLatest(database.db);
    const importer = createLegacyImportModule({ db: database.db, keyring: loadKeyring(config) });
    const report = await importer.run({
      ...options,
      onBatch: ({ table, batch, rows }) => console.log(`${table}: batch ${batch} ${options.dryRun ? 'checked' : 'committed'} (${rows} rows)`),
    });
    console.log(formatReport(report));
    if (options.report) writeFileSync(options.report, `${JSON.stringify(report, null, 2)}\n`, { mode: 0o600 });
  } catch (error) {
    if (!(error instanceof LegacyImportInputError)) throw error;
    console.error(`import-legacy: ${error.message}`);
    process.exitCode = 2;
  } finally {
    await database.close();
  }
}

/**
 * Webhook delivery workers without the HTTP API: the scale-out shape, several
 * of them (on several machines) sharing one PostgreSQL queue. SIGTERM lets
 * attempts in flight finish (bounded) before exiting.
 */
async function worker(config: Config): Promise<void> {
  const keyring = loadKeyring(config);
  const database = openDatabase(config);
  if (config.autoMigrate) await migrateToLatest(database.db);
  // Every module is built (the outbox fan-out and health need them), but only the worker role's work starts.
  const services = createServices({ config, database, keyring });
  const { log } = services;
  const deliveries = services.webhooks.worker;
  startModules(services, 'worker');
  log.info({ worker_id: deliveries.id }, 'webhook worker started');
  const probe = config.workerMetricsPort
    ? await serveWorkerProbe({ port: config.workerMetricsPort, host: config.host }, { metrics: services.metrics.registry, background: () => deliveries.health() })
    : undefined;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'stopping: finishing attempts in flight');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    try {
      probe?.close();
      await stopServices(services);
      await database.close();
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

async function serve(config: Config): Promise<void> {
  const keyring = loadKeyring(config);
  const database = openDatabase(config);
  if (config.autoMigrate) await migrateToLatest(database.db);
  const { app, services } = await buildApp({ config, database, keyring });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: draining in-flight requests');
    // A second signal or a stuck drain must not keep the process alive forever.
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    try {
      await app.close();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  // Background work (the in-process webhook worker, rotation reminders) once the server listens; app.close() stops it.
  startModules(services, 'serve');
}

async function main(argv: string[]): Promise<void> {
  const command = argv[0] ?? 'serve';
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  switch (command) {
    case 'serve':
      return serve(config);
    case 'migrate':
      return migrate(config);
    case 'worker':
      return worker(config);
    case 'rotate-master-key':
      return rotateMasterKeyCommand(config, argv.slice(1));
    case 'import-legacy':
      return importLegacyCommand(config, argv.slice(1));
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return;
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      process.exit(2);
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
