import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Icon } from './Icon';

export function useTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · atrium` : 'atrium';
  }, [title]);
}

export function PageHeader({ title, description, actions, back }: { title: ReactNode; description?: ReactNode; actions?: ReactNode; back?: { to: string; label: string } }) {
  return (
    <header className="page-header">
      <div style={{ minWidth: 0 }}>
        {back && (
          <nav className="breadcrumb" aria-label="Breadcrumb">
            <Link to={back.to}>
              <span className="row" style={{ gap: 4 }}>
                <Icon name="chevronLeft" />
                {back.label}
              </span>
            </Link>
          </nav>
        )}
        <h1>{title}</h1>
        {description && <p>{description}</p>}
      </div>
      {actions && <div className="actions">{actions}</div>}
    </header>
  );
}

export function Card({ title, description, actions, children, footer, danger, flush, id }: { title?: ReactNode; description?: ReactNode; actions?: ReactNode; children?: ReactNode; footer?: ReactNode; danger?: boolean; flush?: boolean; id?: string }) {
  return (
    <section className={danger ? 'card card-danger' : 'card'} aria-labelledby={title && id ? `${id}-title` : undefined}>
      {title && (
        <div className="card-header">
          <div style={{ minWidth: 0 }}>
            <h2 id={id ? `${id}-title` : undefined}>{title}</h2>
            {description && <p>{description}</p>}
          </div>
          {actions && <div className="row">{actions}</div>}
        </div>
      )}
      {flush ? children : children !== undefined && <div className="card-body">{children}</div>}
      {footer && <div className="card-footer">{footer}</div>}
    </section>
  );
}
