import { isUniqueViolation, type Db } from '../../core/db/database.js';
import { fromJson, toJson } from '../../core/db/json.js';
import { AppError, Errors } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { toIso } from '../../core/time.js';
import type { AuditLog } from '../activity/audit.js';
import { KeyCache } from '../ai-keys/key-cache.js';
import type { AuditContext } from '../identity/audit-context.js';
import type { Principal } from '../identity/principal.js';
import type { WorkspaceAccess } from '../workspaces/access.js';
import type { AiRoutesRepository } from './ai-routes.repository.js';
import type { CreateAiRouteInput, UpdateAiRouteInput } from './ai-routes.schemas.js';
import type { AiRoutesTable } from './ai-routes.tables.js';
import type { GatewayKeySource } from './key-source.js';

export interface RouteTarget {
  key_id: string;
  model: string;
  weight: number;
}

/** A route as the gateway uses it. */
export interface GatewayRoute {
  id: string;
  workspaceId: string;
  name: string;
  strategy: 'fallback' | 'weighted';
  targets: RouteTarget[];
  maxRetries: number;
  backoffMs: number;
  breaker: { failures: number; cooldownMs: number };
  createdAt: number;
}

/** Defaults of the settings a route may leave out (ADR 0008). */
const ROUTE_DEFAULTS = { strategy: 'fallback', max_retries: 1, backoff_ms: 200, breaker_failures: 5, breaker_cooldown_seconds: 30 } as const;

const field = (name: string, message: string) => Errors.validation(`${name} ${message}`, [{ field: name, location: 'body', message }]);
const routeNotFound = () => Errors.notFound('AI route');

function presentAiRoute(row: AiRoutesTable) {
  return {
    id: row.id,
    workspace_id: row.workspace_id,
    name: row.name,
    strategy: row.strategy as GatewayRoute['strategy'],
    targets: fromJson<RouteTarget[]>(row.targets, []),
    max_retries: row.max_retries,
    backoff_ms: row.backoff_ms,
    breaker_failures: row.breaker_failures,
    breaker_cooldown_seconds: row.breaker_cooldown_seconds,
    created_by: row.created_by,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  };
}

function toGatewayRoute(row: AiRoutesTable): GatewayRoute {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    strategy: row.strategy === 'weighted' ? 'weighted' : 'fallback',
    targets: fromJson<RouteTarget[]>(row.targets, []),
    maxRetries: row.max_retries,
    backoffMs: row.backoff_ms,
    breaker: { failures: row.breaker_failures, cooldownMs: row.breaker_cooldown_seconds * 1000 },
    createdAt: row.created_at,
  };
}

function mapNameTaken(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError('route_name_taken', 'This workspace already has a route with this name', { field: 'name' });
  throw error;
}

/**
 * Gateway routes: CRUD (admin/owner write with `ai_keys:write`; developers
 * and above read) and the lookup the gateway makes when `model` names a
 * route, cached a few seconds per process like the keys themselves.
 */
export class AiRoutesService {
  private readonly cache = new KeyCache<GatewayRoute>(5_000, 1_000);

  constructor(
    private readonly deps: { db: Db; repo: AiRoutesRepository; access: WorkspaceAccess; audit: AuditLog; keys: Pick<GatewayKeySource, 'list'> },
  ) {}

  /** The route named `name` in the workspace, or undefined. No access check: each target's key is checked when used. */
  async forUse(workspaceId: string, name: string): Promise<GatewayRoute | undefined> {
    const cacheKey = `${workspaceId}:${name}`;
    const cached = this.cache.get(cacheKey);
    if (cached) return cached;
    const row = await this.deps.repo.findByName(workspaceId, name);
    if (!row) return undefined;
    const route = toGatewayRoute(row);
    this.cache.set(cacheKey, route);
    return route;
  }

  /** Every route of a workspace (for /v1/models). */
  async listForUse(workspaceId: string): Promise<GatewayRoute[]> {
    return (await this.deps.repo.list(workspaceId)).map(toGatewayRoute);
  }

  async list(principal: Principal, workspaceId: string) {
    await this.deps.access.require(principal, workspaceId, 'ai_route.read');
    return (await this.deps.repo.list(workspaceId)).map(presentAiRoute);
  }

  async get(principal: Principal, id: string) {
    const workspaceId = await this.locate(principal, id, 'ai_route.read');
    const row = await this.deps.repo.find(workspaceId, id);
    if (!row) throw routeNotFound();
    return presentAiRoute(row);
  }

