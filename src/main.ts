#!/usr/bin/env node
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './core/config.js';
import { createDatabase, type Database } from './core/db/database.js';
import { migrateToLatest } from './core/db/migrator.js';
import { loadKeyring } from './core/keyring.js';

const USAGE = `Usage: atrium <command>

Commands:
  serve     start the API and web UI (default)
  migrate   apply pending database migrations and exit
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

async function serve(config: Config): Promise<void> {
  const keyring = loadKeyring(config);
  const database = openDatabase(config);
  if (config.autoMigrate) await migrateToLatest(database.db);
  const { app } = await buildApp({ config, database, keyring });

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
