import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

// vscode.dev and github.dev run the extension in a browser: its web bundles must not use what
// only Node has. Each bundle is parsed, and every reference to a Node global that the bundle does
// not declare itself is listed (a property or method that happens to share the name is not one).
const DIST = path.resolve(__dirname, '../../dist/web');
const NODE_GLOBALS = new Set(['require', 'process', 'setImmediate', 'clearImmediate', 'Buffer', '__dirname', 'global']);

function nodeUses(file: string): string[] {
  const text = readFileSync(path.join(DIST, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const declared = new Set<string>();
  const uses: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isVariableDeclaration(node) || ts.isFunctionDeclaration(node) || ts.isParameter(node)) &&
      node.name &&
      ts.isIdentifier(node.name)
    )
      declared.add(node.name.text);
    if (ts.isStringLiteral(node) && /^node:/.test(node.text) && ts.isCallExpression(node.parent))
      uses.push(`${node.text} (line ${source.getLineAndCharacterOfPosition(node.pos).line + 1})`);
    if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text)) {
      const parent = node.parent;
      const isName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        ((ts.isMethodDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) &&
          parent.name === node);
      if (!isName) uses.push(`${node.text} (line ${source.getLineAndCharacterOfPosition(node.pos).line + 1})`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses.filter((use) => !declared.has(use.split(' ')[0]!));
}

test('the web worker script uses no require, process, setImmediate or node: module', () => {
  assert.deepEqual(nodeUses('server.js'), []);
});

test('the web extension uses nothing of Node but require("vscode"), which the web extension host gives it', () => {
  const text = readFileSync(path.join(DIST, 'extension.js'), 'utf8');
  const requires = [...text.matchAll(/(?<![\w$.])require\(\s*("[^"]*"|'[^']*')?/g)].map((m) => m[1] ?? '(dynamic)');
  assert.deepEqual([...new Set(requires)], ['"vscode"']);
  assert.deepEqual(
    nodeUses('extension.js').filter((use) => !use.startsWith('require ')),
    [],
  );
});

test('the web worker script is a classic script, not a module', () => {
  const text = readFileSync(path.join(DIST, 'server.js'), 'utf8');
  assert.doesNotMatch(text, /^\s*(import|export)\s/m);
  assert.match(text.trimStart(), /^(\/\/.*\n|"use strict";\s*)*\(\(\) => \{/);
});
