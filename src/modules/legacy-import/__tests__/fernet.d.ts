/** The `fernet` npm package (test fixtures only) ships no types; the parts the fixtures use. */
declare module 'fernet' {
  class Secret {
    constructor(key: string);
  }
  class Token {
    constructor(options: { secret: Secret; token?: string; ttl?: number });
    encode(message: string): string;
  }
  const fernet: { Secret: typeof Secret; Token: typeof Token };
  export default fernet;
}
