/** A workspace slug: lower-case letters, digits and inner dashes, 1–64 characters. */
export const SLUG_PATTERN = '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$';
export const SLUG = new RegExp(SLUG_PATTERN);

/** A slug made from a name (accents dropped, other characters as dashes); `workspace` when nothing is left. */
export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return base || 'workspace';
}
