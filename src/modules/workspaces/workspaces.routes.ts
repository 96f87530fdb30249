import { Type } from 'typebox';
import type { AppInstance } from '../../core/http/instance.js';
import { errors, list, NoContent } from '../../core/http/schemas.js';
import { auditContext } from '../identity/audit-context.js';
import { requireAuth, requireSession } from '../identity/request.js';
import type { InvitationsService } from './invitations.service.js';
import type { PermissionsService } from './permissions.service.js';
import * as S from './workspaces.schemas.js';
import { presentGrant, presentInvitation, presentMember, presentWorkspace } from './workspaces.presenters.js';
import type { WorkspacesService } from './workspaces.service.js';

const tags = ['workspaces'];

export interface WorkspaceRouteDeps {
  workspaces: WorkspacesService;
  invitations: InvitationsService;
  permissions: PermissionsService;
}

export function registerWorkspaceRoutes(app: AppInstance, { workspaces, invitations, permissions }: WorkspaceRouteDeps): void {
  workspaceRoutes(app, workspaces);
  memberRoutes(app, workspaces);
  invitationRoutes(app, invitations);
  permissionRoutes(app, permissions);
}

function workspaceRoutes(app: AppInstance, workspaces: WorkspacesService): void {
  app.post('/api/workspaces', {
    config: { sessionOnly: true },
    schema: { tags, summary: 'Create a workspace; the caller becomes its owner', body: S.CreateWorkspaceBody, response: { 201: S.Workspace, ...errors(400, 401, 403, 409) } },
  }, async (request, reply) => {
    const workspace = await workspaces.create(requireSession(request).userId, request.body, auditContext(request));
    return reply.status(201).send(presentWorkspace(workspace));
  });

  app.get('/api/workspaces', {
    schema: { tags, summary: 'Workspaces I am a member of', response: { 200: list(S.Workspace), ...errors(401) } },
  }, async (request) => {
    const rows = await workspaces.list(requireAuth(request));
    return { data: rows.map(presentWorkspace) };
  });

  app.get('/api/workspaces/:id', {
    schema: { tags, summary: 'One workspace', params: S.WorkspaceParams, response: { 200: S.Workspace, ...errors(401, 403, 404) } },
  }, async (request) => presentWorkspace(await workspaces.get(requireAuth(request), request.params.id)));

  app.patch('/api/workspaces/:id', {
    config: { scope: 'workspaces:write' },
    schema: { tags, summary: 'Rename or describe a workspace (admin)', params: S.WorkspaceParams, body: S.UpdateWorkspaceBody, response: { 200: S.Workspace, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => presentWorkspace(await workspaces.update(requireAuth(request), request.params.id, request.body, auditContext(request))));

  app.delete('/api/workspaces/:id', {
    config: { scope: 'workspaces:write' },
    schema: { tags, summary: 'Delete a workspace and everything in it (owner)', params: S.WorkspaceParams, response: { 204: NoContent, ...errors(401, 403, 404) } },
  }, async (request, reply) => {
    await workspaces.delete(requireAuth(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/workspaces/:id/transfer-ownership', {
    config: { scope: 'workspaces:write' },
    schema: { tags, summary: 'Make another member the owner; you stay on as admin', params: S.WorkspaceParams, body: S.TransferBody, response: { 200: list(S.Member), ...errors(400, 401, 403, 404) } },
  }, async (request) => {
    const members = await workspaces.transferOwnership(requireAuth(request), request.params.id, request.body.user_id, auditContext(request));
    return { data: members.map(presentMember) };
  });
}

function memberRoutes(app: AppInstance, workspaces: WorkspacesService): void {
  app.get('/api/workspaces/:id/members', {
    schema: { tags: ['members'], summary: 'Members and their roles', params: S.WorkspaceParams, response: { 200: list(S.Member), ...errors(401, 403, 404) } },
  }, async (request) => {
    const rows = await workspaces.listMembers(requireAuth(request), request.params.id);
    return { data: rows.map(presentMember) };
  });

  app.patch('/api/workspaces/:id/members/:userId', {
    config: { scope: 'members:write' },
    schema: { tags: ['members'], summary: "Change a member's role", params: S.MemberParams, body: S.ChangeRoleBody, response: { 200: S.Member, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => presentMember(await workspaces.changeRole(requireAuth(request), request.params.id, request.params.userId, request.body.role, auditContext(request))));

  app.delete('/api/workspaces/:id/members/:userId', {
    config: { scope: 'members:write' },
    schema: { tags: ['members'], summary: 'Remove a member', params: S.MemberParams, response: { 204: NoContent, ...errors(401, 403, 404, 409) } },
  }, async (request, reply) => {
    await workspaces.removeMember(requireAuth(request), request.params.id, request.params.userId, auditContext(request));
    return reply.status(204).send(null);
  });

  app.post('/api/workspaces/:id/leave', {
    config: { scope: 'members:write' },
    schema: { tags: ['members'], summary: 'Leave a workspace', params: S.WorkspaceParams, response: { 204: NoContent, ...errors(401, 404, 409) } },
  }, async (request, reply) => {
    await workspaces.leave(requireAuth(request), request.params.id, auditContext(request));
    return reply.status(204).send(null);
  });
}

function invitationRoutes(app: AppInstance, invitations: InvitationsService): void {
  const withLink = (result: { invitation: Parameters<typeof presentInvitation>[0]; token: string }) => ({
    ...presentInvitation(result.invitation),
    token: result.token,
    url: invitations.link(result.token),
  });

  app.post('/api/workspaces/:id/invitations', {
    config: { scope: 'members:write' },
    schema: { tags: ['invitations'], summary: 'Invite someone by e-mail (token shown once)', params: S.WorkspaceParams, body: S.CreateInvitationBody, response: { 201: S.InvitationWithToken, ...errors(400, 401, 403, 404, 409) } },
  }, async (request, reply) => {
    const result = await invitations.create(requireAuth(request), request.params.id, request.body, auditContext(request));
    return reply.status(201).send(withLink(result));
  });

  app.get('/api/workspaces/:id/invitations', {
    schema: {
      tags: ['invitations'],
      summary: 'Invitations of a workspace',
      params: S.WorkspaceParams,
      querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('all')], { default: 'pending' })) }),
      response: { 200: list(S.Invitation), ...errors(400, 401, 403, 404) },
    },
  }, async (request) => {
    const rows = await invitations.list(requireAuth(request), request.params.id, request.query.status ?? 'pending');
    return { data: rows.map((r) => presentInvitation(r)) };
  });

  app.delete('/api/workspaces/:id/invitations/:invitationId', {
    config: { scope: 'members:write' },
    schema: { tags: ['invitations'], summary: 'Revoke a pending invitation', params: S.InvitationParams, response: { 200: S.Invitation, ...errors(401, 403, 404, 409) } },
  }, async (request) => presentInvitation(await invitations.revoke(requireAuth(request), request.params.id, request.params.invitationId, auditContext(request))));

  app.post('/api/workspaces/:id/invitations/:invitationId/resend', {
    config: { scope: 'members:write' },
    schema: { tags: ['invitations'], summary: 'Issue a fresh link and expiry (the old link stops working)', params: S.InvitationParams, response: { 200: S.InvitationWithToken, ...errors(401, 403, 404, 409) } },
  }, async (request) => withLink(await invitations.resend(requireAuth(request), request.params.id, request.params.invitationId, auditContext(request))));

  app.get('/api/invitations/:token', {
    config: { public: true },
    schema: { tags: ['invitations'], summary: 'What an invitation is for (no sign-in needed)', params: S.TokenParams, response: { 200: S.InvitationPreview, ...errors(404) } },
  }, async (request) => {
    const { invitation, workspace, inviterName } = await invitations.preview(request.params.token);
    const presented = presentInvitation(invitation);
    return {
      workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug },
      email: presented.email,
      role: presented.role,
      status: presented.status,
      invited_by_name: inviterName,
      expires_at: presented.expires_at,
    };
  });

  app.post('/api/invitations/:token/accept', {
    config: { sessionOnly: true },
    schema: { tags: ['invitations'], summary: 'Accept an invitation as the signed-in user', params: S.TokenParams, response: { 200: S.Workspace, ...errors(401, 403, 404, 409, 410) } },
  }, async (request) => presentWorkspace(await invitations.accept(requireSession(request), request.params.token, auditContext(request))));
}

function permissionRoutes(app: AppInstance, permissions: PermissionsService): void {
  app.get('/api/workspaces/:id/permissions', {
    schema: { tags: ['permissions'], summary: 'Per-resource grants', params: S.WorkspaceParams, querystring: S.GrantQuery, response: { 200: list(S.Grant), ...errors(400, 401, 403, 404) } },
  }, async (request) => {
    const q = request.query;
    const rows = await permissions.list(requireAuth(request), request.params.id, { resourceType: q.resource_type, resourceId: q.resource_id, userId: q.user_id });
    return { data: rows.map(presentGrant) };
  });

  app.get('/api/workspaces/:id/permissions/mine', {
    schema: { tags: ['permissions'], summary: "The caller's own grant on one resource (any member)", params: S.WorkspaceParams, querystring: S.MyGrantQuery, response: { 200: S.MyGrant, ...errors(400, 401, 404) } },
  }, async (request) => ({
    permission: await permissions.mine(requireAuth(request), request.params.id, request.query.resource_type, request.query.resource_id),
  }));

  app.post('/api/workspaces/:id/permissions', {
    config: { scope: 'members:write' },
    schema: { tags: ['permissions'], summary: 'Grant a member read, write or admin on one resource (replaces an existing grant)', params: S.WorkspaceParams, body: S.GrantBody, response: { 200: S.Grant, 201: S.Grant, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    const { grant, created } = await permissions.grant(requireAuth(request), request.params.id, request.body, auditContext(request));
    return reply.status(created ? 201 : 200).send(presentGrant(grant));
  });

  app.delete('/api/workspaces/:id/permissions/:grantId', {
    config: { scope: 'members:write' },
    schema: { tags: ['permissions'], summary: 'Revoke a grant', params: S.GrantParams, response: { 204: NoContent, ...errors(401, 403, 404) } },
  }, async (request, reply) => {
    await permissions.revoke(requireAuth(request), request.params.id, request.params.grantId, auditContext(request));
    return reply.status(204).send(null);
  });
}
