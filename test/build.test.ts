import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildChanged, inputFiles, TARGETS, type BuildTarget } from '../scripts/build.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * `npm start` builds only what changed (scripts/build.ts). The targets here
 * run small node commands on a temporary tree, each counting its runs in a
 * file; the last test runs the real tsc.
 */
describe('build only what changed', () => {
  let dir: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  const runs = (name: string) => (existsSync(path.join(dir, `${name}.runs`)) ? readFileSync(path.join(dir, `${name}.runs`), 'utf8').length : 0);
  /** A build that copies its input folder into its output folder (failing when the input holds FAIL) and counts its runs. */
  const target = (name: string, extra: Partial<BuildTarget> = {}): BuildTarget => ({
    name,
    inputs: [`${name}-src`, 'package-lock.json'],
    outputs: `out/${name}`,
    command: [process.execPath, '-e', `
      const fs = require('node:fs');
      fs.appendFileSync('${name}.runs', 'x');
      fs.rmSync('out/${name}', { recursive: true, force: true });
      fs.mkdirSync('out/${name}', { recursive: true });
      for (const f of fs.readdirSync('${name}-src')) {
        const text = fs.readFileSync('${name}-src/' + f, 'utf8');
        fs.writeFileSync('out/${name}/' + f, text);
        if (text.includes('FAIL')) process.exit(3);
      }`],
    ...extra,
  });
  const quiet = { log: () => {} };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'atrium-build-'));
    write('server-src/a.ts', 'a');
    write('server-src/b.ts', 'b');
    write('web-src/app.tsx', 'app');
    write('package-lock.json', '{"v":1}');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('builds once, then skips until an input changes, is added or is deleted', async () => {
    const server = target('server');
    expect(await buildChanged(dir, [server], quiet)).toEqual({ server: 'built' });
    expect(readFileSync(path.join(dir, 'out/server/a.ts'), 'utf8')).toBe('a');
    expect(await buildChanged(dir, [server], quiet)).toEqual({ server: 'up to date' });
    expect(runs('server')).toBe(1);

    write('server-src/a.ts', 'a2');
    expect(await buildChanged(dir, [server], quiet)).toEqual({ server: 'built' });
    expect(readFileSync(path.join(dir, 'out/server/a.ts'), 'utf8')).toBe('a2');
    write('server-src/c.ts', 'c');
    expect(await buildChanged(dir, [server], quiet)).toEqual({ server: 'built' });
    unlinkSync(path.join(dir, 'server-src/b.ts'));
    expect(await buildChanged(dir, [server], quiet)).toEqual({ server: 'built' });
    expect(existsSync(path.join(dir, 'out/server/b.ts'))).toBe(false);
    // A dependency version changed in the lockfile.
    write('package-lock.json', '{"v":2}');
    expect(await buildChanged(dir, [server], quiet)).toEqual({ server: 'built' });
    // Rewriting a file with the same contents changes nothing.
    write('server-src/a.ts', 'a2');
    expect(await buildChanged(dir, [server], quiet)).toEqual({ server: 'up to date' });
    expect(runs('server')).toBe(5);
  });

  it('rebuilds only the target whose inputs changed, and what --force names', async () => {
    const both = [target('server'), target('web')];
    await buildChanged(dir, both, quiet);
    write('web-src/app.tsx', 'app2');
    expect(await buildChanged(dir, both, quiet)).toEqual({ server: 'up to date', web: 'built' });
    expect(await buildChanged(dir, both, { ...quiet, force: true })).toEqual({ server: 'built', web: 'built' });
    expect([runs('server'), runs('web')]).toEqual([2, 3]);
  });

  it('rebuilds when its output was deleted or rewritten by another build', async () => {
    const web = target('web');
    await buildChanged(dir, [web], quiet);
    rmSync(path.join(dir, 'out/web'), { recursive: true });
    expect(await buildChanged(dir, [web], quiet)).toEqual({ web: 'built' });
    write('out/web/app.tsx', 'written by someone else');
    expect(await buildChanged(dir, [web], quiet)).toEqual({ web: 'built' });
    expect(readFileSync(path.join(dir, 'out/web/app.tsx'), 'utf8')).toBe('app');
  });

  it('leaves no stamp after a failed build: the next run builds again', async () => {
    const server = target('server');
    await buildChanged(dir, [server], quiet);
    write('server-src/a.ts', 'FAIL');
    await expect(buildChanged(dir, [server], quiet)).rejects.toThrow(/exit code 3/);
    // The half-written output is not taken for a build, even with the inputs unchanged.
    await expect(buildChanged(dir, [server], quiet)).rejects.toThrow(/exit code 3/);
    write('server-src/a.ts', 'a');
    expect(await buildChanged(dir, [server], quiet)).toEqual({ server: 'built' });
    expect(runs('server')).toBe(4);
  });

  it('stops at the first failed target', async () => {
    write('server-src/a.ts', 'FAIL');
    await expect(buildChanged(dir, [target('server'), target('web')], quiet)).rejects.toThrow();
    expect([runs('server'), runs('web')]).toEqual([1, 0]);
  });

  it('rebuilds when an environment variable the build reads changes', async () => {
    const web = target('web', { env: ['VITE_'] });
    const saved = process.env.VITE_ATRIUM_TEST;
    try {
      process.env.VITE_ATRIUM_TEST = 'one';
      await buildChanged(dir, [web], quiet);
      expect(await buildChanged(dir, [web], quiet)).toEqual({ web: 'up to date' });
      process.env.VITE_ATRIUM_TEST = 'two';
      expect(await buildChanged(dir, [web], quiet)).toEqual({ web: 'built' });
    } finally {
      if (saved === undefined) delete process.env.VITE_ATRIUM_TEST;
      else process.env.VITE_ATRIUM_TEST = saved;
    }
  });

  it("takes atrium's sources as inputs: the console's for the web build, the others for the server", () => {
    const [server, web] = [TARGETS.find((t) => t.name === 'server')!, TARGETS.find((t) => t.name === 'web')!];
    const serverInputs = inputFiles(ROOT, server);
    const webInputs = inputFiles(ROOT, web);
    expect(serverInputs).toEqual(expect.arrayContaining(['src/main.ts', 'src/modules/policy/policy.ts', 'tsconfig.build.json', 'package-lock.json']));
    expect(serverInputs.filter((f) => f.startsWith('src/web/') || f.startsWith('dist/'))).toEqual([]);
    expect(webInputs).toEqual(expect.arrayContaining(['src/web/index.html', 'src/web/vite.config.ts', 'src/modules/policy/policy.ts', 'package-lock.json']));
    expect(webInputs.filter((f) => f.startsWith('src/') && !f.startsWith('src/web/') && f !== 'src/modules/policy/policy.ts')).toEqual([]);
  });

  it('runs the real tsc: a type error fails the build and leaves it to be redone', async () => {
    write('tsconfig.json', JSON.stringify({ compilerOptions: { outDir: 'out/tsc', strict: true, types: [] }, include: ['tsc-src'] }));
    write('tsc-src/main.ts', 'export const n: number = 1;\n');
    const tsc: BuildTarget = {
      name: 'tsc',
      inputs: ['tsc-src', 'tsconfig.json'],
      outputs: 'out/tsc',
      command: [process.execPath, path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'],
    };
    expect(await buildChanged(dir, [tsc], quiet)).toEqual({ tsc: 'built' });
    expect(readFileSync(path.join(dir, 'out/tsc/main.js'), 'utf8')).toContain('n = 1');
    expect(await buildChanged(dir, [tsc], quiet)).toEqual({ tsc: 'up to date' });
    write('tsc-src/main.ts', 'export const n: number = "one";\n');
    await expect(buildChanged(dir, [tsc], quiet)).rejects.toThrow(/tsc/);
    expect(existsSync(path.join(dir, 'dist/.build/tsc.json'))).toBe(false);
    write('tsc-src/main.ts', 'export const n: number = 2;\n');
    expect(await buildChanged(dir, [tsc], quiet)).toEqual({ tsc: 'built' });
    expect(readFileSync(path.join(dir, 'out/tsc/main.js'), 'utf8')).toContain('n = 2');
  });
});
