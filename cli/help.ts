/**
 * The `--help` text and the version, kept apart from everything else so that the tiny executable
 * (`cli/bin.ts`) can print them without loading the engine.
 */
import { version as packageVersion } from '../package.json';

/** The tool's version, read from package.json when the bundle is built. */
export const VERSION: string = packageVersion;

/** What `cluster-policy-lint --help` prints. */
export const HELP = `Usage: cluster-policy-lint [options] [path | glob | -] ...

Checks SME industrial-cluster policy drafts (Markdown, English or Chinese) against the
paper's framework: which parts of it a draft covers, and where the drafting is weak.

Operands:
  path                 a draft, or a folder (every *.md below it)
  glob                 a pattern such as "drafts/**/*.md", expanded by the tool itself;
                       "!pattern" leaves matching files out
  -                    read one draft from standard input
  (none)               every *.md under the current folder

Options:
  --format NAME        stylish (default), json, sarif, github or html
  -o, --output FILE    write the report to FILE instead of standard output
  -c, --config FILE    use this configuration file instead of the discovered ones
  --stdin-filename NAME  the name of the draft read from standard input
  --max-warnings N     fail (exit 1) when more than N warnings are reported
  --min-coverage P     fail (exit 1) when a file's coverage score is below P (0 to 100)
  --quiet              report errors only
  --list-rules         print every rule: id, kind, default severity, source paragraph
  --print-config FILE  print the configuration that applies to the draft FILE
  --init               write a starter .cluster-policy-lint.yaml here (never overwrites)
  --color, --no-color  force colour on or off (default: on a terminal, unless NO_COLOR is set)
  --version            print the version
  -h, --help           print this help

Exit status: 0 no error-level finding and every threshold held; 1 an error-level finding,
or --max-warnings / --min-coverage exceeded; 2 the run itself failed (bad option, broken
configuration, an operand that matched nothing or a file that could not be read).
`;
