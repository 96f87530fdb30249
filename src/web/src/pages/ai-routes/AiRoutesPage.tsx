import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { keys, useAiKeys, useAiRoutes } from '../../api/queries';
import type { AiKey, AiRoute } from '../../api/types';
import { useWorkspace } from '../../app/workspace';
import { Badge } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog';
import { Card, PageHeader, useTitle } from '../../components/ui/Page';
import { EmptyState, ErrorState, LoadingRows } from '../../components/ui/States';
import { RouteDialog } from './RouteDialog';

/** Routes: model names (e.g. `smart`) served by several AI keys with retries and fallbacks (ADR 0008). */
export function AiRoutesPage() {
  useTitle('AI routes');
  const ws = useWorkspace();
  const list = useAiRoutes(ws.workspace.id);
  const aiKeys = useAiKeys(ws.workspace.id);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<AiRoute | 'new' | null>(null);
  const [deleting, setDeleting] = useState<AiRoute | null>(null);
  const canWrite = ws.can('ai_route.write');
  const data = list.data ?? [];
  const keyNames = new Map((aiKeys.data ?? []).map((k: AiKey) => [k.id, k.key_name]));
  const refresh = () => queryClient.invalidateQueries({ queryKey: keys.aiRoutes(ws.workspace.id) });

  const addButton = canWrite && (
    <Button variant="primary" icon="plus" onClick={() => setEditing('new')}>
      Add route
    </Button>
  );

  return (
    <>
      <PageHeader
        title="AI routes"
        description="A route is a model name your apps call (model: &quot;smart&quot;) that atrium serves from its targets: on 429, 5xx, timeouts or connection errors it retries, then falls back to the next key."
        actions={addButton}
      />
      <Card flush>
        {list.isPending ? (
          <LoadingRows label="Loading AI routes" />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => list.refetch()} />
        ) : data.length === 0 ? (
          <EmptyState icon="sparkles" title="No routes yet" action={addButton}>
            Combine keys of one or more providers under one model name, with retries, fallbacks and a circuit breaker.
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="table table-stack">
              <thead>
                <tr>
                  <th scope="col">Model name</th>
                  <th scope="col">Targets</th>
                  <th scope="col">Retries</th>
                  <th scope="col">Circuit breaker</th>
                  <th scope="col" className="actions">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.map((r) => (
                  <RouteRow key={r.id} route={r} keyNames={keyNames} canWrite={canWrite} onEdit={() => setEditing(r)} onDelete={() => setDeleting(r)} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {/* The dialog starts its first target on the first key: it waits for the keys, or that target would have none. */}
      {editing && aiKeys.data && <RouteDialog route={editing === 'new' ? null : editing} aiKeys={aiKeys.data} onClose={() => setEditing(null)} onSaved={refresh} />}
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={`Delete route ${deleting?.name ?? ''}?`}
        description="Apps calling this model name get 400 model_not_found from then on. Usage history stays."
        confirmLabel="Delete route"
        icon="trash"
        onConfirm={async () => {
          await api.del(`/api/ai-routes/${deleting!.id}`);
          await refresh();
        }}
      />
    </>
  );
}

function RouteRow({ route: r, keyNames, canWrite, onEdit, onDelete }: { route: AiRoute; keyNames: Map<string, string>; canWrite: boolean; onEdit: () => void; onDelete: () => void }) {
  return (
    <tr data-testid={`ai-route-${r.name}`}>
      <td className="primary-cell">
        <div className="cell-title row" style={{ gap: 6 }}>
          <code>{r.name}</code>
          <Badge>{r.strategy}</Badge>
        </div>
      </td>
      <td data-label="Targets">
        <ol className="plain-list">
          {r.targets.map((t) => (
            <li key={`${t.key_id}:${t.model}`}>
              {keyNames.get(t.key_id) ?? t.key_id} · <code>{t.model}</code>
              {r.strategy === 'weighted' && <span className="muted"> (weight {t.weight})</span>}
            </li>
          ))}
        </ol>
      </td>
      <td data-label="Retries">{r.max_retries}</td>
      <td data-label="Circuit breaker" className="muted">
        {r.breaker_failures} failures → skip {r.breaker_cooldown_seconds} s
      </td>
      <td className="actions">
        {canWrite && (
          <>
            <Button size="sm" icon="settings" onClick={onEdit} aria-label={`Edit ${r.name}`}>
              Edit
            </Button>
            <Button size="sm" variant="ghost" icon="trash" onClick={onDelete} aria-label={`Delete ${r.name}`}>
              Delete
            </Button>
          </>
        )}
      </td>
    </tr>
  );
}
