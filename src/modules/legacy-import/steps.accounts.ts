import { hashToken, isBcryptHash } from '../../core/crypto.js';
import { newIdAt } from '../../core/ids.js';
import { normalizeEmail } from '../identity/users.js';
import type { Role } from '../policy/policy.js';
import { mapped, type ImportContext, type Plan, type Step } from './importer.js';
import { SLUG, slugify } from '../workspaces/slug.js';
import { mapRole } from './mapping.js';
import { idText, toBool, toText, toTime, type Row, type SourceDb } from './source.js';

/** Users, workspaces, members and invitations (models: database.py User, models/workspace.py). */

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const clip = (text: string, max: number) => (text.length > max ? text.slice(0, max) : text);

async function planUser(row: Row, ctx: ImportContext): Promise<Plan> {
  const email = normalizeEmail(toText(row.email) ?? '');
  if (!EMAIL.test(email)) return { skip: 'no valid e-mail address' };
  if (row.is_active != null && !toBool(row.is_active)) return { skip: 'the account is deactivated in the original' };
  const hash = toText(row.hashed_password) ?? '';
  // Only bcrypt (passlib's scheme there) can be verified at sign-in; anything else would lock the user out.
  if (!isBcryptHash(hash)) return { skip: 'the password hash is not bcrypt, so the password could not be verified' };
  if (ctx.taken.emails.has(email) || (await ctx.repo.emailTaken(email))) {
    return { skip: 'an atrium account with this e-mail already exists (it was not merged: sign in to it and be invited again)' };
  }
  ctx.taken.emails.add(email);
  const createdAt = toTime(row.created_at) ?? ctx.now;
  const name = clip((toText(row.full_name) || toText(row.username) || email.split('@')[0]).trim(), 100) || email.split('@')[0];
  const user = { id: newIdAt('usr', createdAt), email, name, password_hash: hash, created_at: createdAt, updated_at: ctx.now };
  return { target: user.id, write: (repo) => repo.insertUser(user) };
}

async function pickSlug(row: Row, name: string, ctx: ImportContext): Promise<{ slug: string; note?: string }> {
  const original = toText(row.slug)?.trim().toLowerCase() ?? '';
  const free = async (slug: string) => !ctx.taken.slugs.has(slug) && !(await ctx.repo.slugTaken(slug));
  if (SLUG.test(original) && (await free(original))) return { slug: original };
  let slug = slugify(original || name);
  for (let n = 2; !(await free(slug)); n += 1) slug = `${slugify(original || name).slice(0, 44)}-${n}`;
  return { slug, note: original ? `slug "${original}" was taken or invalid in atrium; it is now "${slug}"` : `no slug in the original; it is now "${slug}"` };
}

async function planWorkspace(row: Row, ctx: ImportContext): Promise<Plan> {
  const name = clip(toText(row.name)?.trim() ?? '', 100);
  if (!name) return { skip: 'the workspace has no name' };
  const notes: string[] = [];
  const { slug, note } = await pickSlug(row, name, ctx);
  ctx.taken.slugs.add(slug);
  if (note) notes.push(note);
  let description = toText(row.description);
  if (description && description.length > 1000) {
    description = description.slice(0, 1000);
    notes.push('description cut to 1000 characters');
  }
  if (row.is_active != null && !toBool(row.is_active)) notes.push('inactive in the original; atrium has no inactive workspaces, so it is active');
  const createdAt = toTime(row.created_at) ?? ctx.now;
  const workspace = {
    id: newIdAt('ws', createdAt),
    name,
    slug,
    description,
    created_by: mapped(ctx, 'users', row.created_by) ?? null,
    created_at: createdAt,
    updated_at: toTime(row.updated_at) ?? createdAt,
  };
  return { target: workspace.id, write: (repo) => repo.insertWorkspace(workspace), notes };
}

/** Members of an atrium workspace: those in the database and those this run is importing. */
async function membersOf(ctx: ImportContext, workspaceId: string) {
  const stored = await ctx.repo.members(workspaceId);
  const pending = ctx.members.get(workspaceId) ?? [];
  return [...stored.filter((m) => !pending.some((p) => p.user_id === m.user_id)), ...pending];
}

async function planMember(row: Row, ctx: ImportContext): Promise<Plan> {
  const workspaceId = mapped(ctx, 'workspaces', row.workspace_id);
  if (!workspaceId) return { skip: `workspace #${idText(row.workspace_id)} was not imported` };
  const userId = mapped(ctx, 'users', row.user_id);
  if (!userId) return { skip: `user #${idText(row.user_id)} was not imported` };
  const notes: string[] = [];
  const mappedRole = mapRole(row.role);
  let role = mappedRole.role;
  if (mappedRole.note) notes.push(mappedRole.note);
  // atrium has exactly one owner per workspace: a second one becomes an admin.
  if (role === 'owner' && (await membersOf(ctx, workspaceId)).some((m) => m.role === 'owner')) {
    role = 'admin';
    notes.push('a second owner in the original; atrium has one owner per workspace, so this member is an admin');
  }
  const member = {
    workspace_id: workspaceId,
    user_id: userId,
    role,
    invited_by: mapped(ctx, 'users', row.invited_by) ?? null,
    joined_at: toTime(row.joined_at) ?? ctx.now,
  };
  const list = ctx.members.get(workspaceId) ?? [];
  list.push(member);
  ctx.members.set(workspaceId, list);
  return { target: `${workspaceId}:${userId}`, write: (repo) => repo.insertMember(member), notes };
}

