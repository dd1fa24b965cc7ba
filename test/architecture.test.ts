import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

// The rooms of the product and what each may import. The engine runs in a browser worker, so it
// imports nothing from outside itself but its two parsers; no shell imports another shell.
const ROOT = path.resolve(__dirname, '..');
const ROOMS = ['engine', 'project', 'report', 'common', 'cli', 'server', 'client'] as const;
type Room = (typeof ROOMS)[number];
const MAY_IMPORT: Record<Room, readonly Room[]> = {
  engine: [],
  project: ['engine'],
  report: ['engine'],
  common: ['engine', 'report'],
  cli: ['engine', 'project', 'report'],
  server: ['engine', 'project', 'report', 'common'],
  client: ['engine', 'report', 'common'],
};
const ENGINE_PACKAGES = new Set(['markdown-it', 'yaml']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Every module a file names in an import or export, type imports included. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const specifiers: string[] = [];
  for (const m of text.matchAll(
    /^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/gm,
  )) {
    specifiers.push((m[1] ?? m[2] ?? m[3])!);
  }
  return specifiers;
}

/** The product file a relative specifier names, or undefined for a package or a non-code file. */
function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  for (const candidate of [`${base}.ts`, `${base}/index.ts`, base]) if (FILES.has(candidate)) return candidate;
  return undefined;
}

const roomOf = (file: string): Room => file.split('/')[0] as Room;
const FILES = new Set(ROOMS.flatMap((room) => sourceFiles(room)));
const GRAPH = new Map([...FILES].map((file) => [file, importsOf(file)] as const));

describe('the house', () => {
  test('has no import cycle between product modules, counting type imports', () => {
    const edges = new Map(
      [...GRAPH].map(([file, specs]) => [
        file,
        specs.map((s) => resolve(file, s)).filter((f): f is string => f !== undefined),
      ]),
    );
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of edges.get(file) ?? []) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of FILES) visit(file, []);
    assert.deepEqual(cycles, []);
  });

  test('keeps every room to the rooms it may import, and the engine to itself and its parsers', () => {
    const wrong: string[] = [];
    for (const [file, specs] of GRAPH) {
      const room = roomOf(file);
      for (const spec of specs) {
        const target = resolve(file, spec);
        if (target) {
          const other = roomOf(target);
          if (other !== room && !MAY_IMPORT[room].includes(other)) wrong.push(`${file} imports ${target}`);
        } else if (room === 'engine' && !spec.startsWith('.') && !ENGINE_PACKAGES.has(spec)) {
          wrong.push(`${file} imports the package ${spec}`);
        } else if (spec.startsWith('.') && !/\.(json|ya?ml)$/.test(spec)) {
          wrong.push(`${file} imports ${spec}, which is not a product module`);
        }
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('sets no V8 flag while running', () => {
    const setting = [...FILES].filter((file) => /setFlagsFromString/.test(readFileSync(path.join(ROOT, file), 'utf8')));
    assert.deepEqual(setting, []);
  });
});
