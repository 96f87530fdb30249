import { describe, expect, it } from 'vitest';
import { createServices, startModules, stopServices } from '../src/app.js';
import { generateMasterKey, Keyring } from '../src/core/keyring.js';
import { createTestApp, createTestDatabase, testConfig } from '../src/test/harness.js';

/** The module contract as the composition root uses it (ADR 0006): declarations collected, start by role, stop in reverse. */
describe('module composition', () => {
  it('collects what modules declare: sealed columns and resource types that take grants', async () => {
    const t = await createTestApp('sqlite');
    try {
      const names = t.services.modules.map((m) => m.name);
      expect(names).toEqual(['events', 'activity', 'workspaces', 'auth', 'webhooks', 'ai-keys', 'ai-gateway']);
      expect(t.services.secrets.list().map((c) => `${c.table}.${c.column}`).sort()).toEqual([
        'ai_keys.encrypted_key',
        'ai_keys.previous_encrypted_key',
        'webhook_endpoints.headers_enc',
        'webhook_secrets.secret_enc',
      ]);
      expect(t.services.workspaces.resourceRegistry.types()).toEqual(['ai_key', 'webhook']);
    } finally {
      await t.close();
    }
  });

  it('serve starts the in-process delivery worker and rotation reminders; closing stops both', async () => {
    const t = await createTestApp('sqlite');
    const worker = t.services.webhooks.worker;
    const keys = t.services.aiKeys.service;
    expect([worker.active, keys.rotationChecksActive]).toEqual([false, false]);
    t.start();
    expect([worker.active, keys.rotationChecksActive]).toEqual([true, true]);
    await t.close();
    expect([worker.active, keys.rotationChecksActive]).toEqual([false, false]);
  });

  it('serve leaves delivery to dedicated workers when ATRIUM_WEBHOOK_WORKER=false', async () => {
    const t = await createTestApp('sqlite', { env: { ATRIUM_WEBHOOK_WORKER: 'false' } });
    try {
      t.start();
      expect(t.services.webhooks.worker.active).toBe(false);
      expect(t.services.aiKeys.service.rotationChecksActive).toBe(true);
    } finally {
      await t.close();
    }
  });

  it('the worker role delivers and runs no API-side reminders', async () => {
    const testDb = await createTestDatabase('sqlite');
    const services = createServices({ config: testConfig(), database: testDb.database, keyring: new Keyring([generateMasterKey(1)]) });
    try {
      startModules(services, 'worker');
      expect(services.webhooks.worker.active).toBe(true);
      expect(services.aiKeys.service.rotationChecksActive).toBe(false);
    } finally {
      await stopServices(services);
      await testDb.drop();
    }
    expect(services.webhooks.worker.active).toBe(false);
  });
});
