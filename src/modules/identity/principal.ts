/** Who is calling: a signed-in user (session) or an API token acting for its creator. */
export type Principal =
  | { kind: 'session'; userId: string; sessionId: string; viaCookie: boolean }
  | { kind: 'token'; userId: string; tokenId: string; workspaceId: string; scopes: readonly string[] };
