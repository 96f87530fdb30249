import type { ReactNode } from 'react';
import type { ActivityEntry } from '../../api/types';

const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : JSON.stringify(v));
const B = ({ children }: { children: ReactNode }) => <strong>{children}</strong>;

/** One readable sentence per action; unknown actions (new features) still read sensibly. */
const TEMPLATES: Record<string, (a: ActivityEntry, target: ReactNode) => ReactNode> = {
  'workspace.created': () => <>created the workspace</>,
  'workspace.updated': (a) => <>updated workspace settings{changed(a)}</>,
  'workspace.ownership_transferred': (_, t) => <>transferred ownership to {t}</>,
  'member.added': (a, t) => (a.actor.id && a.actor.id === a.resource.id ? <>joined as {str(a.details.role)}</> : <>added {t} as {str(a.details.role)}</>),
  'member.role_changed': (a, t) => <>changed the role of {t} from {str(a.details.from)} to <B>{str(a.details.to)}</B></>,
  'member.removed': (_, t) => <>removed {t}</>,
  'member.left': () => <>left the workspace</>,
  'invitation.created': (a, t) => <>invited {t} as {str(a.details.role)}</>,
  'invitation.resent': (_, t) => <>resent the invitation to {t}</>,
  'invitation.revoked': (_, t) => <>revoked the invitation to {t}</>,
  'invitation.accepted': () => <>accepted an invitation</>,
  'api_token.created': (_, t) => <>created API token {t}</>,
  'api_token.revoked': (_, t) => <>revoked API token {t}</>,
  'permission.granted': (a, t) => <>granted <B>{str(a.details.permission)}</B> on {t}</>,
  'permission.revoked': (_, t) => <>revoked a permission on {t}</>,
  'webhook.created': (_, t) => <>created webhook {t}</>,
  'webhook.updated': (_, t) => <>updated webhook {t}</>,
  'webhook.deleted': (_, t) => <>deleted webhook {t}</>,
  'webhook.secret_rotated': (_, t) => <>rotated the signing secret of {t}</>,
  'webhook.disabled': (a, t) => <>webhook {t} was disabled{a.details.reason ? ` (${str(a.details.reason)})` : ''}</>,
  'webhook.enabled': (_, t) => <>enabled webhook {t}</>,
  'ai_key.created': (_, t) => <>added AI key {t}</>,
  'ai_key.updated': (_, t) => <>updated AI key {t}</>,
  'ai_key.deleted': (_, t) => <>deleted AI key {t}</>,
  'ai_key.rotated': (_, t) => <>rotated AI key {t}</>,
  'ai_route.created': (_, t) => <>created AI route {t}</>,
  'ai_route.updated': (_, t) => <>updated AI route {t}</>,
  'ai_route.deleted': (_, t) => <>deleted AI route {t}</>,
};

function changed(a: ActivityEntry): ReactNode {
  const changes = a.details.changes;
  if (!changes || typeof changes !== 'object') return null;
  const names = Object.keys(changes);
  return names.length ? <> ({names.join(', ')})</> : null;
}

export function describe(a: ActivityEntry): ReactNode {
  const target = a.resource.name ? <B>{a.resource.name}</B> : a.resource.id ? <code className="code-inline">{a.resource.id}</code> : <>a {a.resource.type}</>;
  const template = TEMPLATES[a.action];
  if (template) return template(a, target);
  const [, verb = a.action] = a.action.split('.');
  return (
    <>
      {verb.replace(/_/g, ' ')} {a.resource.type.replace(/_/g, ' ')} {target}
    </>
  );
}

export const ACTION_GROUPS = [
  { value: '', label: 'All actions' },
  { value: 'workspace.*', label: 'Workspace' },
  { value: 'member.*', label: 'Members' },
  { value: 'invitation.*', label: 'Invitations' },
  { value: 'api_token.*', label: 'API tokens' },
  { value: 'permission.*', label: 'Permissions' },
  { value: 'webhook.*', label: 'Webhooks' },
  { value: 'ai_key.*', label: 'AI keys' },
  { value: 'ai_route.*', label: 'AI routes' },
];

export const RESOURCE_TYPES = [
  { value: '', label: 'All resources' },
  { value: 'workspace', label: 'Workspace' },
  { value: 'member', label: 'Member' },
  { value: 'invitation', label: 'Invitation' },
  { value: 'api_token', label: 'API token' },
  { value: 'webhook', label: 'Webhook' },
  { value: 'ai_key', label: 'AI key' },
  { value: 'ai_route', label: 'AI route' },
];
