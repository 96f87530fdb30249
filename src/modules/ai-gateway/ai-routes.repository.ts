import type { Executor } from '../../core/db/database.js';
import type { AiRoutesTable } from './ai-routes.tables.js';

/** Gateway routes. Every query takes the workspace id, except `locate` (a route addressed by id alone, checked right after). */
export class AiRoutesRepository {
  constructor(private readonly db: Executor) {}

  with(db: Executor): AiRoutesRepository {
    return new AiRoutesRepository(db);
  }

  async insert(row: AiRoutesTable): Promise<void> {
    await this.db.insertInto('ai_routes').values(row).execute();
  }

  /** The workspace of a route addressed by id alone; the caller then checks access to that workspace. */
  async locate(id: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('ai_routes').select('workspace_id').where('id', '=', id).executeTakeFirst();
    return row?.workspace_id;
  }

  find(workspaceId: string, id: string): Promise<AiRoutesTable | undefined> {
    return this.db.selectFrom('ai_routes').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  }

  findByName(workspaceId: string, name: string): Promise<AiRoutesTable | undefined> {
    return this.db.selectFrom('ai_routes').selectAll().where('workspace_id', '=', workspaceId).where('name', '=', name).executeTakeFirst();
  }

  list(workspaceId: string): Promise<AiRoutesTable[]> {
    return this.db.selectFrom('ai_routes').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').execute();
  }

  async update(workspaceId: string, id: string, patch: Partial<AiRoutesTable>): Promise<void> {
    await this.db.updateTable('ai_routes').set(patch).where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db.deleteFrom('ai_routes').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
  }
}
