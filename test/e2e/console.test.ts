/**
 * The web console end to end: a real atrium server (its own process, fresh
 * SQLite), the production UI build, and Debian's Chromium driven by
 * playwright-core. Fails on any browser console error.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ConsoleWatch, DESKTOP, hasChromium, launch, MOBILE, SCREENSHOT_DIR, snap } from './support/browser.js';
import { ensureWebBuild } from './support/build.js';
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
  let workspaceUrl = '';
  const people = {
    owner: { name: 'Ada Lovelace', email: 'ada@acme.test' },
    dev: { name: 'Grace Hopper', email: 'grace@acme.test' },
    viewer: { name: 'Alan Turing', email: 'alan@acme.test' },
  };

  async function newPage(label: string, viewport = DESKTOP): Promise<Page> {
    const context = await browser.newContext({ viewport, baseURL: server.url, reducedMotion: 'reduce' });
    contexts.push(context);
    watch.attach(context, label);
    return context.newPage();
  }

  async function signUpFromInvitation(page: Page, link: string, person: { name: string; email: string }) {
    await page.goto(link);
    await page.getByRole('heading', { name: /Join Acme Robotics/ }).waitFor();
    await page.getByRole('link', { name: 'Create an account to accept' }).click();
    await expect(page.getByLabel('Work e-mail').inputValue()).resolves.toBe(person.email);
    await page.getByLabel('Your name').fill(person.name);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    // Back on the invitation, now signed in.
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await page.waitForURL(/\/w\/acme-robotics\//);
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
    server = await startAtrium();
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

    const grace = await newPage('grace');
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
    await snap(owner, 'members');

    await owner.getByRole('link', { name: /Invitations/ }).click();
    await owner.getByTestId(`invitation-${people.dev.email}`).getByText('Accepted').waitFor();
  }, 90_000);

  it('shows the activity log with filters', async () => {
    await owner.goto(`${workspaceUrl}/activity`);
    const log = owner.getByRole('list', { name: 'Activity log' });
    await log.getByText('accepted an invitation').waitFor();
    await log.getByText(/invited grace@acme.test as developer/).waitFor();
    await snap(owner, 'activity');
    await owner.getByLabel('Action').selectOption('member.*');
    await owner.waitForURL(/action=member/);
    await log.getByText(/changed the role of/).first().waitFor();
    await expect(log.getByText(/invited grace/).count()).resolves.toBe(0);
    await owner.getByRole('button', { name: 'Clear' }).click();
    await log.getByText(/invited grace/).waitFor();
  }, 60_000);

  it('creates an API token that is shown once, then lists it', async () => {
    await owner.goto(`${workspaceUrl}/api-tokens`);
    await owner.getByText('No API tokens').waitFor();
    await owner.getByRole('button', { name: 'Create token' }).first().click();
    const dialog = owner.getByRole('dialog', { name: 'Create API token' });
    await dialog.getByLabel('Name').fill('CI deploy');
    await dialog.getByRole('button', { name: 'All' }).click();
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const created = owner.getByRole('dialog', { name: 'Token created' });
    const token = await created.getByLabel('API token').textContent();
    expect(token).toMatch(/^atr_/);
    await snap(owner, 'token-created');
    await created.getByRole('button', { name: 'Done' }).click();
    await owner.getByTestId('token-CI deploy').waitFor();
    await snap(owner, 'api-tokens');
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
  }, 90_000);

  it('works at phone width', async () => {
    const state = await owner.context().storageState();
    const context = await browser.newContext({ viewport: MOBILE, baseURL: server.url, storageState: state, reducedMotion: 'reduce', isMobile: true, hasTouch: true });
    contexts.push(context);
    watch.attach(context, 'owner-mobile');
    const phone = await context.newPage();
    for (const sub of ['members', 'activity', 'api-tokens', 'settings']) {
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
  }, 90_000);

  it('signs out', async () => {
    await owner.goto(`${workspaceUrl}/members`);
    await owner.getByRole('button', { name: 'Sign out' }).click();
    await owner.waitForURL(/\/signin/);
    await owner.goto(`${workspaceUrl}/members`);
    await owner.waitForURL(/\/signin\?next=/);
  }, 30_000);
});

