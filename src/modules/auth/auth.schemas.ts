import { Type } from 'typebox';
import { IsoTime, Nullable } from '../../core/http/schemas.js';
import { SCOPES } from '../policy/policy.js';

const Email = Type.String({ format: 'email', maxLength: 254 });
const Password = Type.String({ minLength: 8, maxLength: 256, description: 'At least 8 characters' });

export const User = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  created_at: IsoTime,
});

export const RegisterBody = Type.Object({
  email: Email,
  password: Password,
  name: Type.String({ minLength: 1, maxLength: 100 }),
});

export const LoginBody = Type.Object({
  email: Email,
  password: Type.String({ minLength: 1, maxLength: 256 }),
});

export const SessionResponse = Type.Object({
  user: User,
  token: Type.String({ description: 'Session token for `Authorization: Bearer`; also set as an HttpOnly cookie' }),
});

const Scope = Type.Enum(SCOPES);

export const ApiToken = Type.Object({
  id: Type.String(),
  name: Type.String(),
  workspace_id: Type.String(),
  token_prefix: Type.String({ description: 'First characters of the token, to recognise it' }),
  scopes: Type.Array(Type.String()),
  created_at: IsoTime,
  expires_at: Nullable(IsoTime),
  last_used_at: Nullable(IsoTime),
});

export const CreateApiTokenBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  workspace_id: Type.String({ minLength: 1, maxLength: 64 }),
  scopes: Type.Array(Scope, { minItems: 1, uniqueItems: true }),
  expires_in_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
});

export const CreatedApiToken = Type.Intersect([
  ApiToken,
  Type.Object({ token: Type.String({ description: 'Shown once; store it now' }) }),
]);
