import type { Executor } from '../../core/db/database.js';
import type { ResourceLookup } from '../../core/module.js';

/**
 * Resources that can carry per-member grants (webhooks, AI keys, …).
 * Feature modules register a lookup so grants can only name a resource that
 * exists in the same workspace.
 */
export class ResourceTypes {
  private readonly lookups = new Map<string, ResourceLookup>();

  register(type: string, lookup: ResourceLookup): void {
    this.lookups.set(type, lookup);
  }

  types(): string[] {
    return [...this.lookups.keys()].sort();
  }

  find(db: Executor, type: string, workspaceId: string, id: string): Promise<{ name: string } | undefined> {
    const lookup = this.lookups.get(type);
    return lookup ? lookup(db, workspaceId, id) : Promise.resolve(undefined);
  }
}
