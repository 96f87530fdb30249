/**
 * The server as `serve` runs it (API + in-process delivery worker) on the
 * database named by ATRIUM_DATABASE_URL; prints `READY <url>` once listening.
 * crash.test.ts kills it with SIGKILL mid-delivery and starts it again.
 */
import { buildApp } from '../../../app.js';
import { parseConfig } from '../../../core/config.js';
import { createDatabase } from '../../../core/db/database.js';
import { migrateToLatest } from '../../../core/db/migrator.js';
import { loadKeyring } from '../../../core/keyring.js';

const config = parseConfig(process.env);
const database = createDatabase(config.databaseUrl, { sqliteSynchronous: config.sqliteSynchronous });
await migrateToLatest(database.db);
const { app, services } = await buildApp({ config, database, keyring: loadKeyring(config) });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
services.webhooks.worker.start();
process.once('SIGTERM', () => {
  void app.close().then(() => database.close()).then(() => process.exit(0));
});
process.stdout.write(`READY ${address}\n`);
