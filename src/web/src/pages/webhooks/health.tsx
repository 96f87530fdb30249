import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Attempt, Page, Webhook } from '../../api/types';
import { Badge, type Tone } from '../../components/ui/Badge';
import { formatPercent } from '../../lib/format';

const DISABLED: Record<string, string> = { manual: 'Disabled', gone: 'Disabled (410 Gone)', failing: 'Disabled (failing)' };

/**
 * One status for an endpoint: disabled, failing (failed attempts since the
 * last success), healthy, or untested. Recent attempts count too, because
 * test sends do not move the endpoint's own health counters.
 */
export function endpointStatus(w: Webhook, recent?: Attempt[]): { label: string; tone: Tone } {
  if (!w.is_active) return { label: DISABLED[w.disabled_reason ?? 'manual'] ?? 'Disabled', tone: w.disabled_reason === 'manual' ? 'neutral' : 'danger' };
  if (w.failure_count > 0) return { label: `Failing (${w.failure_count})`, tone: 'warning' };
  if (recent?.[0] && !recent[0].succeeded) return { label: 'Last attempt failed', tone: 'warning' };
  if (w.last_success_at || recent?.some((a) => a.succeeded)) return { label: 'Healthy', tone: 'success' };
  return { label: 'No deliveries yet', tone: 'neutral' };
}

export function StatusBadge({ webhook, recent }: { webhook: Webhook; recent?: Attempt[] }) {
  const s = endpointStatus(webhook, recent);
  return (
    <Badge tone={s.tone} dot>
      {s.label}
    </Badge>
  );
}

const RECENT = 50;

/** The endpoint's most recent attempts: the basis of its success rate and sparkline. */
export function useRecentAttempts(webhookId: string) {
  return useQuery({
    queryKey: ['webhooks', webhookId, 'recent-attempts'],
    queryFn: async () => (await api.get<Page<Attempt>>(`/api/webhooks/${webhookId}/logs`, { limit: RECENT })).data,
    refetchInterval: 15_000,
  });
}

export function attemptLabel(a: Pick<Attempt, 'status_code' | 'error_class'>): string {
  if (a.status_code !== null) return String(a.status_code);
  return a.error_class ? a.error_class.replace(/_/g, ' ') : 'error';
}

/** Success rate plus a bar per recent attempt (oldest left), like the health strips of Svix or a status page. */
export function Health({ attempts, showRate = true }: { attempts: Attempt[] | undefined; showRate?: boolean }) {
  if (!attempts) return <span className="skeleton" style={{ width: 120 }} />;
  if (attempts.length === 0) return <span className="muted small">No attempts yet</span>;
  const ok = attempts.filter((a) => a.succeeded).length;
  const rate = ok / attempts.length;
  const bars = [...attempts].slice(0, 24).reverse();
  return (
    <span className="health" title={`${ok} of the last ${attempts.length} attempts succeeded`}>
      {showRate ? (
        <span className={rate >= 0.95 ? 'health-rate ok' : rate >= 0.7 ? 'health-rate warn' : 'health-rate bad'}>{formatPercent(rate, rate < 1 && rate > 0.99 ? 1 : 0)}</span>
      ) : (
        <span className="muted tiny">
          {ok} of the last {attempts.length} attempts
        </span>
      )}
      <span className="spark" aria-hidden="true">
        {bars.map((a) => (
          <span key={a.id} className={a.succeeded ? 'spark-ok' : 'spark-bad'} />
        ))}
      </span>
    </span>
  );
}
