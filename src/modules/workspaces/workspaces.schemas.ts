import { Type } from 'typebox';
import { SLUG_PATTERN } from './slug.js';
import { IsoTime, Nullable } from '../../core/http/schemas.js';
import { GRANT_PERMISSIONS, ROLES } from '../policy/policy.js';

const RoleSchema = Type.Enum(ROLES);
const GrantPermissionSchema = Type.Enum(GRANT_PERMISSIONS);
const Slug = Type.String({ pattern: SLUG_PATTERN, description: 'lower-case letters, digits and dashes' });
const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });

export const WorkspaceParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export const Workspace = Type.Object({
  id: Type.String(),
  name: Type.String(),
  slug: Type.String(),
  description: Nullable(Type.String()),
  role: RoleSchema,
  created_at: IsoTime,
  updated_at: IsoTime,
});

export const CreateWorkspaceBody = Type.Object({
  name: Name,
  slug: Type.Optional(Slug),
  description: Type.Optional(Type.String({ maxLength: 1000 })),
});

export const UpdateWorkspaceBody = Type.Object(
  {
    name: Type.Optional(Name),
    slug: Type.Optional(Slug),
    description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { minProperties: 1 },
);

export const Member = Type.Object({
  user_id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  invited_by: Nullable(Type.String()),
  joined_at: IsoTime,
});

export const MemberParams = Type.Object({ id: Type.String({ maxLength: 64 }), userId: Type.String({ maxLength: 64 }) });
export const ChangeRoleBody = Type.Object({ role: RoleSchema });
export const TransferBody = Type.Object({ user_id: Type.String({ minLength: 1, maxLength: 64 }) });

export const Invitation = Type.Object({
  id: Type.String(),
  workspace_id: Type.String(),
  email: Type.String(),
  role: RoleSchema,
  status: Type.Union([Type.Literal('pending'), Type.Literal('accepted'), Type.Literal('revoked'), Type.Literal('expired')]),
  invited_by: Nullable(Type.String()),
  created_at: IsoTime,
  expires_at: IsoTime,
  last_sent_at: IsoTime,
  send_count: Type.Integer(),
  accepted_at: Nullable(IsoTime),
  revoked_at: Nullable(IsoTime),
});

export const InvitationWithToken = Type.Intersect([
  Invitation,
  Type.Object({
    token: Type.String({ description: 'Single-use; shown once' }),
    url: Type.String({ description: 'Link to the accept page' }),
  }),
]);

export const CreateInvitationBody = Type.Object({
  email: Type.String({ format: 'email', maxLength: 254 }),
  role: RoleSchema,
});

export const InvitationParams = Type.Object({ id: Type.String({ maxLength: 64 }), invitationId: Type.String({ maxLength: 64 }) });
export const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 128 }) });

export const InvitationPreview = Type.Object({
  workspace: Type.Object({ id: Type.String(), name: Type.String(), slug: Type.String() }),
  email: Type.String(),
  role: RoleSchema,
  status: Invitation.properties.status,
  invited_by_name: Nullable(Type.String()),
  expires_at: IsoTime,
});

export const Grant = Type.Object({
  id: Type.String(),
  workspace_id: Type.String(),
  resource_type: Type.String(),
  resource_id: Type.String(),
  user_id: Type.String(),
  permission: GrantPermissionSchema,
  granted_by: Nullable(Type.String()),
  created_at: IsoTime,
  updated_at: IsoTime,
});

export const GrantBody = Type.Object({
  resource_type: Type.String({ minLength: 1, maxLength: 32 }),
  resource_id: Type.String({ minLength: 1, maxLength: 64 }),
  user_id: Type.String({ minLength: 1, maxLength: 64 }),
  permission: GrantPermissionSchema,
});

export const GrantQuery = Type.Object({
  resource_type: Type.Optional(Type.String({ maxLength: 32 })),
  resource_id: Type.Optional(Type.String({ maxLength: 64 })),
  user_id: Type.Optional(Type.String({ maxLength: 64 })),
});

export const MyGrantQuery = Type.Object({
  resource_type: Type.String({ minLength: 1, maxLength: 32 }),
  resource_id: Type.String({ minLength: 1, maxLength: 64 }),
});
export const MyGrant = Type.Object({
  // The caller's grant on the resource, on top of their role; null when none.
  permission: Nullable(GrantPermissionSchema),
});

export const GrantParams = Type.Object({ id: Type.String({ maxLength: 64 }), grantId: Type.String({ maxLength: 64 }) });
