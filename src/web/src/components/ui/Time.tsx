import { formatDateTime, formatRelative } from '../../lib/format';

/** Relative time ("3 minutes ago") with the exact time on hover and for assistive tech. */
export function Time({ value, mode = 'relative' }: { value: string | null | undefined; mode?: 'relative' | 'absolute' }) {
  if (!value) return <span className="muted">—</span>;
  return (
    <time dateTime={value} title={formatDateTime(value)}>
      {mode === 'relative' ? formatRelative(value) : formatDateTime(value)}
    </time>
  );
}
