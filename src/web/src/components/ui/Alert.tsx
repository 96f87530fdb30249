import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

const ICONS: Record<string, IconName> = { danger: 'alertCircle', warning: 'alert', success: 'checkCircle', info: 'info' };

export function Alert({ tone = 'info', title, children, role }: { tone?: 'danger' | 'warning' | 'success' | 'info'; title?: ReactNode; children?: ReactNode; role?: 'alert' | 'status' }) {
  return (
    <div className={`alert alert-${tone}`} role={role ?? (tone === 'danger' ? 'alert' : undefined)}>
      <Icon name={ICONS[tone]} />
      <div>
        {title && <div className="alert-title">{title}</div>}
        {children && <div>{children}</div>}
      </div>
    </div>
  );
}
