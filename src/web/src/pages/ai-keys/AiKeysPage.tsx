import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { keys, useAiKeys } from '../../api/queries';
import type { AiKey } from '../../api/types';
import { useWorkspace } from '../../app/workspace';
import { Badge } from '../../components/ui/Badge';
import { Button, ButtonLink } from '../../components/ui/Button';
import { Card, PageHeader, useTitle } from '../../components/ui/Page';
import { EmptyState, ErrorState, LoadingRows } from '../../components/ui/States';
import { Time } from '../../components/ui/Time';
import { formatNumber, formatUsd } from '../../lib/format';
import { AddKeyDialog } from './AddKeyDialog';
import { GatewayHelp } from './GatewayHelp';
import { CapMeter, KeyStatus, MaskedKey, TestOutcome, useKeyTest } from './shared';

export function AiKeysPage() {
  useTitle('AI keys');
  const ws = useWorkspace();
  const list = useAiKeys(ws.workspace.id);
  const [adding, setAdding] = useState(false);
  const canCreate = ws.can('ai_key.create');
  const data = list.data ?? [];
  const requests = data.reduce((n, k) => n + k.usage_this_month, 0);
  const cost = data.reduce((n, k) => n + k.cost_this_month, 0);

  const addButton = canCreate && (
    <Button variant="primary" icon="plus" onClick={() => setAdding(true)}>
      Add key
    </Button>
  );

  return (
    <>
      <PageHeader title="AI keys" description="Your workspace's own provider keys, encrypted at rest. Apps call any of them through atrium's OpenAI-compatible gateway; every request's tokens and cost are counted here." actions={addButton} />
      <div className="stack">
        {data.length > 0 && (
          <div className="stats">
            <div className="stat">
              <div className="stat-label">Active keys</div>
              <div className="stat-value">{data.filter((k) => k.is_active).length}</div>
              <div className="stat-sub">{new Set(data.map((k) => k.provider)).size} provider(s)</div>
            </div>
            <div className="stat">
              <div className="stat-label">Requests this month</div>
              <div className="stat-value">{formatNumber(requests)}</div>
              <div className="stat-sub">All keys, UTC month</div>
            </div>
            <div className="stat">
              <div className="stat-label">Cost this month</div>
              <div className="stat-value">{formatUsd(cost)}</div>
              <div className="stat-sub">At list prices</div>
            </div>
          </div>
        )}
        <Card flush>
          {list.isPending ? (
            <LoadingRows label="Loading AI keys" />
          ) : list.isError ? (
            <ErrorState error={list.error} onRetry={() => list.refetch()} />
          ) : data.length === 0 ? (
            <EmptyState icon="sparkles" title="No AI keys yet" action={addButton}>
              Add an OpenAI, Anthropic, Gemini, Mistral, Groq, Azure, OpenRouter or self-hosted key to start calling models through atrium.
            </EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table table-stack">
                <thead>
                  <tr>
                    <th scope="col">Key</th>
                    <th scope="col">Status</th>
                    <th scope="col">Requests this month</th>
                    <th scope="col">Cost this month</th>
                    <th scope="col">Last used</th>
                    <th scope="col" className="actions">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.map((k) => (
                    <KeyRow key={k.id} aiKey={k} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
        {data.length > 0 && <GatewayHelp aiKey={data.find((k) => k.is_default && k.is_active) ?? data[0]} />}
      </div>
      {adding && <AddKeyDialog onClose={() => setAdding(false)} />}
    </>
  );
}

function KeyRow({ aiKey: k }: { aiKey: AiKey }) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const test = useKeyTest(() => queryClient.invalidateQueries({ queryKey: keys.aiKeys(ws.workspace.id) }));
  return (
    <>
      <tr data-testid={`ai-key-${k.key_name}`}>
        <td className="primary-cell">
          <div className="person">
            <span className="provider-mark" aria-hidden="true">
              {k.provider_name.charAt(0)}
            </span>
            <div style={{ minWidth: 0 }}>
              <div className="cell-title row" style={{ gap: 6 }}>
                <Link to={ws.to(`ai-keys/${k.id}`)}>{k.key_name}</Link>
                {k.is_default && <Badge tone="primary">Default</Badge>}
              </div>
              <div className="cell-sub row" style={{ gap: 6 }}>
                {k.provider_name} <MaskedKey preview={k.key_preview} />
              </div>
            </div>
          </div>
        </td>
        <td data-label="Status">
          <KeyStatus aiKey={k} />
        </td>
        <td data-label="Requests">
          <CapMeter used={k.usage_this_month} cap={k.usage_limit} label={`Requests of ${k.key_name} this month`} />
        </td>
        <td data-label="Cost">
          <CapMeter used={k.cost_this_month} cap={k.cost_limit} money label={`Cost of ${k.key_name} this month`} />
        </td>
        <td data-label="Last used" className="muted nowrap">
          {k.last_used ? <Time value={k.last_used} /> : 'Never'}
        </td>
        <td className="actions">
          <Button size="sm" icon="checkCircle" loading={test.busy} onClick={() => test.run(k.id)} aria-label={`Test ${k.key_name}`}>
            Test
          </Button>
          <ButtonLink size="sm" variant="ghost" icon="chart" to={ws.to(`ai-keys/${k.id}`)} aria-label={`Usage of ${k.key_name}`}>
            Usage
          </ButtonLink>
        </td>
      </tr>
      {(test.result || test.error) && (
        <tr>
          <td colSpan={6} className="test-row">
            <TestOutcome result={test.result} error={test.error} />
          </td>
        </tr>
      )}
    </>
  );
}