async function* allMembers(source: SourceDb, batchSize: number): AsyncIterable<Row[]> {
  const rows = await source.all('workspace_members', ['workspace_id', 'user_id']);
  for (let i = 0; i < rows.length; i += batchSize) yield rows.slice(i, i + batchSize);
}

const RANK: Role[] = ['owner', 'admin', 'developer', 'viewer'];

/**
 * Every imported workspace gets its owner: the original allowed a workspace
 * without one: its highest-ranked, longest-standing member is promoted.
 */
async function ensureOwners(ctx: ImportContext): Promise<void> {
  const sources = new Map([...(ctx.ids.get('workspaces') ?? new Map<string, string>())].map(([source, target]) => [target, source]));
  for (const [workspaceId, sourceId] of sources) {
    const members = await membersOf(ctx, workspaceId);
    if (members.some((m) => m.role === 'owner')) continue;
    if (members.length === 0) {
      ctx.report.note('workspaces', sourceId, 'no member was imported: nobody can open it until one is added (e.g. by importing its members again)');
      continue;
    }
    const sorted = [...members].sort((a, b) => RANK.indexOf(a.role) - RANK.indexOf(b.role) || a.joined_at - b.joined_at);
    const owner = sorted[0];
    owner.role = 'owner';
    ctx.report.note('workspaces', sourceId, 'no owner among its members in the original; its highest-ranked, longest-standing member is now the owner');
    if (!ctx.dryRun) await ctx.repo.setRole(workspaceId, owner.user_id, 'owner');
    if (!ctx.members.get(workspaceId)?.includes(owner)) ctx.members.set(workspaceId, [...(ctx.members.get(workspaceId) ?? []), owner]);
  }
}

async function planInvitation(row: Row, ctx: ImportContext): Promise<Plan> {
  if (toBool(row.is_accepted) || row.accepted_at != null) return { skip: 'already accepted in the original' };
  if (toBool(row.is_expired)) return { skip: 'revoked or expired in the original' };
  const expiresAt = toTime(row.expires_at);
  if (expiresAt === null || expiresAt <= ctx.now) return { skip: 'expired' };
  const workspaceId = mapped(ctx, 'workspaces', row.workspace_id);
  if (!workspaceId) return { skip: `workspace #${idText(row.workspace_id)} was not imported` };
  const email = normalizeEmail(toText(row.email) ?? '');
  const token = toText(row.token);
  if (!EMAIL.test(email) || !token) return { skip: 'no valid e-mail address or link token' };
  // The link's token is stored as atrium stores its own: its SHA-256, so `/invitations/<token>` keeps working.
  const tokenHash = hashToken(token);
  const duplicate = ctx.taken.invitations.has(`${workspaceId}:${email}`) || (await ctx.repo.pendingInvitationFor(workspaceId, email, ctx.now));
  if (duplicate || (await ctx.repo.invitationTaken(tokenHash))) return { skip: 'a pending invitation for this e-mail already exists in the workspace' };
  ctx.taken.invitations.add(`${workspaceId}:${email}`);
  const notes: string[] = [];
  const mappedRole = mapRole(row.role);
  let role = mappedRole.role;
  if (mappedRole.note) notes.push(mappedRole.note);
  if (role === 'owner') {
    role = 'admin';
    notes.push('an invitation as owner; atrium invites at most as admin (ownership is transferred)');
  }
  const createdAt = toTime(row.created_at) ?? ctx.now;
  const invitation = {
    id: newIdAt('inv', createdAt),
    workspace_id: workspaceId,
    email,
    role,
    token_hash: tokenHash,
    invited_by: mapped(ctx, 'users', row.invited_by) ?? null,
    created_at: createdAt,
    expires_at: expiresAt,
    last_sent_at: createdAt,
    send_count: 1,
    accepted_at: null,
    accepted_by: null,
    revoked_at: null,
  };
  return { target: invitation.id, write: (repo) => repo.insertInvitation(invitation), notes };
}

export const accountSteps: Step[] = [
  { table: 'users', plan: planUser },
  { table: 'workspaces', plan: planWorkspace },
  {
    table: 'workspace_members',
    pages: allMembers,
    sourceId: (row) => `${idText(row.workspace_id)}:${idText(row.user_id)}`,
    plan: planMember,
    after: ensureOwners,
  },
  { table: 'workspace_invitations', plan: planInvitation },
];
