import { ROLES, type Role } from '../policy/policy.js';
import { PROVIDER_IDS, type ProviderId } from '../ai-providers/providers.js';
import { CUSTOM_EVENT_TYPE, invalidSubscription } from '../webhooks/event-types.js';

/** How the FastAPI backend's names translate to atrium's (pure; the steps report what does not translate). */

/** The original's roles are atrium's four; anything else a deployment stored gets the nearest, said in the report. */
const ROLE_ALIASES: Record<string, Role> = { member: 'developer', editor: 'developer', write: 'developer', guest: 'viewer', read: 'viewer', readonly: 'viewer' };

export function mapRole(original: unknown): { role: Role; note?: string } {
  const name = typeof original === 'string' ? original.trim().toLowerCase() : '';
  if ((ROLES as readonly string[]).includes(name)) return { role: name as Role };
  if (!name) return { role: 'developer', note: 'no role in the original (its default, developer, was used)' };
  const alias = ROLE_ALIASES[name];
  if (alias) return { role: alias, note: `role "${name}" became ${alias}` };
  return { role: 'viewer', note: `unknown role "${name}" became viewer` };
}

/** The original's provider names (routes/ai_keys.py AI_PROVIDERS) → atrium's; huggingface and replicate have no counterpart. */
const PROVIDER_ALIASES: Record<string, ProviderId> = { google: 'gemini', azure: 'azure_openai' };

export function mapProvider(original: unknown): ProviderId | undefined {
  const name = typeof original === 'string' ? original.trim().toLowerCase() : '';
  if (PROVIDER_ALIASES[name]) return PROVIDER_ALIASES[name];
  return (PROVIDER_IDS as readonly string[]).includes(name) ? (name as ProviderId) : undefined;
}

/** The original's events that atrium raises under another name. */
const EVENT_ALIASES: Record<string, string> = { 'workspace.member.added': 'member.added', 'workspace.member.removed': 'member.removed' };

export interface MappedEvents {
  /** atrium subscriptions; empty with `everything` = every event. */
  types: string[];
  everything: boolean;
  notes: string[];
}

/**
 * The original's subscriptions (routes/webhooks.py WEBHOOK_EVENTS, or `*`).
 * Its events about projects, tests, mock servers… have no atrium
 * counterpart: they become `custom.<name>`, which atrium delivers when the
 * application publishes them (POST /api/events).
 */
export function mapEvents(original: unknown): MappedEvents {
  const list = Array.isArray(original) ? original.filter((e): e is string => typeof e === 'string') : [];
  if (list.includes('*')) return { types: [], everything: true, notes: [] };
  const types = new Set<string>();
  const notes: string[] = [];
  for (const event of list) {
    const alias = EVENT_ALIASES[event];
    const custom = `custom.${event.toLowerCase()}`;
    if (alias) types.add(alias);
    else if (!invalidSubscription(event)) types.add(event);
    else if (CUSTOM_EVENT_TYPE.test(custom)) {
      types.add(custom);
      notes.push(`event "${event}" became "${custom}" (atrium raises it only when your application publishes it)`);
    } else notes.push(`event "${event}" has no atrium counterpart and was dropped`);
  }
  return { types: [...types], everything: false, notes };
}

