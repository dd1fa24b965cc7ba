/**
 * The CLI's behaviour as one table: arguments, fixture, expected exit code and an output snapshot
 * (test/cli/snapshots/, regenerate with UPDATE_SNAPSHOTS=1). Every scenario runs three ways:
 * `main()` over the disk, `main()` over an in-memory file system, and `node dist/cli.js`.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LAKESIDE, PDF_BYTES, project, QINGXI } from './fixtures';
import {
  matchSnapshot,
  MemoryFileSystem,
  removeFixture,
  runInProcess,
  runSpawned,
  slug,
  snapshotText,
  writeFixture,
  type Fixture,
  type RunOutput,
  type RunRequest,
} from './harness';

interface Scenario extends RunRequest {
  /** A behaviour sentence: the test's name and its snapshot's file name. */
  name: string;
  exit: 0 | 1 | 2;
  /** Only on a real disk (symbolic links are not modelled in memory). */
  diskOnly?: boolean;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'lints every draft under the current folder, skipping .gitignore, node_modules and non-Markdown files',
    args: [],
    fixture: project(),
    exit: 0,
  },
  {
    name: 'writes the contract JSON report for one draft',
    args: ['--format', 'json', 'drafts/lakeside.md'],
    fixture: project(),
    exit: 0,
  },
  {
    name: 'writes SARIF 2.1.0 with rules, results and fixes',
    args: ['--format', 'sarif', 'drafts'],
    fixture: project(),
    exit: 0,
  },
  {
    name: 'writes GitHub workflow commands, one per finding',
    args: ['--format', 'github', 'drafts'],
    fixture: project(),
    exit: 0,
  },
  {
    name: 'expands a quoted glob itself and leaves out a negated glob',
    args: ['drafts/**/*.md', '!drafts/zh/**'],
    fixture: project(),
    exit: 0,
  },
  {
    name: 'exits 1 when a rule raised to error by the configuration reports',
    args: ['drafts/lakeside.md'],
    fixture: project({ '.cluster-policy-lint.yaml': 'rules:\n  measure-owner: error\n  measure-timeline: error\n' }),
    exit: 1,
  },
  {
    name: 'reports errors only with --quiet',
    args: ['--quiet', 'drafts'],
    fixture: project({ '.cluster-policy-lint.yaml': 'rules:\n  measure-owner: error\n' }),
    exit: 1,
  },
  {
    name: 'exits 1 when the warnings exceed --max-warnings',
    args: ['--max-warnings', '0', 'drafts'],
    fixture: project(),
    exit: 1,
  },
  {
    name: 'exits 1 and names the file whose coverage is below --min-coverage',
    args: ['--min-coverage', '99.5', 'drafts'],
    fixture: project(),
    exit: 1,
  },
  {
    name: 'applies overrides by glob and the message language of the configuration',
    args: ['drafts'],
    fixture: project({
      '.cluster-policy-lint.yaml':
        'language: en\noverrides:\n  - files: ["drafts/zh/**"]\n    rules:\n      measure-owner: "off"\n      measure-timeline: "off"\n',
    }),
    exit: 0,
  },
  {
    name: 'honours the ignores of the configuration',
    args: [],
    fixture: project({ '.cluster-policy-lint.yaml': 'ignores:\n  - zh\n' }),
    exit: 0,
  },
  {
    name: 'exits 2 and names the file and line of a broken configuration',
    args: ['drafts'],
    fixture: project({
      'drafts/.cluster-policy-lint.yaml': 'rules:\n  measure-owner: error\n  measure-timeline: [warning\n',
    }),
    exit: 2,
  },
  {
    name: 'exits 2 and names the line of an unknown rule with a suggestion',
    args: ['drafts'],
    fixture: project({
      '.cluster-policy-lint.jsonc':
        '{\n  // stricter for the county\n  "rules": {\n    "measure-ownr": "error"\n  }\n}\n',
    }),
    exit: 2,
  },
  {
    name: 'reports a broken user pack with its file and line and still lints the drafts',
    args: ['drafts/lakeside.md'],
    fixture: project({
      '.cluster-policy-lint.yaml': 'packs:\n  - packs/county.yaml\n',
      'packs/county.yaml': 'pack: county\ntitle: { en: County, zh: 县 }\ngroups: []\nelements:\n  - id: Not_Kebab\n',
    }),
    exit: 2,
  },
  {
    name: 'exits 2 when an explicit glob matches no file',
    args: ['drafts/lakeside.md', 'minutes/*.md'],
    fixture: project(),
    exit: 2,
  },
  {
    name: 'exits 2 when a folder operand holds only ignored drafts',
    args: ['archive'],
    fixture: project(),
    exit: 2,
  },
  {
    name: 'reports a binary file as not linted, lints the others and exits 2',
    args: ['--format', 'json', 'drafts/lakeside.md', 'drafts/scan.md'],
    fixture: project({ 'drafts/scan.md': PDF_BYTES }),
    exit: 2,
  },
  {
    name: 'reports a missing operand and a broken link as unreadable in every format',
    args: ['--format', 'github', 'drafts/lakeside.md', 'drafts/missing.md', 'drafts/link.md'],
    fixture: project({ 'drafts/link.md': { symlinkTo: 'nowhere.md' } }),
    exit: 2,
    diskOnly: true,
  },
  {
    name: 'reports an unreadable file in stylish and lints the rest',
    args: ['drafts'],
    fixture: project({ 'drafts/locked.md': { unreadable: true } }),
    exit: 2,
  },
  {
    name: 'lints standard input under the name given by --stdin-filename, with that path configuration',
    args: ['--stdin-filename', 'drafts/zh/new.md', '-'],
    fixture: project({ 'drafts/zh/.cluster-policy-lint.yaml': 'language: en\n' }),
    stdin: QINGXI,
    exit: 0,
  },
  {
    name: 'prints every rule with its kind, severity and paper paragraph',
    args: ['--list-rules'],
    fixture: project(),
    exit: 0,
  },
  {
    name: 'prints the resolved configuration of a draft through extends and nested files',
    args: ['--print-config', 'drafts/zh/qingxi.md'],
    fixture: project({
      'base.yaml': 'language: zh\nrules:\n  measure-indicator: { severity: warning, headings: ["^保障措施"] }\n',
      '.cluster-policy-lint.yaml': 'extends: base.yaml\nrules:\n  vague-commitment: error\n',
      'drafts/zh/.cluster-policy-lint.json':
        '{ "rules": { "vague-commitment": "hint", "measure-indicator": "error" } }\n',
    }),
    exit: 0,
  },
  {
    name: 'writes a commented starter configuration with --init',
    args: ['--init'],
    fixture: { 'drafts/a.md': LAKESIDE },
    exit: 0,
  },
  {
    name: 'refuses to overwrite an existing configuration with --init',
    args: ['--init'],
    fixture: project({ '.cluster-policy-lint.json': '{}\n' }),
    exit: 2,
  },
  {
    name: 'exits 2 with a plain sentence on an unknown option',
    args: ['--fromat', 'json'],
    fixture: project(),
    exit: 2,
  },
  {
    name: 'exits 2 when --min-coverage is not a percentage',
    args: ['--min-coverage', '150'],
    fixture: project(),
    exit: 2,
  },
  {
    name: 'prints the version',
    args: ['--version'],
    fixture: {},
    exit: 0,
  },
];

