import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../../api/client';
import type { ResponseOf } from '../../api/types';
import { useWorkspace } from '../../app/workspace';
import { Field, Select } from '../../components/ui/Field';
import { Card, PageHeader, useTitle } from '../../components/ui/Page';
import { EmptyState, ErrorState, LoadingRows } from '../../components/ui/States';
import { formatNumber, formatUsd } from '../../lib/format';

type SpendReport = ResponseOf<'/api/workspaces/{id}/ai-usage', 'get'>;
type Group = SpendReport['group_by'];

const GROUPS: Array<{ value: Group; label: string }> = [
  { value: 'member', label: 'Member' },
  { value: 'token', label: 'API token' },
  { value: 'key', label: 'AI key' },
  { value: 'model', label: 'Model' },
  { value: 'day', label: 'Day' },
];

const AXIS = { fontSize: 11, fill: '#667085' };

/** Spend of the workspace's gateway use this month, by consumer, with a CSV export (admins see everyone, others their own). */
export function AiSpendPage() {
  useTitle('AI spend');
  const ws = useWorkspace();
  const [group, setGroup] = useState<Group>('member');
  const path = `/api/workspaces/${ws.workspace.id}/ai-usage`;
  const report = useQuery({ queryKey: ['ai-spend', ws.workspace.id, group], queryFn: () => api.get<SpendReport>(path, { group_by: group }) });
  const csvHref = `${path}?${new URLSearchParams({ group_by: group, format: 'csv' }).toString()}`;

  return (
    <>
      <PageHeader
        title="AI spend"
        description="Gateway requests and cost this month, by consumer."
        actions={
          <a className="btn btn-secondary" href={csvHref} download>
            Export CSV
          </a>
        }
      />
      <div className="stack">
        <Field label="Group by">
          <Select value={group} onChange={(e) => setGroup(e.target.value as Group)}>
            {GROUPS.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
          </Select>
        </Field>
        {report.isPending ? (
          <LoadingRows />
        ) : report.isError ? (
          <ErrorState error={report.error} onRetry={() => report.refetch()} />
        ) : report.data.data.length === 0 ? (
          <EmptyState title="No gateway usage this month" />
        ) : (
          <SpendCard report={report.data} />
        )}
      </div>
    </>
  );
}

function SpendCard({ report }: { report: SpendReport }) {
  const rows = report.data.map((r) => ({ ...r, name: r.label ?? r.group }));
  const total = rows.reduce((n, r) => n + r.cost_usd, 0);
  return (
    <Card title={`Cost by ${report.group_by}`} description={`${formatUsd(total)} from ${report.from} to ${report.to}${report.scope === 'own' ? ' (your requests)' : ''}`}>
      <figure style={{ margin: 0 }} aria-label={`Cost by ${report.group_by}: ${formatUsd(total)} in total`}>
        <div className="chart-card" data-testid="spend-chart">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} margin={{ left: 0, right: 8 }}>
              <CartesianGrid vertical={false} stroke="#eaecf0" />
              <XAxis dataKey="name" tick={AXIS} tickLine={false} axisLine={false} minTickGap={12} />
              <YAxis tick={AXIS} tickLine={false} axisLine={false} width={56} tickFormatter={(v: number) => formatUsd(v)} />
              <Tooltip formatter={(v) => formatUsd(Number(v ?? 0))} />
              <Bar dataKey="cost_usd" name="Cost" fill="var(--chart-1)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <div className="table-wrap">
      <table className="table table-stack" aria-label={`Spend by ${report.group_by}`}>
        <thead>
          <tr>
            <th scope="col">{report.group_by}</th>
            <th scope="col">Requests</th>
            <th scope="col">Errors</th>
            <th scope="col">Tokens (in / out)</th>
            <th scope="col">Cost</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.group}>
              <td title={r.group}>{r.name || '—'}</td>
              <td>{formatNumber(r.requests)}</td>
              <td>{formatNumber(r.errors)}</td>
              <td>
                {formatNumber(r.input_tokens)} / {formatNumber(r.output_tokens)}
              </td>
              <td>{formatUsd(r.cost_usd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </Card>
  );
}
