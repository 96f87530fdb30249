/**
 * `npm start` and `npm run build` — builds the server (tsc → dist/) and the
 * console (vite → dist/web/), each only when it is not up to date.
 *
 * A build is up to date when its stamp (`dist/.build/<target>.json`, written
 * after the build succeeded) records the same fingerprint of its inputs (the
 * contents of every input file, so an added, deleted or edited file, or a
 * changed dependency version in package-lock.json, all count) and of its
 * outputs (paths, sizes and mtimes, so a deleted dist/web or a build run by
 * other means since is noticed). The stamp is removed before a build starts
 * and written only once the build command exited with 0: a failed or
 * interrupted build leaves no stamp, so the next run builds again and
 * `npm start` never serves a half-built dist.
 *
 * Usage: tsx scripts/build.ts [--force] [server] [web]
 *   --force   build even when up to date (`npm run build`)
 *   server|web  only these targets (default: both)
 */
import { spawn } from 'node:child_process';
import { createHash, type Hash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BuildTarget {
  name: string;
  /** Files and folders (relative to the root) whose contents the build reads. */
  inputs: string[];
  /** Folders under `inputs` that are not inputs (relative to the root). */
  excludeInputs?: string[];
  /** Environment variables (exact names, or prefixes ending in `_`) the build reads. */
  env?: string[];
  /** The folder the build writes (relative to the root). */
  outputs: string;
  /** Folders under `outputs` that other targets own (relative to the root). */
  excludeOutputs?: string[];
  /** argv of the build; run in the root with the inherited environment. */
  command: string[];
}

export interface BuildOptions {
  /** Where the stamps live (relative to the root). */
  stampDir?: string;
  force?: boolean;
  log?: (line: string) => void;
}

export type BuildOutcome = 'built' | 'up to date';

const DEFAULT_STAMP_DIR = 'dist/.build';
const LOCKFILES = ['package.json', 'package-lock.json'];

/** The two builds of `npm start`; their commands are the package scripts, so both stay defined in one place. */
export const TARGETS: BuildTarget[] = [
  {
    name: 'server',
    // Everything under src but the console, tests included: excluding what tsconfig.build.json
    // excludes would duplicate its rules here, and a stale exclusion would skip a needed build.
    inputs: ['src', 'tsconfig.json', 'tsconfig.build.json', ...LOCKFILES],
    excludeInputs: ['src/web'],
    outputs: 'dist',
    excludeOutputs: ['dist/web'],
    command: ['npm', 'run', '--silent', 'build:server'],
  },
  {
    name: 'web',
    // The console imports no server file but policy.ts (.dependency-cruiser.cjs, rule
    // web-imports-no-server-code). Vite reads .env files from src/web and bakes VITE_* variables in.
    inputs: ['src/web', 'src/modules/policy/policy.ts', ...LOCKFILES],
    env: ['VITE_', 'NODE_ENV'],
    outputs: 'dist/web',
    command: ['npm', 'run', '--silent', 'build:web'],
  },
];

/** Every file under `entry` (a file or a folder), relative to the root with `/` separators, in a stable order. */
function walk(root: string, entry: string, exclude: ReadonlySet<string>, into: string[]): void {
  if (exclude.has(entry)) return;
  let stats;
  try {
    stats = statSync(path.join(root, entry));
  } catch {
    return; // absent: the list of files the fingerprint hashes tells absent from present
  }
  if (stats.isFile()) {
    into.push(entry);
    return;
  }
  if (!stats.isDirectory()) return;
  for (const name of readdirSync(path.join(root, entry)).sort()) walk(root, `${entry}/${name}`, exclude, into);
}

function files(root: string, entries: string[], exclude: string[] = []): string[] {
  const found: string[] = [];
  const skip = new Set(exclude);
  for (const entry of entries) walk(root, entry, skip, found);
  return found;
}

/** The input files of a target, as the fingerprint sees them. */
export function inputFiles(root: string, target: BuildTarget): string[] {
  return files(root, target.inputs, target.excludeInputs);
}

/** Length-prefixed fields, so no two different sequences of fields hash alike. */
function field(hash: Hash, value: string | Buffer): void {
  hash.update(`${Buffer.byteLength(value)}:`);
  hash.update(value);
}

export function inputFingerprint(root: string, target: BuildTarget, env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash('sha256');
  field(hash, JSON.stringify(target.command));
  for (const file of inputFiles(root, target)) {
    field(hash, file);
    field(hash, readFileSync(path.join(root, file)));
  }
  const names = Object.keys(env).filter((name) => target.env?.some((wanted) => (wanted.endsWith('_') ? name.startsWith(wanted) : name === wanted)));
  for (const name of names.sort()) {
    field(hash, name);
    field(hash, env[name] ?? '');
  }
  return hash.digest('hex');
}

/** `stampDir` (relative to the root) is left out where it lies among the outputs. */
export function outputFingerprint(root: string, target: BuildTarget, stampDir = DEFAULT_STAMP_DIR): string {
  const hash = createHash('sha256');
  for (const file of files(root, [target.outputs], [...(target.excludeOutputs ?? []), stampDir])) {
    const stats = statSync(path.join(root, file));
    field(hash, `${file} ${stats.size} ${stats.mtimeMs}`);
  }
  return hash.digest('hex');
}

interface Stamp {
  inputs: string;
  outputs: string;
}

function readStamp(file: string): Stamp | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}

