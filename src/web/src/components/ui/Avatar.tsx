import { initials } from '../../lib/format';

const COLORS = ['#4f46e5', '#0891b2', '#059669', '#d97706', '#db2777', '#7c3aed', '#2563eb', '#dc2626'];

/** A stable colour per person: the same name always gets the same tile. */
function colorFor(seed: string): string {
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) | 0;
  return COLORS[Math.abs(h) % COLORS.length];
}

export function Avatar({ name, seed, size, square }: { name: string; seed?: string; size?: 'sm' | 'md'; square?: boolean }) {
  const cls = ['avatar', size === 'sm' && 'avatar-sm', square && 'avatar-square'].filter(Boolean).join(' ');
  return (
    <span className={cls} style={{ background: colorFor(seed ?? name) }} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
