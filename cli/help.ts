/**
 * The `--help` text and the version, kept apart from everything else so that the tiny executable
 * (`cli/bin.ts`) can print them without loading the engine.
 */
import { version as packageVersion } from '../package.json';

/** The tool's version, read from package.json when the bundle is built. */
export const VERSION: string = packageVersion;

/** The language of the tool's own words. */
export type CliLanguage = 'en' | 'zh';

/**
 * The language the system's locale asks for (`LC_ALL`, `LC_MESSAGES`, `LANG`): what `--help`,
 * `--init` and `--list-rules` speak when neither `--lang` nor a configuration says.
 */
export function localeLanguage(env: Readonly<Record<string, string | undefined>>): CliLanguage {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

/** What `cluster-policy-lint --help` prints, in English or Chinese. */
export function helpText(lang: CliLanguage): string {
  return lang === 'zh' ? HELP_ZH : HELP_EN;
}

const HELP_EN = `Usage: cluster-policy-lint [options] [path | glob | -] ...

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
  --lang LANG          auto (default: follow the drafts and the configuration), en or zh:
                       the language of the report, messages and this tool's own words
  --max-size MB        lint no draft larger than MB megabytes (default 20): it is reported
                       as not linted, and the run exits 2
  --timeout SECONDS    stop a draft's check after SECONDS (default 60): it is reported as
                       not linted, and the run goes on to the next draft and exits 2
  --list-rules         print every rule: id, kind, default severity, source paragraph
  --print-config FILE  print the configuration that applies to the draft FILE
  --init               write a starter .cluster-policy-lint.yaml here (never overwrites)
  --color, --no-color  force colour on or off (default: on a terminal, unless NO_COLOR is set)
  --version            print the version
  -h, --help           print this help (in Chinese with --lang zh or a Chinese locale)

The coverage line under each draft, for example
  coverage 53% · soft environment 1/3 levels (1 partial) · groups A 2/4, B 1/3, C 0/4, D 3/4
  coverage 53%         the score: (covered + half of the partly covered elements) / elements
                       not turned off
  soft environment     how many of the paper's three levels of the soft environment
                       (institutional, cultural, regulatory) are covered
  groups               elements covered / elements in each group of the framework:
                       A the regional innovation environment, B networks and collective action,
                       C the problems the paper names, D foundations
  reads as about another subject
                       few of the draft's commitments name the cluster's firms (a road
                       safety or sports plan): only passages naming them count, two a facet

Exit status: 0 no error-level finding and every threshold held; 1 an error-level finding,
or --max-warnings / --min-coverage exceeded; 2 the run itself failed (bad option, broken
configuration, an operand that matched nothing or a file that could not be read).
`;

const HELP_ZH = `用法：cluster-policy-lint [选项] [路径 | 通配符 | -] ...

对照论文的框架检查中小企业产业集群政策草案（Markdown，中文或英文）：草案覆盖了框架的哪些
部分，以及起草上的薄弱之处。

操作对象：
  路径                 一份草案，或一个文件夹（其下所有 *.md）
  通配符               如 "drafts/**/*.md"，由本工具自行展开；"!模式" 排除匹配的文件
  -                    从标准输入读取一份草案
  （无）               当前文件夹下所有 *.md

选项：
  --format 名称        stylish（默认）、json、sarif、github 或 html
  -o, --output 文件    把报告写入该文件，而不是标准输出
  -c, --config 文件    使用该配置文件，不再查找配置
  --stdin-filename 名称  从标准输入读取的草案的名称
  --max-warnings N     警告多于 N 条时失败（退出码 1）
  --min-coverage P     某文件的覆盖得分低于 P（0 到 100）时失败（退出码 1）
  --quiet              只报告错误
  --lang 语言          auto（默认：随草案和配置）、en 或 zh：报告、提示信息和本工具自身文字的语言
  --max-size MB        不检查大于 MB 兆字节的草案（默认 20）：报告为未检查，退出码为 2
  --timeout 秒数       一份草案的检查超过此秒数即停止（默认 60）：报告为未检查，继续检查
                       下一份草案，退出码为 2
  --list-rules         列出所有规则：编号、类别、默认严重程度、论文出处
  --print-config 文件  显示适用于该草案的配置
  --init               在此处写入一个初始 .cluster-policy-lint.yaml（不会覆盖已有文件）
  --color, --no-color  强制开启或关闭颜色（默认：在终端中开启，设置了 NO_COLOR 时关闭）
  --version            显示版本
  -h, --help           显示本帮助（--lang en 或英文区域设置下显示英文）

每份草案下方的覆盖情况行，例如
  覆盖率 53% · 软环境 1/3 个层次（1 个部分覆盖）· 各组 A 2/4，B 1/3，C 0/4，D 3/4
  覆盖率 53%           得分：（已覆盖要素 + 部分覆盖要素的一半）/ 未停用的要素
  软环境               论文所说软环境的三个层次（制度、文化、规制）中已覆盖的个数
  各组                 每组已覆盖要素数 / 该组要素数：A 区域创新环境，B 网络与联合行动，
                       C 集群发展的问题，D 集群基础
  文本主题不是产业集群 草案的承诺很少点名集群企业（如道路安全、全民健身规划）：只计点名企业的
                       段落，每一方面至少两处

退出码：0 没有错误级问题且各阈值均满足；1 有错误级问题，或超出 --max-warnings /
--min-coverage；2 运行本身失败（选项有误、配置有误、操作对象没有匹配到任何文件或文件无法读取）。
`;

/** What `cluster-policy-lint --help` prints in English (kept for scripts that read it). */
export const HELP = HELP_EN;