function run(root: string, command: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0], command.slice(1), { cwd: root, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command.join(' ')} failed (${signal ? `signal ${signal}` : `exit code ${code}`})`));
    });
  });
}

/**
 * Builds each target whose stamp does not match its inputs and outputs, one
 * after the other; rejects at the first failed build (its stamp stays absent).
 */
export async function buildChanged(root: string, targets: BuildTarget[], options: BuildOptions = {}): Promise<Record<string, BuildOutcome>> {
  const log = options.log ?? ((line: string) => console.error(line));
  const stampDirName = options.stampDir ?? DEFAULT_STAMP_DIR;
  const stampDir = path.join(root, stampDirName);
  const outcomes: Record<string, BuildOutcome> = {};
  for (const target of targets) {
    const stampFile = path.join(stampDir, `${target.name}.json`);
    const inputs = inputFingerprint(root, target);
    const stamp = readStamp(stampFile);
    if (!options.force && stamp?.inputs === inputs && stamp.outputs === outputFingerprint(root, target, stampDirName)) {
      log(`${target.name}: up to date`);
      outcomes[target.name] = 'up to date';
      continue;
    }
    log(`${target.name}: building (${options.force ? 'forced' : stamp ? 'inputs or outputs changed since the last build' : 'no previous build'})…`);
    rmSync(stampFile, { force: true });
    await run(root, target.command);
    mkdirSync(stampDir, { recursive: true });
    // Written whole or not at all: a rename replaces the file atomically.
    const next: Stamp = { inputs, outputs: outputFingerprint(root, target, stampDirName) };
    writeFileSync(`${stampFile}.tmp`, JSON.stringify(next));
    renameSync(`${stampFile}.tmp`, stampFile);
    outcomes[target.name] = 'built';
  }
  return outcomes;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--force' && !TARGETS.some((t) => t.name === arg));
  if (unknown.length) {
    console.error(`build: unexpected argument ${unknown.join(' ')}\nUsage: tsx scripts/build.ts [--force] [${TARGETS.map((t) => t.name).join('] [')}]`);
    process.exit(2);
  }
  const named = TARGETS.filter((t) => args.includes(t.name));
  try {
    await buildChanged(root, named.length ? named : TARGETS, { force: args.includes('--force') });
  } catch (error) {
    console.error(`build: ${(error as Error).message}`);
    process.exit(1);
  }
}
