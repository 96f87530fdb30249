import type { ReactNode } from 'react';
import { errorMessage } from '../../api/client';
import { Button } from './Button';
import { Icon, type IconName } from './Icon';

export function Spinner({ large, label = 'Loading' }: { large?: boolean; label?: string }) {
  return (
    <span role="status" className="row">
      <span className={large ? 'spinner spinner-lg' : 'spinner'} aria-hidden="true" />
      <span className="sr-only">{label}</span>
    </span>
  );
}

export function PageLoading() {
  return (
    <div className="page-loading">
      <Spinner large />
    </div>
  );
}

/** Placeholder rows shaped like the list that is loading. */
export function LoadingRows({ rows = 4, label = 'Loading' }: { rows?: number; label?: string }) {
  return (
    <div className="skeleton-rows" aria-busy="true" role="status">
      <span className="sr-only">{label}…</span>
      {Array.from({ length: rows }, (_, i) => (
        <div className="skeleton-row" key={i} aria-hidden="true">
          <span className="skeleton skeleton-circle" />
          <span className="stack-sm">
            <span className="skeleton" style={{ width: `${55 - i * 7}%` }} />
            <span className="skeleton" style={{ width: `${35 - i * 4}%`, height: 10 }} />
          </span>
          <span className="skeleton" style={{ width: '80%' }} />
        </div>
      ))}
    </div>
  );
}

export function EmptyState({ icon = 'info', title, children, action }: { icon?: IconName; title: ReactNode; children?: ReactNode; action?: ReactNode }) {
  return (
    <div className="state">
      <span className="state-icon">
        <Icon name={icon} />
      </span>
      <h2>{title}</h2>
      {children && <p>{children}</p>}
      {action}
    </div>
  );
}

export function ErrorState({ error, onRetry, title = 'Could not load this' }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <div className="state state-error" role="alert">
      <span className="state-icon">
        <Icon name="alertCircle" />
      </span>
      <h2>{title}</h2>
      <p>{errorMessage(error)}</p>
      {onRetry && (
        <Button icon="refresh" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
