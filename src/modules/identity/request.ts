import type { FastifyRequest } from 'fastify';
import { Errors } from '../../core/errors.js';
import type { Scope } from '../policy/policy.js';
import type { Principal } from './principal.js';

// What every route may read about its caller and declare about itself. The auth
// module's hook fills `principal` and enforces the route config; any module's
// routes read them through the helpers below, without depending on auth.
declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (register, login, health, invitation preview…). */
    public?: boolean;
    /**
     * The write scope an API token needs to call this state-changing route,
     * checked before anything else runs; the service's policy check then
     * decides on the member's role and grants as for any caller.
     */
    scope?: Scope;
    /** Only a signed-in user may call this (account-level: tokens, creating workspaces, accepting invitations). */
    sessionOnly?: boolean;
  }
}

export function requireAuth(request: FastifyRequest): Principal {
  if (!request.principal) throw Errors.unauthenticated();
  return request.principal;
}

/** Account-level actions (creating workspaces, managing tokens) need a signed-in user, not a token. */
export function requireSession(request: FastifyRequest): Extract<Principal, { kind: 'session' }> {
  const principal = requireAuth(request);
  if (principal.kind !== 'session') throw Errors.forbidden('API tokens cannot do this; sign in as a user');
  return principal;
}
