import { Area, AreaChart, Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { UsageReport } from '../../api/types';
import { formatCompact, formatNumber, formatUsd } from '../../lib/format';

type Day = UsageReport['daily'][number];

const dayLabel = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });

const AXIS = { fontSize: 11, fill: '#667085' };

function ChartTooltip({ active, payload, money }: { active?: boolean; payload?: { payload: Day }[]; money?: boolean }) {
  const day = payload?.[0]?.payload;
  if (!active || !day) return null;
  return (
    <div className="chart-tooltip">
      <strong>{dayLabel(day.date)}</strong>
      {money ? (
        <>
          {formatUsd(day.cost_usd)}
          <div className="muted">
            {formatNumber(day.input_tokens)} in · {formatNumber(day.output_tokens)} out tokens
          </div>
        </>
      ) : (
        <>
          {formatNumber(day.requests)} requests
          {day.errors > 0 && <div style={{ color: 'var(--danger-text)' }}>{formatNumber(day.errors)} errors</div>}
        </>
      )}
    </div>
  );
}

/** Daily requests (errors stacked in red) and daily cost over the report's window. Screen readers get the totals in the caption. */
export function UsageCharts({ report }: { report: UsageReport }) {
  const data = report.daily.map((d) => ({ ...d, ok: Math.max(0, d.requests - d.errors) }));
  const total = report.daily.reduce((n, d) => n + d.requests, 0);
  const cost = report.daily.reduce((n, d) => n + d.cost_usd, 0);
  return (
    <div className="chart-grid">
      <figure className="card" style={{ margin: 0 }} aria-label={`Daily requests, last ${report.days} days: ${formatNumber(total)} in total`}>
        <figcaption className="card-header">
          <div>
            <h2>Requests per day</h2>
            <p>
              {formatNumber(total)} in the last {report.days} days
            </p>
          </div>
        </figcaption>
        <div className="chart-card" data-testid="requests-chart">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ left: 0, right: 8 }}>
              <CartesianGrid vertical={false} stroke="#eaecf0" />
              <XAxis dataKey="date" tickFormatter={dayLabel} tick={AXIS} tickLine={false} axisLine={false} minTickGap={24} />
              <YAxis allowDecimals={false} tick={AXIS} tickLine={false} axisLine={false} width={40} tickFormatter={formatCompact} />
              <Tooltip content={<ChartTooltip />} cursor={{ fill: '#f2f4f7' }} />
              <Bar dataKey="ok" stackId="r" fill="var(--chart-1)" radius={[0, 0, 0, 0]} isAnimationActive={false} />
              <Bar dataKey="errors" stackId="r" fill="#f97066" radius={[3, 3, 0, 0]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="card" style={{ margin: 0 }} aria-label={`Daily cost, last ${report.days} days: ${formatUsd(cost)} in total`}>
        <figcaption className="card-header">
          <div>
            <h2>Cost per day</h2>
            <p>
              {formatUsd(cost)} in the last {report.days} days
            </p>
          </div>
        </figcaption>
        <div className="chart-card" data-testid="cost-chart">
          <ResponsiveContainer width="100%" height="100%">
            <AreaChart data={data} margin={{ left: 0, right: 8 }}>
              <defs>
                <linearGradient id="costFill" x1="0" y1="0" x2="0" y2="1">
                  <stop offset="0%" stopColor="#0ea5e9" stopOpacity={0.35} />
                  <stop offset="100%" stopColor="#0ea5e9" stopOpacity={0.02} />
                </linearGradient>
              </defs>
              <CartesianGrid vertical={false} stroke="#eaecf0" />
              <XAxis dataKey="date" tickFormatter={dayLabel} tick={AXIS} tickLine={false} axisLine={false} minTickGap={24} />
              <YAxis tick={AXIS} tickLine={false} axisLine={false} width={56} tickFormatter={(v: number) => formatUsd(v)} />
              <Tooltip content={<ChartTooltip money />} />
              <Area type="monotone" dataKey="cost_usd" stroke="#0ea5e9" strokeWidth={2} fill="url(#costFill)" isAnimationActive={false} />
            </AreaChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
