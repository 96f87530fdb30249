import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { keys, useMembers } from '../../api/queries';
import type { ActivityEntry, Page } from '../../api/types';
import { useWorkspace } from '../../app/workspace';
import { Avatar } from '../../components/ui/Avatar';
import { Badge } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { Field, Input, Select } from '../../components/ui/Field';
import { Card, PageHeader, useTitle } from '../../components/ui/Page';
import { EmptyState, ErrorState, LoadingRows, Spinner } from '../../components/ui/States';
import { Time } from '../../components/ui/Time';
import { ACTION_GROUPS, describe, RESOURCE_TYPES } from './describe';

const PAGE_SIZE = 30;
const FILTERS = ['actor_id', 'action', 'resource_type', 'since', 'until'] as const;

/** Dates typed as local days become an inclusive [start of since, end of until] range. */
function toRange(since: string, until: string) {
  return {
    since: since ? new Date(`${since}T00:00:00`).toISOString() : undefined,
    until: until ? new Date(`${until}T23:59:59.999`).toISOString() : undefined,
  };
}

type Filters = Record<(typeof FILTERS)[number], string>;

export function ActivityPage() {
  useTitle('Activity');
  const { filters, active, setFilter, clear } = useActivityFilters();
  const query = useActivity(filters);
  const entries = query.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <>
      <PageHeader title="Activity" description="Every change in this workspace: who did what, when, and from where." />
      <Card flush>
        <ActivityFilters filters={filters} onChange={setFilter} onClear={active ? clear : undefined} />
        {query.isPending ? (
          <LoadingRows rows={6} label="Loading activity" />
        ) : query.isError ? (
          <ErrorState error={query.error} onRetry={() => query.refetch()} />
        ) : entries.length === 0 ? (
          <EmptyState icon="activity" title={active ? 'Nothing matches these filters' : 'No activity yet'}>
            {active ? 'Try a wider time range or another actor.' : 'Changes to members, settings, webhooks and AI keys show up here.'}
          </EmptyState>
        ) : (
          <>
            <ol className="activity-list" aria-label="Activity log">
              {entries.map((a) => (
                <ActivityRow key={a.id} entry={a} />
              ))}
            </ol>
            <LoadMore hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onMore={() => query.fetchNextPage()} />
          </>
        )}
      </Card>
    </>
  );
}

/** Filters live in the URL (shareable, kept on reload); changing one replaces the history entry. */
function useActivityFilters() {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Filters;
  const setFilter = (name: (typeof FILTERS)[number], value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const clear = () => setParams(new URLSearchParams(), { replace: true });
  return { filters, active: FILTERS.some((f) => filters[f]), setFilter, clear };
}

/** The log, newest first, a page at a time with the server's cursor. */
function useActivity(filters: Filters) {
  const workspaceId = useWorkspace().workspace.id;
  return useInfiniteQuery({
    queryKey: [...keys.activity(workspaceId), filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ActivityEntry>>(
        `/api/workspaces/${workspaceId}/activity`,
        {
          limit: PAGE_SIZE,
          cursor: pageParam,
          actor_id: filters.actor_id,
          action: filters.action,
          resource_type: filters.resource_type,
          ...toRange(filters.since, filters.until),
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** `onClear` only while a filter is set: the Clear button shows then. */
function ActivityFilters({ filters, onChange, onClear }: { filters: Filters; onChange: (name: (typeof FILTERS)[number], value: string) => void; onClear?: () => void }) {
  const members = useMembers(useWorkspace().workspace.id);
  return (
    <div className="toolbar" role="search" aria-label="Filter activity">
      <Field label="Actor">
        <Select value={filters.actor_id} onChange={(e) => onChange('actor_id', e.target.value)} size="sm">
          <option value="">Anyone</option>
          {(members.data ?? []).map((m) => (
            <option key={m.user_id} value={m.user_id}>
              {m.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Action">
        <Select value={filters.action} onChange={(e) => onChange('action', e.target.value)} size="sm">
          {ACTION_GROUPS.map((g) => (
            <option key={g.value} value={g.value}>
              {g.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Resource">
        <Select value={filters.resource_type} onChange={(e) => onChange('resource_type', e.target.value)} size="sm">
          {RESOURCE_TYPES.map((g) => (
            <option key={g.value} value={g.value}>
              {g.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="From">
        <Input type="date" className="select-sm" value={filters.since} max={filters.until || undefined} onChange={(e) => onChange('since', e.target.value)} />
      </Field>
      <Field label="To">
        <Input type="date" className="select-sm" value={filters.until} min={filters.since || undefined} onChange={(e) => onChange('until', e.target.value)} />
      </Field>
      {onClear && (
        <Button size="sm" variant="ghost" icon="x" onClick={onClear}>
          Clear
        </Button>
      )}
    </div>
  );
}

function ActivityRow({ entry: a }: { entry: ActivityEntry }) {
  const [open, setOpen] = useState(false);
  const actor = a.actor.name ?? (a.actor.type === 'system' ? 'atrium' : 'Someone');
  const details = Object.entries(a.details);
  return (
    <li className="activity-row">
      <Avatar name={actor} seed={a.actor.id ?? a.actor.type} size="sm" />
      <div className="activity-main">
        <div className="activity-text">
          <strong>{actor}</strong> {describe(a)}
          {a.actor.type === 'token' && <Badge>via API token</Badge>}
        </div>
        <div className="activity-meta">
          <code>{a.action}</code>
          <span aria-hidden="true">·</span>
          <Time value={a.created_at} />
          {a.ip && (
            <>
              <span aria-hidden="true">·</span>
              <span>{a.ip}</span>
            </>
          )}
        </div>
        {open && (
          <dl className="kv activity-details">
            {details.map(([k, v]) => (
              <FragmentKV key={k} k={k} v={v} />
            ))}
            <dt>Resource</dt>
            <dd className="mono">
              {a.resource.type}
              {a.resource.id ? ` ${a.resource.id}` : ''}
            </dd>
            {a.request_id && (
              <>
                <dt>Request id</dt>
                <dd className="mono">{a.request_id}</dd>
              </>
            )}
            {a.user_agent && (
              <>
                <dt>User agent</dt>
                <dd>{a.user_agent}</dd>
              </>
            )}
          </dl>
        )}
      </div>
      <Button size="sm" variant="ghost" iconOnly icon={open ? 'chevronDown' : 'chevronRight'} label={open ? 'Hide details' : 'Show details'} aria-expanded={open} onClick={() => setOpen(!open)} />
    </li>
  );
}

function FragmentKV({ k, v }: { k: string; v: unknown }) {
  return (
    <>
      <dt>{k.replace(/_/g, ' ')}</dt>
      <dd className={typeof v === 'object' ? 'mono' : undefined}>{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
    </>
  );
}

/** Infinite scroll: loads the next page when the end of the list scrolls into view; the button does the same for keyboards. */
function LoadMore({ hasMore, loading, onMore }: { hasMore: boolean; loading: boolean; onMore: () => void }) {
  const sentinel = useRef<HTMLDivElement>(null);
  const more = useEffectEvent(onMore);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasMore) return;
    const observer = new IntersectionObserver((entries) => entries[0]?.isIntersecting && more(), { rootMargin: '300px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasMore]);
  return (
    <div ref={sentinel} className="load-more">
      {loading ? <Spinner label="Loading more" /> : hasMore ? <Button size="sm" onClick={onMore}>Load more</Button> : <span className="muted tiny">You reached the beginning of the log.</span>}
    </div>
  );
}
