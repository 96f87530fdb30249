/**
 * The console asks the same pure policy the server enforces (imported from
 * src/modules/policy/policy.ts), so a button is shown exactly when the API
 * would accept the click. The server still decides; this only hides dead ends.
 */
export { can, canAssignRole, canManageMember, isAtLeast, ROLES, SCOPES, type Action, type Role } from '../../../modules/policy/policy';

export const ROLE_DESCRIPTIONS: Record<string, string> = {
  owner: 'Full control, including deleting the workspace and transferring ownership.',
  admin: 'Manages members, invitations, settings, webhooks and AI keys.',
  developer: 'Reads webhooks and AI keys, publishes events and calls models.',
  viewer: 'Read-only access to the workspace and its members.',
};
