import type { ReactNode } from 'react';

export type Tone = 'neutral' | 'success' | 'danger' | 'warning' | 'info' | 'primary';

export function Badge({ tone = 'neutral', dot, mono, children, title }: { tone?: Tone; dot?: boolean; mono?: boolean; children: ReactNode; title?: string }) {
  const cls = ['badge', tone !== 'neutral' && `badge-${tone}`, dot && 'badge-dot', mono && 'badge-mono'].filter(Boolean).join(' ');
  return (
    <span className={cls} title={title}>
      {children}
    </span>
  );
}

const ROLE_TONES: Record<string, Tone> = { owner: 'primary', admin: 'info', developer: 'success', viewer: 'neutral' };

export function RoleBadge({ role }: { role: string }) {
  return <Badge tone={ROLE_TONES[role] ?? 'neutral'}>{role.charAt(0).toUpperCase() + role.slice(1)}</Badge>;
}
