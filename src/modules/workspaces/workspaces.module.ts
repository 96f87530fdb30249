import type { Config } from '../../core/config.js';
import type { Db, Dialect } from '../../core/db/database.js';
import type { AtriumModule } from '../../core/module.js';
import type { AuditLog } from '../activity/audit.js';
import type { UserDirectory } from '../identity/users.js';
import { WorkspaceAccess } from './access.js';
import { InvitationsService } from './invitations.service.js';
import { PermissionsService } from './permissions.service.js';
import { ResourceTypes } from './resource-types.js';
import { WorkspacesRepository } from './workspaces.repository.js';
import { registerWorkspaceRoutes } from './workspaces.routes.js';
import { WorkspacesService } from './workspaces.service.js';

export interface WorkspacesModule extends AtriumModule {
  /** Member and role checks through the policy; every module asks it before touching a workspace's data. */
  access: WorkspaceAccess;
  /** Resource types that take grants: the composition root registers each module's `resourceTypes` here. */
  resourceRegistry: ResourceTypes;
  workspaces: WorkspacesService;
  invitations: InvitationsService;
  permissions: PermissionsService;
}

/**
 * The member check needs only this module's repository, and the activity
 * module (below this one) takes it to guard its reads, so it is built first,
 * on its own, and handed to `createWorkspacesModule`.
 */
export function createWorkspaceAccess(db: Db, dialect: Dialect): WorkspaceAccess {
  return new WorkspaceAccess(new WorkspacesRepository(db, dialect));
}

export function createWorkspacesModule(deps: {
  db: Db;
  dialect: Dialect;
  config: Config;
  access: WorkspaceAccess;
  audit: AuditLog;
  /** Who has signed up (the auth module owns the table). */
  users: UserDirectory;
}): WorkspacesModule {
  const { db, access, audit } = deps;
  const repo = new WorkspacesRepository(db, deps.dialect);
  const resourceRegistry = new ResourceTypes();
  const workspaces = new WorkspacesService(db, repo, access, audit);
  const invitations = new InvitationsService(db, repo, deps.users, access, audit, deps.config);
  const permissions = new PermissionsService(db, repo, access, audit, resourceRegistry);
  return {
    name: 'workspaces',
    access,
    resourceRegistry,
    workspaces,
    invitations,
    permissions,
    routes: (app) => registerWorkspaceRoutes(app, { workspaces, invitations, permissions }),
  };
}
