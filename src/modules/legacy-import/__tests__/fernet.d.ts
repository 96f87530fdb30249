/** The `fernet` npm package (test fixtures only) ships no types; the parts the fixtures use. */
declare module 'fernet' {
  const fernet: {
    Secret: new (key: string) => object;
    Token: new (options: { secret: object; ttl?: number }) => { encode(message: string): string };
  };
  export default fernet;
}
