/** Only same-site paths are followed after sign-in, so `?next=https://evil.example` cannot redirect away. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
