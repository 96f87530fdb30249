/**
 * The web console end to end: a real atrium server (its own process, fresh
 * SQLite), the production UI build, and Debian's Chromium driven by
 * playwright-core. Fails on any browser console error.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { startFakeProvider, type FakeProvider } from '../../src/test/fake-providers.js';
import { ConsoleWatch, DESKTOP, hasChromium, launch, MOBILE, SCREENSHOT_DIR, snap } from './support/browser.js';
import { ensureWebBuild } from './support/build.js';
import { startReceiver } from './support/receiver.js';
import { startAtrium, type AtriumServer } from './support/server.js';

if (!hasChromium) {
  console.warn('[e2e] /usr/bin/chromium is missing: skipping the browser tests (CI installs it with `apt-get install chromium`).');
}

const PASSWORD = 'correct horse battery staple';

describe.skipIf(!hasChromium)('web console (Chromium, SQLite)', () => {
  let server: AtriumServer;
  let browser: Browser;
  const watch = new ConsoleWatch();
  const contexts: BrowserContext[] = [];

  // Shared across the ordered steps below, like a person's session would be.
  let owner: Page;
  let grace: Page;
  let workspaceUrl = '';
  let apiToken = '';
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let provider: FakeProvider;
  const PROVIDER_KEY = 'sk-e2e-test-key-0123456789abcdefghij';
  const ROTATED_KEY = 'sk-e2e-rotated-key-9876543210zyxwvu';
  const people = {
    owner: { name: 'Ada Lovelace', email: 'ada@acme.test' },
    dev: { name: 'Grace Hopper', email: 'grace@acme.test' },
    viewer: { name: 'Alan Turing', email: 'alan@acme.test' },
  };

  async function newPage(label: string, viewport = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ viewport, baseURL: server.url, reducedMotion: 'reduce' });
    // Fail fast: every step waits for something the UI shows within moments (generous for a loaded CI machine).
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    watch.attach(context, label);
    return context.newPage();
  }

  async function signUpFromInvitation(page: Page, link: string, person: { name: string; email: string }) {
    await page.goto(link);
    await page.getByRole('heading', { name: /Join Acme Robotics/ }).waitFor();
    if (person === people.dev) await snap(page, 'accept-invitation');
    await page.getByRole('link', { name: 'Create an account to accept' }).click();
    await expect(page.getByLabel('Work e-mail').inputValue()).resolves.toBe(person.email);
    await page.getByLabel('Your name').fill(person.name);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    // Back on the invitation, now signed in.
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await page.waitForURL(/\/w\/acme-robotics\//);
  }

  /** The API shares the page's session cookie: handy for setup and for waiting on background work. */
  async function workspaceIdOf(page: Page, slug: string): Promise<string> {
    const list = (await (await page.request.get('/api/workspaces')).json()) as { data: { id: string; slug: string }[] };
    return list.data.find((w) => w.slug === slug)!.id;
  }

  async function invite(email: string, role: string): Promise<string> {
    await owner.goto(`${workspaceUrl}/members`);
    await owner.getByRole('button', { name: 'Invite member' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Invite a member' });
    await dialog.getByLabel('E-mail address').fill(email);
    await dialog.getByLabel('Role').selectOption(role);
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    const done = owner.getByRole('dialog', { name: 'Invitation created' });
    const link = await done.getByLabel('Invitation link').textContent();
    expect(link).toMatch(new RegExp(`^${server.url}/invitations/`));
    return link!;
  }

  beforeAll(async () => {
    await ensureWebBuild();
    receiver = await startReceiver();
    provider = await startFakeProvider('openai', { apiKey: [PROVIDER_KEY, ROTATED_KEY], reply: { text: 'Hi from the fake model', inputTokens: 1200, outputTokens: 800 } });
    // Webhook receivers and the fake provider live on 127.0.0.1, which atrium refuses unless allowed.
    server = await startAtrium({ ATRIUM_OUTBOUND_ALLOWED_CIDRS: '127.0.0.0/8' });
    browser = await launch();
    owner = await newPage('owner');
  }, 180_000);

  afterEach(() => {
    expect(watch.take(), 'browser console errors').toEqual([]);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
    await receiver?.close();
    await provider?.close();
    if (hasChromium) console.info(`[e2e] screenshots in ${SCREENSHOT_DIR}`);
  });

  it('signs up, lands on onboarding and creates a workspace', async () => {
    await owner.goto('/');
    await owner.waitForURL(/\/signin/);
    await snap(owner, 'signin');
    await owner.getByRole('link', { name: 'Create an account' }).click();
    await owner.getByLabel('Your name').fill(people.owner.name);
    await owner.getByLabel('Work e-mail').fill(people.owner.email);
    await owner.getByLabel('Password').fill('short');
    // The server's validation message is shown next to the password field.
    await watch.expecting(/status of 400/, async () => {
      await owner.getByRole('button', { name: 'Create account' }).click();
      await owner.getByText('Use at least 8 characters.').waitFor();
    });
    await snap(owner, 'signup-field-error');
    await owner.getByLabel('Password').fill(PASSWORD);
    await owner.getByRole('button', { name: 'Create account' }).click();

    await owner.waitForURL(/\/new$/);
    await owner.getByRole('heading', { name: 'Create your first workspace' }).waitFor();
    await owner.getByLabel('Workspace name').fill('Acme Robotics');
    await snap(owner, 'onboarding');
    await owner.getByRole('button', { name: 'Create workspace' }).click();
    await owner.waitForURL(/\/w\/acme-robotics\/members$/);
    workspaceUrl = new URL(owner.url()).pathname.replace(/\/members$/, '');
    await owner.getByTestId(`member-${people.owner.email}`).waitFor();
  }, 60_000);

  it('invites a developer who accepts in a second browser', async () => {
    const link = await invite(people.dev.email, 'developer');
    await snap(owner, 'invite-link');
    await owner.getByRole('button', { name: 'Done' }).click();

    grace = await newPage('grace');
    await signUpFromInvitation(grace, link, people.dev);
    await grace.getByRole('heading', { name: 'Members' }).waitFor();
    // A developer sees the team but cannot manage it.
    await expect(grace.getByRole('button', { name: 'Invite member' }).count()).resolves.toBe(0);

    await owner.reload();
    const row = owner.getByTestId(`member-${people.dev.email}`);
    await row.waitFor();
    await row.getByLabel(`Role of ${people.dev.name}`).selectOption('admin');
    await owner.getByText(`${people.dev.name} is now an admin.`).waitFor();
    await row.getByLabel(`Role of ${people.dev.name}`).selectOption('developer');
    await owner.getByText(`${people.dev.name} is now a developer.`).waitFor();

    await owner.getByRole('link', { name: /Invitations/ }).click();
    await owner.getByTestId(`invitation-${people.dev.email}`).getByText('Accepted', { exact: true }).waitFor();

    // Resend issues a new link (the old one stops working); revoke ends the invitation.
    const first = await invite('temp@acme.test', 'viewer');
    await owner.getByRole('button', { name: 'Done' }).click();
    await owner.getByRole('link', { name: /Invitations/ }).click();
    const pending = owner.getByTestId('invitation-temp@acme.test');
    await pending.getByRole('button', { name: 'Resend invitation to temp@acme.test' }).click();
    const resent = owner.getByRole('dialog', { name: 'New invitation link' });
    const second = await resent.getByLabel('Invitation link').textContent();
    expect(second).not.toBe(first);
    await resent.getByRole('button', { name: 'Done' }).click();
    await pending.getByText('sent 2×').waitFor();
    await pending.getByRole('button', { name: 'Revoke invitation to temp@acme.test' }).click();
    await owner.getByRole('dialog', { name: 'Revoke invitation?' }).getByRole('button', { name: 'Revoke invitation' }).click();
    await pending.getByText('Revoked', { exact: true }).waitFor();
    await snap(owner, 'invitations');
  }, 90_000);

  it('switches between workspaces and creates one from the switcher, by keyboard', async () => {
    await owner.goto(`${workspaceUrl}/members`);
    const switcher = owner.getByRole('button', { name: /Switch workspace/ });
    await switcher.focus();
    await owner.keyboard.press('Enter');
    const menu = owner.getByRole('menu', { name: 'Workspaces' });
    await menu.waitFor();
    await owner.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Create workspace' }).evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
    await owner.keyboard.press('Enter');
    await owner.waitForURL(/\/new$/);
    await owner.getByLabel('Workspace name').fill('Side Project');
    await owner.getByRole('button', { name: 'Create workspace' }).click();
    await owner.waitForURL(/\/w\/side-project\/members$/);
    await owner.getByRole('button', { name: /Switch workspace/ }).click();
    await snap(owner, 'switcher');
    await owner.getByRole('menuitem', { name: 'Acme Robotics' }).click();
    await owner.waitForURL(new RegExp(`${workspaceUrl}/members$`));
    // Escape closes a dialog and gives focus back to the button that opened it.
    const invite = owner.getByRole('button', { name: 'Invite member' });
    await invite.focus();
    await owner.keyboard.press('Enter');
    await owner.getByRole('dialog', { name: 'Invite a member' }).waitFor();
    await owner.keyboard.press('Escape');
    await expect(owner.getByRole('dialog').count()).resolves.toBe(0);
    await expect(invite.evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
  }, 60_000);

  it('shows the activity log with filters and loads older pages while scrolling', async () => {
    // 9 entries so far; 12 tokens created and revoked through the API (with the browser's session) add 24,
    // so the first page (30 rows) ends just before Grace's invitation was accepted.
    const csrf = (await owner.context().cookies()).find((c) => c.name === 'atrium_csrf')!.value;
    const workspaceId = await workspaceIdOf(owner, 'acme-robotics');
    for (let i = 1; i <= 12; i++) {
      const res = await owner.request.post('/api/tokens', { headers: { 'x-csrf-token': csrf }, data: { name: `batch ${i}`, workspace_id: workspaceId, scopes: ['workspaces:read'] } });
      expect(res.status()).toBe(201);
      const { id } = (await res.json()) as { id: string };
      expect((await owner.request.delete(`/api/tokens/${id}`, { headers: { 'x-csrf-token': csrf } })).status()).toBe(204);
    }

    await owner.goto(`${workspaceUrl}/activity`);
    const log = owner.getByRole('list', { name: 'Activity log' });
    await log.getByText(/changed the role of/).first().waitFor();
    await expect(log.getByRole('listitem').count()).resolves.toBe(30);
    await expect(log.getByText('created the workspace').count()).resolves.toBe(0);

    // Filters go to the server and into the URL.
    await owner.getByLabel('Action').selectOption('member.*');
    await owner.waitForURL(/action=member/);
    // "joined as developer" may already be on the unfiltered page: wait for the filtered list itself.
    await expect.poll(() => log.getByText(/revoked API token/).count()).toBe(0);
    await log.getByText('joined as developer').waitFor();
    await owner.getByLabel('Actor').selectOption({ label: people.dev.name });
    await expect.poll(() => log.getByRole('listitem').count()).toBe(1);
    await owner.getByRole('button', { name: 'Clear' }).click();
    await log.getByText(/revoked API token/).first().waitFor();

    // Infinite scroll: reaching the end fetches the next page with the cursor.
    await log.getByRole('listitem').last().scrollIntoViewIfNeeded();
    await log.getByText('created the workspace').waitFor();
    await log.getByText(/invited grace@acme.test as developer/).waitFor();
    await owner.getByText('You reached the beginning of the log.').waitFor();
    await expect(log.getByRole('listitem').count()).resolves.toBe(33);
  }, 60_000);

  it('creates an API token that is shown once, then lists it', async () => {
    await owner.goto(`${workspaceUrl}/api-tokens`);
    await owner.getByText('No API tokens').waitFor();
    await owner.getByRole('button', { name: 'Create token' }).first().click();
    const dialog = owner.getByRole('dialog', { name: 'Create API token' });
    await dialog.getByLabel('Name', { exact: true }).fill('CI deploy');
    await dialog.getByRole('button', { name: 'All' }).click();
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const created = owner.getByRole('dialog', { name: 'Token created' });
    const token = await created.getByLabel('API token').textContent();
    expect(token).toMatch(/^atr_/);
    apiToken = token!;
    await snap(owner, 'token-created');
    await created.getByRole('button', { name: 'Done' }).click();
    await owner.getByTestId('token-CI deploy').waitFor();

    await owner.getByRole('button', { name: 'Create token' }).first().click();
    const second = owner.getByRole('dialog', { name: 'Create API token' });
    await second.getByLabel('Name', { exact: true }).fill('Old script');
    await second.getByRole('button', { name: 'Create token' }).click();
    await owner.getByRole('dialog', { name: 'Token created' }).getByRole('button', { name: 'Done' }).click();
    await owner.getByRole('button', { name: 'Revoke Old script' }).click();
    await owner.getByRole('dialog', { name: 'Revoke Old script?' }).getByRole('button', { name: 'Revoke token' }).click();
    await owner.getByText('Old script revoked.').waitFor();
    await expect(owner.getByTestId('token-Old script').count()).resolves.toBe(0);
    await snap(owner, 'api-tokens');
  }, 60_000);

  it('creates a webhook to a local receiver, sends a test event and shows it delivered', async () => {
    await owner.goto(`${workspaceUrl}/webhooks`);
    await owner.getByText('No endpoints yet').waitFor();
    await owner.getByRole('button', { name: 'Add endpoint' }).first().click();
    const dialog = owner.getByRole('dialog', { name: 'Add endpoint' });
    // The cloud metadata address stays refused even with 127.0.0.0/8 allowed; the reason shows under the field.
    await dialog.getByLabel('Endpoint URL').fill('http://169.254.169.254/latest/meta-data');
    await watch.expecting(/status of 400/, async () => {
      await dialog.getByRole('button', { name: 'Create endpoint' }).click();
      await dialog.getByText(/Is not allowed/).waitFor();
    });
    await expect(dialog.getByLabel('Endpoint URL').getAttribute('aria-invalid')).resolves.toBe('true');
    await dialog.getByLabel('Endpoint URL').fill(receiver.url);
    await dialog.getByLabel('Description').fill('Order service');
    // The event-type picker is fed by the catalog.
    await dialog.getByText('Selected events').click();
    await dialog.getByRole('checkbox', { name: /Members member\.\*/ }).check();
    await dialog.getByRole('checkbox', { name: /invitation\.created/ }).check();
    await snap(owner, 'webhook-create');
    await dialog.getByRole('button', { name: 'Create endpoint' }).click();

    const created = owner.getByRole('dialog', { name: 'Endpoint created' });
    const secret = (await created.getByLabel('Signing secret').textContent())!;
    expect(secret).toMatch(/^whsec_/);
    await created.getByRole('button', { name: 'Done' }).click();
    await owner.getByRole('heading', { name: receiver.url }).waitFor();

    await owner.getByRole('button', { name: 'Send test event' }).click();
    await owner.getByText('Test event delivered').waitFor();
    const row = owner.getByTestId('delivery-webhook.test');
    await row.getByText('Delivered').waitFor();
    await row.getByRole('button', { name: 'Attempts' }).click();
    const attempt = owner.getByRole('article', { name: 'Attempt 1' });
    await attempt.getByText(/webhook-signature: v1,/).waitFor();
    await attempt.getByText(/"ok": true/).waitFor();
    await snap(owner, 'webhook-detail');

    // What the receiver got verifies with the secret the UI showed once (Standard Webhooks).
    const hit = receiver.received.find((r) => r.body.includes('webhook.test'))!;
    const verified = new StandardWebhook(secret).verify(hit.body, hit.headers as Record<string, string>) as { type: string };
    expect(verified.type).toBe('webhook.test');

    // Retry sends the finished delivery again: a second attempt appears.
    await row.getByRole('button', { name: 'Retry delivery of webhook.test' }).click();
    await owner.getByText('Delivery queued to be sent again.').waitFor();
    await owner.getByRole('article', { name: 'Attempt 2' }).waitFor({ timeout: 20_000 });

    // Rotation shows the new secret once; both secrets sign during the grace period.
    await owner.getByRole('button', { name: 'Rotate secret' }).click();
    await owner.getByRole('dialog', { name: 'Rotate signing secret' }).getByRole('button', { name: 'Rotate secret' }).click();
    const rotated = owner.getByRole('dialog', { name: 'New signing secret' });
    const newSecret = await rotated.getByLabel('Signing secret').textContent();
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(secret);
    await rotated.getByRole('button', { name: 'Done' }).click();

    await owner.getByRole('button', { name: 'Disable' }).click();
    await owner.getByText('Disabled', { exact: true }).first().waitFor();
    await owner.getByRole('button', { name: 'Enable' }).click();
    await owner.getByText('Endpoint enabled.').waitFor();

    // A per-resource grant: the developer gets write access to this one endpoint (revoked in the developer's test).
    const access = owner.locator('#access-title').locator('xpath=ancestor::section');
    await access.getByText('No member has a grant on this endpoint.').waitFor();
    await access.getByLabel('Member').selectOption({ label: `${people.dev.name} (developer)` });
    await access.getByLabel('Permission').selectOption('write');
    await access.getByRole('button', { name: 'Grant access' }).click();
    await owner.getByText(`${people.dev.name} has write access to this endpoint.`).waitFor();
    await access.getByTestId(`grant-${people.dev.email}`).getByText('write').waitFor();

    await owner.goto(`${workspaceUrl}/webhooks`);
    const listed = owner.getByTestId(`webhook-${receiver.url}`);
    await listed.getByText('Healthy').waitFor();
    await listed.getByText('100%').waitFor();
    await snap(owner, 'webhooks');
  }, 90_000);

  it('adds an AI key for a local provider, tests it, and charts usage after a gateway call', async () => {
    await owner.goto(`${workspaceUrl}/ai-keys`);
    await owner.getByText('No AI keys yet').waitFor();
    await owner.getByRole('button', { name: 'Add key' }).first().click();
    // Each provider asks for its own fields: Azure needs an endpoint and a deployment.
    await owner.getByRole('dialog', { name: 'Add an AI key' }).getByRole('button', { name: /^Azure OpenAI/ }).click();
    const azure = owner.getByRole('dialog', { name: 'Add Azure OpenAI key' });
    await azure.getByLabel('Endpoint URL').waitFor();
    await azure.getByLabel('Deployment name').waitFor();
    await azure.getByRole('button', { name: 'Providers' }).click();
    await owner.getByRole('dialog', { name: 'Add an AI key' }).getByRole('button', { name: /^OpenAI/ }).click();
    const dialog = owner.getByRole('dialog', { name: 'Add OpenAI key' });
    await expect(dialog.getByLabel('Deployment name').count()).resolves.toBe(0);
    await dialog.getByLabel('Name', { exact: true }).fill('Production');
    await dialog.getByLabel('API key').fill(PROVIDER_KEY);
    await dialog.getByLabel('Base URL').fill(provider.endpointUrl);
    await dialog.getByText('Limits and caps').click();
    await dialog.getByLabel('Monthly request cap').fill('1000');
    await dialog.getByLabel('Monthly cost cap (USD)').fill('25');
    await snap(owner, 'ai-key-add');
    await dialog.getByRole('button', { name: 'Add key' }).click();

    const row = owner.getByTestId('ai-key-Production');
    await row.waitFor();
    await row.getByText(PROVIDER_KEY.slice(-4)).waitFor();
    // The key itself never comes back to the browser.
    await expect(owner.getByText(PROVIDER_KEY).count()).resolves.toBe(0);
    await row.getByRole('button', { name: 'Test Production' }).click();
    await owner.getByText('Key works', { exact: true }).waitFor();

    // A real gateway call with the API token created earlier.
    const res = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hello' }] }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const completion = (await res.json()) as { choices: { message: { content: string } }[] };
    expect(completion.choices[0].message.content).toBe('Hi from the fake model');

    // Usage is written by a background flush (≈100 ms): wait for it before looking.
    await expect
      .poll(async () => {
        const keysRes = (await (await owner.request.get(`/api/ai-keys?workspace_id=${encodeURIComponent(await workspaceIdOf(owner, 'acme-robotics'))}`)).json()) as { data: { usage_this_month: number }[] };
        return keysRes.data[0]?.usage_this_month;
      })
      .toBe(1);
    await owner.reload();
    await row.getByRole('meter', { name: 'Requests of Production this month' }).waitFor();
    await snap(owner, 'ai-keys');
    await row.getByRole('link', { name: 'Usage of Production' }).click();
    await owner.getByRole('heading', { name: /Production/ }).waitFor();
    const byModel = owner.getByRole('table', { name: 'Usage by model' });
    await byModel.getByText('gpt-4o-mini').waitFor();
    // One bar for today's request is drawn in the requests chart.
    await owner.getByTestId('requests-chart').locator('.recharts-bar-rectangle path').first().waitFor();
    await owner.getByText('1 in the last 30 days').waitFor();
    await snap(owner, 'ai-key-usage');

    // Limits, then a rotation: the new key serves at once and the history stays.
    await owner.getByRole('button', { name: 'Limits' }).click();
    const limits = owner.getByRole('dialog', { name: 'Name, limits and caps' });
    await limits.getByLabel('Requests per minute').fill('60');
    await limits.getByRole('button', { name: 'Save' }).click();
    await owner.getByText('60 req/min').waitFor();
    await owner.getByRole('button', { name: 'Rotate' }).click();
    const rotate = owner.getByRole('dialog', { name: 'Rotate Production' });
    await rotate.getByLabel('New API key').fill(ROTATED_KEY);
    await rotate.getByRole('button', { name: 'Rotate key' }).click();
    await owner.getByText(/Production rotated/).waitFor();
    await owner.getByRole('main').getByText(ROTATED_KEY.slice(-4)).first().waitFor();
    await owner.getByRole('button', { name: 'Test key' }).click();
    await owner.getByText('Key works', { exact: true }).waitFor();
    await owner.getByText('1 in the last 30 days').waitFor();
  }, 90_000);

  it('lets a developer read webhooks and AI keys without write buttons', async () => {
    await grace.goto(`${workspaceUrl}/webhooks`);
    await grace.getByTestId(`webhook-${receiver.url}`).waitFor();
    await expect(grace.getByRole('button', { name: 'Add endpoint' }).count()).resolves.toBe(0);
    await grace.getByRole('link', { name: receiver.url }).click();
    await grace.getByRole('heading', { name: receiver.url }).waitFor();
    // Her write grant on this endpoint (given in the webhook test) offers what it allows, no more.
    await grace.getByRole('button', { name: 'Edit' }).waitFor();
    await expect(grace.getByRole('button', { name: 'Delete endpoint' }).count()).resolves.toBe(0);
    await expect(grace.getByRole('heading', { name: 'Access' }).count()).resolves.toBe(0);
    // Revoked, the page offers only what her role allows.
    await owner.goto(grace.url());
    const access = owner.locator('#access-title').locator('xpath=ancestor::section');
    await access.getByRole('button', { name: `Revoke ${people.dev.name}'s access` }).click();
    await owner.getByText(`Revoked ${people.dev.name}'s access to this endpoint.`).waitFor();
    await access.getByText('No member has a grant on this endpoint.').waitFor();
    await grace.reload();
    await grace.getByRole('heading', { name: receiver.url }).waitFor();
    await grace.waitForLoadState('networkidle');
    for (const name of ['Send test event', 'Disable', 'Edit', 'Rotate secret', 'Delete endpoint', 'Recover failed', 'Retry']) {
      await expect(grace.getByRole('button', { name }).count(), name).resolves.toBe(0);
    }
    await grace.goto(`${workspaceUrl}/ai-keys`);
    await grace.getByTestId('ai-key-Production').waitFor();
    await expect(grace.getByRole('button', { name: 'Add key' }).count()).resolves.toBe(0);

    // Developers may publish application events: the endpoint subscribes to member.* and invitation.created only.
    await grace.goto(`${workspaceUrl}/webhooks`);
    await grace.getByRole('button', { name: 'Publish event' }).click();
    const publish = grace.getByRole('dialog', { name: 'Publish an event' });
    await publish.getByLabel('Event type').fill('custom.order.paid');
    await publish.getByLabel('Payload (JSON)').fill('{"order_id": 42,');
    await publish.getByRole('button', { name: 'Publish event' }).click();
    await publish.getByText('Enter valid JSON.').waitFor();
    await publish.getByLabel('Payload (JSON)').fill('{"order_id": 42}');
    await publish.getByRole('button', { name: 'Publish event' }).click();
    await grace.getByText('Published custom.order.paid; no endpoint subscribes to it.').waitFor();
    expect(receiver.received.some((r) => r.body.includes('custom.order.paid'))).toBe(false);
  }, 60_000);

  it('renames the workspace in settings and guards deletion with a typed confirmation', async () => {
    await owner.goto(`${workspaceUrl}/settings`);
    await owner.getByLabel('Description').fill('Robots that sort parcels.');
    await owner.getByRole('button', { name: 'Save changes' }).click();
    await owner.getByText('Workspace updated.').waitFor();
    await owner.getByRole('button', { name: 'Delete workspace' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Delete Acme Robotics?' });
    await expect(dialog.getByRole('button', { name: 'Delete workspace' }).isDisabled()).resolves.toBe(true);
    await dialog.getByLabel(/Type acme-robotics to confirm/).fill('acme-robotics');
    await expect(dialog.getByRole('button', { name: 'Delete workspace' }).isEnabled()).resolves.toBe(true);
    await snap(owner, 'settings-delete');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await snap(owner, 'settings');
  }, 60_000);

  it('shows a viewer no write buttons', async () => {
    const link = await invite(people.viewer.email, 'viewer');
    await owner.getByRole('button', { name: 'Done' }).click();
    const alan = await newPage('alan');
    await signUpFromInvitation(alan, link, people.viewer);
    // The endpoint subscribed to member.* and invitation.created: both events of this invitation reach it.
    await expect.poll(() => receiver.received.map((r) => JSON.parse(r.body).type), { timeout: 15_000 }).toEqual(expect.arrayContaining(['invitation.created', 'member.added']));

    const nav = alan.getByRole('navigation', { name: 'Workspace' });
    await nav.getByRole('link', { name: 'Members' }).waitFor();
    // Pages a viewer cannot read are not offered at all.
    for (const hidden of ['Activity', 'Webhooks', 'AI keys']) {
      await expect(nav.getByRole('link', { name: hidden }).count(), hidden).resolves.toBe(0);
    }
    const WRITE = /invite|remove|save|delete|transfer|rotate|resend|revoke|create webhook|add key|send test|enable|disable|retry|recover/i;
    for (const sub of ['members', 'settings']) {
      await alan.goto(`${workspaceUrl}/${sub}`);
      await alan.getByRole('heading', { level: 1 }).waitFor();
      await alan.waitForLoadState('networkidle');
      const buttons = await alan.getByRole('main').getByRole('button').allTextContents();
      expect(buttons.filter((b) => WRITE.test(b)), `write buttons on ${sub}`).toEqual([]);
      await expect(alan.getByRole('main').getByRole('combobox').count(), `role pickers on ${sub}`).resolves.toBe(0);
    }
    await snap(alan, 'viewer-members');

    await owner.goto(`${workspaceUrl}/members`);
    await owner.getByTestId(`member-${people.viewer.email}`).waitFor();
    await snap(owner, 'members');

    // By now the log has a bit of everything: the picture for the docs.
    await owner.goto(`${workspaceUrl}/activity`);
    await owner.getByRole('list', { name: 'Activity log' }).getByText('joined as viewer').waitFor();
    await snap(owner, 'activity', { fullPage: false });
  }, 90_000);

  it('works at phone width', async () => {
    const state = await owner.context().storageState();
    const context = await browser.newContext({ viewport: MOBILE, baseURL: server.url, storageState: state, reducedMotion: 'reduce', isMobile: true, hasTouch: true });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    watch.attach(context, 'owner-mobile');
    const phone = await context.newPage();
    for (const sub of ['members', 'activity', 'webhooks', 'ai-keys', 'api-tokens', 'settings']) {
      await phone.goto(`${workspaceUrl}/${sub}`);
      await phone.getByRole('heading', { level: 1 }).waitFor();
      await phone.waitForLoadState('networkidle');
      // Nothing may overflow sideways at 375 px.
      const overflow = await phone.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow, `horizontal overflow on ${sub}`).toBeLessThanOrEqual(0);
      await snap(phone, sub);
    }
    await phone.getByRole('button', { name: 'Open navigation' }).click();
    await phone.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Members' }).click();
    await phone.waitForURL(/\/members$/);
    await phone.getByRole('button', { name: 'Open navigation' }).click();
    await snap(phone, 'navigation');
    await phone.keyboard.press('Escape');

    // Dialogs fit the screen too.
    await phone.getByRole('button', { name: 'Invite member' }).click();
    const dialog = phone.getByRole('dialog', { name: 'Invite a member' });
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(MOBILE.width);
    await snap(phone, 'invite-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  }, 90_000);

  it('signs out', async () => {
    await owner.goto(`${workspaceUrl}/members`);
    await owner.getByRole('button', { name: 'Sign out' }).click();
    await owner.waitForURL(/\/signin/);
    await owner.goto(`${workspaceUrl}/members`);
    await owner.waitForURL(/\/signin\?next=/);
  }, 30_000);

  it('shows an error state with a retry button when the server cannot be reached', async () => {
    await grace.goto(`${workspaceUrl}/members`);
    await grace.getByTestId(`member-${people.dev.email}`).waitFor();
    // Only this page may see the outage: the other browsers go first.
    for (const c of contexts) if (c !== grace.context()) await c.close();
    await server.stop();
    await watch.expecting(/Failed to load resource|ERR_CONNECTION_REFUSED/, async () => {
      await grace.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Webhooks' }).click();
      // Network failures are retried twice before the page gives up.
      await grace.getByRole('alert').getByText('Could not reach atrium. Check your connection and try again.').waitFor({ timeout: 20_000 });
      await grace.getByRole('button', { name: 'Try again' }).waitFor();
    });
    await snap(grace, 'error-state');
  }, 60_000);
});

