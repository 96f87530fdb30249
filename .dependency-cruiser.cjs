/**
 * The import graph's rules (docs/development.md draws the graph). `npm run lint:deps` checks them.
 *
 * Layers, each importing only those below it:
 *   app.ts / main.ts      compose modules; nothing imports them but tests that build the whole app
 *   src/modules/<name>/   features, layered as MODULE_LAYERS lists; a module uses a lower one only
 *                         through its services, types and pure helpers, never its repository
 *                         (storage) or routes (HTTP surface)
 *   src/core/             infrastructure: config, database, HTTP plumbing, crypto; knows no module
 * src/web (the console) is a separate program: it imports no server code but the pure files named
 * in SHARED_WITH_WEB.
 */

/**
 * Feature modules from the bottom up: each may import only the modules before it, so the module
 * graph is one-way even where no file-level cycle shows (e.g. a module using a sibling's types
 * while the sibling records through its service). Tests may compose any modules.
 */
const MODULE_LAYERS = [
  'policy', // roles, scopes and actions: pure, shared with the console
  'identity', // the caller (Principal), route guards, the audit context, the user directory port
  'events', // the outbox
  'activity', // the audit log
  'workspaces', // workspaces, members, invitations, grants, WorkspaceAccess
  'auth', // users, sessions, API tokens, the authentication hook
  'webhooks',
  'ai-providers',
  'ai-keys',
  'ai-gateway',
  'legacy-import', // `atrium import-legacy`: writes every module's tables, so it sits above them all
];

const layerRules = MODULE_LAYERS.map((name, index) => ({
  name: `module-layers-${name}`,
  severity: 'error',
  comment: `${name} may import only ${MODULE_LAYERS.slice(0, index).join(', ') || 'core'} (see MODULE_LAYERS).`,
  from: { path: `^src/modules/${name}/`, pathNot: '/__tests__/' },
  to: { path: '^src/modules/([^/]+)/', pathNot: `^src/modules/(${MODULE_LAYERS.slice(0, index + 1).join('|')})/` },
}));

/** Server files the console may import: pure (no I/O, no imports), so the browser bundle stays small. */
const SHARED_WITH_WEB = ['^src/modules/policy/policy[.]ts$'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes load order matter and hides which side owns what. No exceptions.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'core-imports-no-module',
      severity: 'error',
      comment: 'core is infrastructure every module builds on; it must not know any of them.',
      from: { path: '^src/core/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'no-foreign-repository-or-routes',
      severity: 'error',
      comment: "A module reaches another only through its services and types: another module's storage and HTTP surface are its own.",
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/.+[.](repository|routes)[.]ts$', pathNot: '^src/modules/$1/' },
    },
    {
      name: 'no-module-imports-app',
      severity: 'error',
      comment: 'app.ts is the composition root: modules receive what they need, they never look it up there. '
        + '(Integration tests under __tests__ build the whole app and may import it.)',
      from: { path: '^src/modules/', pathNot: '/__tests__/' },
      to: { path: '^src/(app|main)[.]ts$' },
    },
    {
      name: 'composition-root-uses-module-entries',
      severity: 'error',
      comment: 'app.ts and main.ts only compose: they build each module through its *.module.ts (the module contract, '
        + 'ADR 0006) and never reach into its services, routes or storage.',
      from: { path: '^src/(app|main)[.]ts$' },
      to: { path: '^src/modules/', pathNot: '^src/modules/[^/]+/[^/]+[.]module[.]ts$' },
    },
    {
      name: 'web-imports-no-server-code',
      severity: 'error',
      comment: 'The console runs in the browser: it talks to the server over HTTP, and shares only pure files.',
      from: { path: '^src/web/' },
      to: { path: '^src/', pathNot: ['^src/web/', ...SHARED_WITH_WEB] },
    },
    {
      name: 'shared-with-web-is-pure',
      severity: 'error',
      comment: 'A file the console shares must stay free of imports (server code would follow it into the browser).',
      from: { path: SHARED_WITH_WEB },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^src/web/dist/', '^node_modules/'] },
    // Type-only imports count: a cycle through types is still a cycle between modules.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
};