  async create(principal: Principal, input: CreateAiRouteInput, ctx: AuditContext) {
    const workspaceId = input.workspace_id;
    const access = await this.deps.access.require(principal, workspaceId, 'ai_route.write');
    const strategy = input.strategy ?? ROUTE_DEFAULTS.strategy;
    const targets = await this.checkTargets(workspaceId, strategy, input.targets);
    const now = Date.now();
    const row: AiRoutesTable = {
      id: newId('air'),
      workspace_id: workspaceId,
      name: input.name,
      strategy,
      targets: toJson(targets),
      max_retries: input.max_retries ?? ROUTE_DEFAULTS.max_retries,
      backoff_ms: input.backoff_ms ?? ROUTE_DEFAULTS.backoff_ms,
      breaker_failures: input.breaker_failures ?? ROUTE_DEFAULTS.breaker_failures,
      breaker_cooldown_seconds: input.breaker_cooldown_seconds ?? ROUTE_DEFAULTS.breaker_cooldown_seconds,
      created_by: access.userId,
      created_at: now,
      updated_at: now,
    };
    await this.deps.db
      .transaction()
      .execute(async (trx) => {
        await this.deps.repo.with(trx).insert(row);
        await this.deps.audit.record(trx, ctx, {
          workspaceId,
          action: 'ai_route.created',
          resource: { type: 'ai_route', id: row.id, name: row.name },
          details: { strategy, targets },
        });
      })
      .catch(mapNameTaken);
    this.cache.invalidateWorkspace(workspaceId);
    return presentAiRoute(row);
  }

  async update(principal: Principal, id: string, patch: UpdateAiRouteInput, ctx: AuditContext) {
    const workspaceId = await this.locate(principal, id, 'ai_route.write');
    const current = await this.deps.repo.find(workspaceId, id);
    if (!current) throw routeNotFound();
    const strategy = patch.strategy ?? current.strategy;
    // A new strategy re-checks the stored weights (weighted needs one above 0).
    const targets = await this.checkTargets(workspaceId, strategy, patch.targets ?? fromJson<RouteTarget[]>(current.targets, []));
    const next: Partial<AiRoutesTable> = {
      name: patch.name,
      strategy: patch.strategy,
      targets: patch.targets ? toJson(targets) : undefined,
      max_retries: patch.max_retries,
      backoff_ms: patch.backoff_ms,
      breaker_failures: patch.breaker_failures,
      breaker_cooldown_seconds: patch.breaker_cooldown_seconds,
    };
    const set: Partial<AiRoutesTable> = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [column, value] of Object.entries(next) as Array<[keyof AiRoutesTable, string | number | undefined]>) {
      if (value === undefined || value === current[column]) continue;
      (set as Record<string, unknown>)[column] = value;
      changes[column] = column === 'targets' ? { from: fromJson(current.targets, []), to: targets } : { from: current[column], to: value };
    }
    if (Object.keys(set).length === 0) return presentAiRoute(current);
    set.updated_at = Date.now();
    await this.deps.db
      .transaction()
      .execute(async (trx) => {
        await this.deps.repo.with(trx).update(workspaceId, id, set);
        await this.deps.audit.record(trx, ctx, { workspaceId, action: 'ai_route.updated', resource: { type: 'ai_route', id, name: set.name ?? current.name }, details: { changes } });
      })
      .catch(mapNameTaken);
    this.cache.invalidateWorkspace(workspaceId);
    return presentAiRoute({ ...current, ...set });
  }

  async delete(principal: Principal, id: string, ctx: AuditContext): Promise<void> {
    const workspaceId = await this.locate(principal, id, 'ai_route.write');
    await this.deps.db.transaction().execute(async (trx) => {
      const repo = this.deps.repo.with(trx);
      const row = await repo.find(workspaceId, id);
      if (!row) throw routeNotFound();
      await repo.delete(workspaceId, id);
      await this.deps.audit.record(trx, ctx, { workspaceId, action: 'ai_route.deleted', resource: { type: 'ai_route', id, name: row.name } });
    });
    this.cache.invalidateWorkspace(workspaceId);
  }

  /** A route addressed by id alone: its workspace, access checked there (another workspace's route is a 404). */
  private async locate(principal: Principal, id: string, action: 'ai_route.read' | 'ai_route.write'): Promise<string> {
    const workspaceId = await this.deps.repo.locate(id);
    if (!workspaceId) throw routeNotFound();
    try {
      await this.deps.access.require(principal, workspaceId, action);
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found') throw routeNotFound();
      throw error;
    }
    return workspaceId;
  }

  /** Targets name keys of this workspace, each once per model; weighted routes need a weight above 0. */
  private async checkTargets(workspaceId: string, strategy: string, targets: Array<{ key_id: string; model: string; weight?: number }>): Promise<RouteTarget[]> {
    const keys = new Set((await this.deps.keys.list(workspaceId)).map((k) => k.id));
    const seen = new Set<string>();
    const out = targets.map((t, i) => {
      if (!keys.has(t.key_id)) throw field(`targets[${i}].key_id`, 'is not an AI key of this workspace');
      const model = t.model.trim();
      const id = `${t.key_id}\u0000${model}`;
      if (seen.has(id)) throw field(`targets[${i}]`, 'repeats an earlier target (same key and model)');
      seen.add(id);
      return { key_id: t.key_id, model, weight: t.weight ?? 1 };
    });
    if (strategy === 'weighted' && !out.some((t) => t.weight > 0)) throw field('targets', 'need a weight above 0 for the weighted strategy');
    return out;
  }
}