/** The memory file system's root: not a real folder, so nothing on the disk can leak in. */
const MEMORY_ROOT = '/cluster-policy-lint-memory/project';

function check(scenario: Scenario, output: RunOutput, root: string): void {
  const actual = snapshotText(output, root);
  const result = matchSnapshot(slug(scenario.name), actual);
  if (!result.ok) {
    assert.equal(
      actual,
      result.expected,
      `output differs from ${result.file} (run UPDATE_SNAPSHOTS=1 npm test if the change is intended)`,
    );
  }
  assert.equal(output.code, scenario.exit, `exit code\n${actual}`);
}

for (const scenario of SCENARIOS) {
  describe(scenario.name, () => {
    const needsDisk = (f: Fixture) =>
      Object.values(f).some((c) => typeof c === 'object' && !(c instanceof Uint8Array) && 'unreadable' in c);
    if (!needsDisk(scenario.fixture)) {
      test('in process', async () => {
        const root = writeFixture(scenario.fixture);
        try {
          check(scenario, await runInProcess(scenario, root), root);
        } finally {
          removeFixture(root);
        }
      });
      test('as a process', () => {
        const root = writeFixture(scenario.fixture);
        try {
          check(scenario, runSpawned(scenario, root), root);
        } finally {
          removeFixture(root);
        }
      });
    }
    if (!scenario.diskOnly) {
      test('in process over an in-memory file system', async () => {
        const fs = new MemoryFileSystem(MEMORY_ROOT, scenario.fixture);
        check(scenario, await runInProcess(scenario, MEMORY_ROOT, fs), MEMORY_ROOT);
      });
    }
  });
}
