/**
 * The AI console pages end to end (issue #12): limits dialogs on tokens,
 * members and the workspace; AI routes; AI spend with its CSV export. A real
 * atrium server (its own process, fresh SQLite), the production UI build and
 * Debian's Chromium, one browser for the file. People, keys and the gateway
 * call are set up through the API; what is under test goes through the UI.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { startFakeProvider, type FakeProvider } from '../../src/test/fake-providers.js';
import { ConsoleWatch, DESKTOP, hasChromium, launch } from './support/browser.js';
import { ensureWebBuild } from './support/build.js';
import { startAtrium, type AtriumServer } from './support/server.js';

if (!hasChromium) {
  console.warn('[e2e] /usr/bin/chromium is missing: skipping the browser tests (CI installs it with `apt-get install chromium`).');
}

const PASSWORD = 'correct horse battery staple';
const PROVIDER_KEYS = { Primary: 'sk-e2e-ai-console-primary-0123456789', Backup: 'sk-e2e-ai-console-backup-9876543210' };

interface Limits {
  rate_limit_rpm: number | null;
  rate_limit_tpm: number | null;
  usage_limit: number | null;
  cost_limit: number | null;
  allowed_models: string[] | null;
  allowed_providers: string[] | null;
  updated_at: string | null;
}

interface Route {
  id: string;
  name: string;
  strategy: string;
  targets: { key_id: string; model: string; weight: number }[];
  max_retries: number;
}

describe.skipIf(!hasChromium)('AI console: limits, routes and spend (Chromium, SQLite)', () => {
  let server: AtriumServer;
  let browser: Browser;
  let provider: FakeProvider;
  const watch = new ConsoleWatch();
  const contexts: BrowserContext[] = [];

  let owner: Page;
  let dev: Page;
  let viewer: Page;
  let workspaceId = '';
  let workspaceUrl = '';
  let devUserId = '';
  let tokenId = '';
  const keyIds: Record<string, string> = {};

  async function newPage(label: string): Promise<Page> {
    const context = await browser.newContext({ viewport: DESKTOP, baseURL: server.url, reducedMotion: 'reduce', acceptDownloads: true });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    watch.attach(context, label);
    return context.newPage();
  }

  /** JSON calls with the page's session cookie (and its CSRF token for writes). */
  async function call<T>(page: Page, method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown): Promise<T> {
    const request: APIRequestContext = page.request;
    const csrf = (await page.context().cookies()).find((c) => c.name === 'atrium_csrf')?.value ?? '';
    const res = await request.fetch(url, { method, data, headers: { 'x-csrf-token': csrf } });
    expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
    return (await res.json()) as T;
  }

  async function register(page: Page, name: string, email: string): Promise<string> {
    const res = await page.request.post('/api/auth/register', { data: { name, email, password: PASSWORD } });
    expect(res.status(), await res.text()).toBe(201);
    return ((await res.json()) as { user: { id: string } }).user.id;
  }

  async function join(page: Page, name: string, email: string, role: string): Promise<string> {
    const userId = await register(page, name, email);
    const invitation = await call<{ token: string }>(owner, 'POST', `/api/workspaces/${workspaceId}/invitations`, { email, role });
    await call(page, 'POST', `/api/invitations/${invitation.token}/accept`, {});
    return userId;
  }

  beforeAll(async () => {
    await ensureWebBuild();
    provider = await startFakeProvider('openai', { apiKey: Object.values(PROVIDER_KEYS), reply: { text: 'Hi', inputTokens: 1200, outputTokens: 800 } });
    server = await startAtrium({ ATRIUM_OUTBOUND_ALLOWED_CIDRS: '127.0.0.0/8' });
    browser = await launch();
    owner = await newPage('owner');
    await register(owner, 'Ada Lovelace', 'ada@acme.test');
    const ws = await call<{ id: string; slug: string }>(owner, 'POST', '/api/workspaces', { name: 'Acme Robotics' });
    workspaceId = ws.id;
    workspaceUrl = `/w/${ws.slug}`;
    dev = await newPage('dev');
    devUserId = await join(dev, 'Grace Hopper', 'grace@acme.test', 'developer');
    viewer = await newPage('viewer');
    await join(viewer, 'Alan Turing', 'alan@acme.test', 'viewer');

    for (const name of ['Primary', 'Backup'] as const) {
      const key = await call<{ id: string }>(owner, 'POST', '/api/ai-keys', { workspace_id: workspaceId, provider: 'openai', key_name: name, api_key: PROVIDER_KEYS[name], endpoint_url: provider.endpointUrl });
      keyIds[name] = key.id;
    }
    const token = await call<{ id: string; token: string }>(owner, 'POST', '/api/tokens', { name: 'Gateway script', workspace_id: workspaceId, scopes: ['ai:use'] });
    tokenId = token.id;

    // One real gateway call so the spend page has something to show.
    const res = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }] }),
    });
    expect(res.status, await res.text()).toBe(200);
  }, 180_000);

  afterEach(() => {
    expect(watch.take(), 'browser console errors').toEqual([]);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
    await provider?.close();
  });

  const limitsOf = (path: string) => call<Limits>(owner, 'GET', `/api/workspaces/${workspaceId}/ai-limits/${path}`);

  it('sets limits on a token, a member and the workspace, shows them, rejects a bad value and clears one', async () => {
    // A token: every field, a bad value first.
    await owner.goto(`${workspaceUrl}/api-tokens`);
    await owner.getByRole('button', { name: 'AI limits of Gateway script' }).click();
    let dialog = owner.getByRole('dialog', { name: 'AI limits of Gateway script' });
    await dialog.getByLabel('Requests per minute').fill('-5');
    await watch.expecting(/status of 400/, async () => {
      await dialog.getByRole('button', { name: 'Save limits' }).click();
      await expect.poll(() => dialog.getByLabel('Requests per minute').getAttribute('aria-invalid')).toBe('true');
    });
    await dialog.locator('.field-error').first().waitFor();
    await dialog.getByLabel('Requests per minute').fill('abc');
    await watch.expecting(/status of 400/, async () => {
      await dialog.getByRole('button', { name: 'Save limits' }).click();
      await expect.poll(() => dialog.getByLabel('Requests per minute').getAttribute('aria-invalid')).toBe('true');
    });
    await expect(limitsOf(`tokens/${tokenId}`)).resolves.toMatchObject({ updated_at: null });
    await dialog.getByLabel('Requests per minute').fill('30');
    await dialog.getByLabel('Tokens per minute').fill('50000');
    await dialog.getByLabel('Requests per month').fill('1000');
    await dialog.getByLabel('Cost per month (USD)').fill('12.5');
    await dialog.getByLabel('Allowed models').fill('openai/gpt-4o-mini, openai/gpt-4o');
    await dialog.getByLabel('Allowed providers').fill('openai');
    await dialog.getByRole('button', { name: 'Save limits' }).click();
    await owner.getByText('Limits saved.').waitFor();
    await expect(limitsOf(`tokens/${tokenId}`)).resolves.toMatchObject({
      rate_limit_rpm: 30,
      rate_limit_tpm: 50000,
      usage_limit: 1000,
      cost_limit: 12.5,
      allowed_models: ['openai/gpt-4o-mini', 'openai/gpt-4o'],
      allowed_providers: ['openai'],
    });
    // Opened again, the dialog shows what was saved.
    await owner.reload();
    await owner.getByRole('button', { name: 'AI limits of Gateway script' }).click();
    dialog = owner.getByRole('dialog', { name: 'AI limits of Gateway script' });
    await expect(dialog.getByLabel('Requests per minute').inputValue()).resolves.toBe('30');
    await expect(dialog.getByLabel('Cost per month (USD)').inputValue()).resolves.toBe('12.5');
    await expect(dialog.getByLabel('Allowed models').inputValue()).resolves.toBe('openai/gpt-4o-mini, openai/gpt-4o');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // A member.
    await owner.goto(`${workspaceUrl}/members`);
    await owner.getByRole('button', { name: 'AI limits of Grace Hopper' }).click();
    dialog = owner.getByRole('dialog', { name: 'AI limits of Grace Hopper' });
    await dialog.getByLabel('Requests per month').fill('200');
    await dialog.getByRole('button', { name: 'Save limits' }).click();
    await owner.getByText('Limits saved.').waitFor();
    await expect(limitsOf(`members/${devUserId}`)).resolves.toMatchObject({ usage_limit: 200, rate_limit_rpm: null, cost_limit: null });
    await owner.getByRole('button', { name: 'AI limits of Grace Hopper' }).click();
    await expect(dialog.getByLabel('Requests per month').inputValue()).resolves.toBe('200');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // The workspace, from settings.
    await owner.goto(`${workspaceUrl}/settings`);
    await owner.getByRole('button', { name: 'AI limits of Acme Robotics' }).click();
    dialog = owner.getByRole('dialog', { name: 'AI limits of Acme Robotics' });
    await dialog.getByLabel('Cost per month (USD)').fill('100');
    await dialog.getByLabel('Allowed providers').fill('openai, anthropic');
    await dialog.getByRole('button', { name: 'Save limits' }).click();
    await owner.getByText('Limits saved.').waitFor();
    await expect(limitsOf('workspace')).resolves.toMatchObject({ cost_limit: 100, allowed_providers: ['openai', 'anthropic'], usage_limit: null });

    // Cleared, the member has no limits again.
    await owner.goto(`${workspaceUrl}/members`);
    await owner.getByRole('button', { name: 'AI limits of Grace Hopper' }).click();
    dialog = owner.getByRole('dialog', { name: 'AI limits of Grace Hopper' });
    await dialog.getByRole('button', { name: 'Clear limits' }).click();
    await owner.getByText('Limits cleared.').waitFor();
    await expect(limitsOf(`members/${devUserId}`)).resolves.toMatchObject({ usage_limit: null, updated_at: null });
    await owner.getByRole('button', { name: 'AI limits of Grace Hopper' }).click();
    await expect(dialog.getByLabel('Requests per month').inputValue()).resolves.toBe('');
    await expect(dialog.getByRole('button', { name: 'Clear limits' }).count()).resolves.toBe(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  }, 90_000);

  it('creates a route with two targets, edits order and weights, lists it and deletes it', async () => {
    await owner.goto(`${workspaceUrl}/ai-routes`);
    await owner.getByText('No routes yet').waitFor();
    await owner.getByRole('button', { name: 'Add route' }).first().click();
    const dialog = owner.getByRole('dialog', { name: 'Add a route' });
    await dialog.getByLabel('Model name').fill('openai/smart');
    await dialog.getByLabel('Model', { exact: true }).fill('gpt-4o-mini');
    await dialog.getByRole('button', { name: 'Add target' }).click();
    await dialog.getByLabel('Key 2').selectOption({ label: 'Backup (OpenAI)' });
    await dialog.getByLabel('Model', { exact: true }).nth(1).fill('gpt-4o');
    await dialog.getByLabel('Retries per target').fill('2');
    // The name's rule is shown under its field.
    await watch.expecting(/status of 400/, async () => {
      await dialog.getByRole('button', { name: 'Save route' }).click();
      await expect.poll(() => dialog.getByLabel('Model name').getAttribute('aria-invalid')).toBe('true');
    });
    await dialog.getByText('Contains characters that are not allowed here.').waitFor();
    await expect(call<{ data: Route[] }>(owner, 'GET', `/api/ai-routes?workspace_id=${workspaceId}`)).resolves.toMatchObject({ data: [] });
    await dialog.getByLabel('Model name').fill('smart');
    await dialog.getByRole('button', { name: 'Save route' }).click();
    await owner.getByText('Route smart saved.').waitFor();

    const row = owner.getByTestId('ai-route-smart');
    await expect(row.getByRole('listitem').allTextContents()).resolves.toEqual(['Primary · gpt-4o-mini', 'Backup · gpt-4o']);
    await row.getByText('fallback').waitFor();
    await expect(row.locator('td[data-label="Retries"]').textContent()).resolves.toBe('2');

    // Edited: weighted, the backup first with weight 3.
    await row.getByRole('button', { name: 'Edit smart' }).click();
    const edit = owner.getByRole('dialog', { name: 'Edit route smart' });
    await edit.getByLabel('Strategy').selectOption('weighted');
    await edit.getByRole('button', { name: 'Move target 2 up' }).click();
    await expect(edit.getByLabel('Key 1').inputValue()).resolves.toBe(keyIds.Backup);
    await edit.getByLabel('Weight').first().fill('3');
    await edit.getByRole('button', { name: 'Save route' }).click();
    // (The toast of the creation may still be up: wait for the list itself.)
    await expect.poll(() => row.getByRole('listitem').allTextContents()).toEqual(['Backup · gpt-4o (weight 3)', 'Primary · gpt-4o-mini (weight 1)']);
    const routes = await call<{ data: Route[] }>(owner, 'GET', `/api/ai-routes?workspace_id=${workspaceId}`);
    expect(routes.data).toMatchObject([
      {
        name: 'smart',
        strategy: 'weighted',
        max_retries: 2,
        targets: [
          { key_id: keyIds.Backup, model: 'gpt-4o', weight: 3 },
          { key_id: keyIds.Primary, model: 'gpt-4o-mini', weight: 1 },
        ],
      },
    ]);

    // A developer reads routes but cannot change them.
    await dev.goto(`${workspaceUrl}/ai-routes`);
    await dev.getByTestId('ai-route-smart').waitFor();
    for (const name of ['Add route', 'Edit smart', 'Delete smart']) {
      await expect(dev.getByRole('button', { name }).count(), name).resolves.toBe(0);
    }

    await row.getByRole('button', { name: 'Delete smart' }).click();
    await owner.getByRole('dialog', { name: 'Delete route smart?' }).getByRole('button', { name: 'Delete route' }).click();
    await owner.getByText('No routes yet').waitFor();
    await expect(call<{ data: Route[] }>(owner, 'GET', `/api/ai-routes?workspace_id=${workspaceId}`)).resolves.toMatchObject({ data: [] });
  }, 90_000);

  it('shows spend by member, token, key, model and day, and exports it as CSV', async () => {
    // Usage is written by a background flush: wait for it.
    await expect
      .poll(async () => (await call<{ data: { requests: number }[] }>(owner, 'GET', `/api/workspaces/${workspaceId}/ai-usage?group_by=model`)).data[0]?.requests)
      .toBe(1);
    await owner.goto(`${workspaceUrl}/ai-spend`);
    const today = new Date().toISOString().slice(0, 10);
    const expected: Array<[string, string, string]> = [
      ['member', 'Member', 'ada@acme.test'],
      ['token', 'API token', 'Gateway script'],
      ['key', 'AI key', 'Primary'],
      ['model', 'Model', 'openai/gpt-4o-mini'],
      ['day', 'Day', today],
    ];
    for (const [group, label, name] of expected) {
      await owner.getByLabel('Group by').selectOption({ label });
      const table = owner.getByRole('table', { name: `Spend by ${group}` });
      const cells = table.getByRole('row').nth(1).getByRole('cell');
      await expect.poll(() => cells.first().textContent(), { message: group }).toBe(name);
      await expect(cells.nth(1).textContent()).resolves.toBe('1');
      await expect(cells.nth(3).textContent()).resolves.toMatch(/^1,200 \/ 800$/);
      // One bar for the one row.
      await expect.poll(() => owner.getByTestId('spend-chart').locator('.recharts-bar-rectangle').count(), { message: group }).toBe(1);
    }

    const [download] = await Promise.all([owner.waitForEvent('download'), owner.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^ai-usage-day-.*\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
    expect(csv[0]).toBe('day,label,requests,errors,input_tokens,output_tokens,reasoning_tokens,cost_micros,cost_usd');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toMatch(new RegExp(`^${today},,1,0,1200,800,`));
  }, 60_000);

  it('offers a developer and a viewer no admin-only controls', async () => {
    // A developer sees only her own spend and sets no limits.
    await dev.goto(`${workspaceUrl}/ai-spend`);
    const devNav = dev.getByRole('navigation', { name: 'Workspace' });
    await devNav.getByRole('link', { name: 'AI spend' }).waitFor();
    await devNav.getByRole('link', { name: 'AI routes' }).waitFor();
    await dev.getByText(/\(your requests\)|No gateway usage this month/).waitFor();
    for (const sub of ['members', 'settings', 'api-tokens']) {
      await dev.goto(`${workspaceUrl}/${sub}`);
      await dev.getByRole('heading', { level: 1 }).waitFor();
      await dev.waitForLoadState('networkidle');
      await expect(dev.getByRole('button', { name: /^AI limits of/ }).count(), sub).resolves.toBe(0);
    }
    // A viewer is not offered the AI pages at all.
    await viewer.goto(`${workspaceUrl}/members`);
    const nav = viewer.getByRole('navigation', { name: 'Workspace' });
    await nav.getByRole('link', { name: 'Members' }).waitFor();
    for (const hidden of ['AI spend', 'AI routes']) {
      await expect(nav.getByRole('link', { name: hidden }).count(), hidden).resolves.toBe(0);
    }
    await viewer.waitForLoadState('networkidle');
    await expect(viewer.getByRole('button', { name: /^AI limits of/ }).count()).resolves.toBe(0);
  }, 60_000);
});
