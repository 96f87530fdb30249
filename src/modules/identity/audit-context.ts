import type { FastifyRequest } from 'fastify';

/** Who made a change, from where: copied onto every activity row. */
export interface AuditContext {
  actorType: 'user' | 'token' | 'system';
  actorId: string | null;
  /** The API token used, if any. */
  tokenId?: string;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export function auditContext(request: FastifyRequest): AuditContext {
  const p = request.principal;
  return {
    actorType: p?.kind === 'token' ? 'token' : p ? 'user' : 'system',
    actorId: p?.userId ?? null,
    tokenId: p?.kind === 'token' ? p.tokenId : undefined,
    requestId: request.id,
    ip: request.ip ?? null,
    userAgent: request.headers['user-agent']?.slice(0, 512) ?? null,
  };
}

export const SYSTEM_CONTEXT: AuditContext = { actorType: 'system', actorId: null, requestId: null, ip: null, userAgent: null };
