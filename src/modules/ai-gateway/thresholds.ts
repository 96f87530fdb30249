import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../core/db/database.js';
import type { EventBus } from '../events/event-bus.js';
import type { GatewayKey } from './key-source.js';
import type { UsageRepository } from './usage.repository.js';

const THRESHOLDS = [80, 100] as const;
const THRESHOLD_EVENT = 'ai_usage.threshold';

/** Whose cap was reached: the provider key itself, or a consumer (token, member, workspace) using it. */
export interface ThresholdSubject {
  level: 'key' | 'token' | 'member' | 'workspace';
  /** The key id, token id, member's user id or workspace id. */
  subjectId: string;
  /** The cap counter's id: the alert's identity (the key id for keys). */
  counterId: string;
  /** The key the request that reached the threshold used. */
  key: GatewayKey;
}

/**
 * Announces that a key or a consumer reached 80 % or 100 % of a monthly cap, once per
 * counter, month, metric and threshold: an in-process set skips the work after
 * the first time, and the `ai_usage_alerts` primary key decides between
 * instances (and across restarts). The event is written through the outbox
 * in the same transaction as the alert row.
 */
export class ThresholdNotifier {
  private readonly announced = new Set<string>();
  log: Pick<FastifyBaseLogger, 'error'> | undefined;

  constructor(
    private readonly db: Db,
    private readonly usage: UsageRepository,
    private readonly events: EventBus,
  ) {}

  /** Called after a counter moved; `used` is the month's figure after the request. Never throws. */
  check(subject: ThresholdSubject, period: string, metric: 'requests' | 'cost', used: number, limit: number | null): Promise<void> {
    if (limit === null || limit <= 0) return Promise.resolve();
    const due = THRESHOLDS.filter((t) => used * 100 >= limit * t && !this.announced.has(`${subject.counterId}:${period}:${metric}:${t}`));
    return due.length ? this.announce(subject, period, metric, used, limit, due) : Promise.resolve();
  }

  private async announce(subject: ThresholdSubject, period: string, metric: 'requests' | 'cost', used: number, limit: number, due: number[]): Promise<void> {
    const { key } = subject;
    for (const threshold of due) {
      const id = `${subject.counterId}:${period}:${metric}:${threshold}`;
      this.announced.add(id);
      try {
        await this.db.transaction().execute(async (trx) => {
          const first = await this.usage.with(trx).insertAlert({ key_id: subject.counterId, period, metric, threshold, workspace_id: key.workspaceId, created_at: Date.now() });
          if (!first) return;
          await this.events.publish(trx, {
            workspaceId: key.workspaceId,
            type: THRESHOLD_EVENT,
            data: {
              workspace_id: key.workspaceId,
              level: subject.level,
              subject_id: subject.subjectId,
              ai_key_id: key.id,
              ai_key_name: key.name,
              provider: key.provider,
              metric,
              threshold_percent: threshold,
              period,
              ...(metric === 'requests' ? { requests: used, cap_requests: limit } : { cost_micros: used, cap_micros: limit }),
              occurred_at: new Date().toISOString(),
            },
          });
        });
      } catch (error) {
        this.announced.delete(id);
        this.log?.error({ err: error, counter: subject.counterId, metric, threshold }, 'could not record an ai usage threshold');
      }
    }
  }
}
