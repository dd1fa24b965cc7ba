import { renderHtmlReport } from '../../report/html';
import type { Formatter } from './runReport';

/**
 * `--format html`: the self-contained coverage report of `report/html.ts`, made from the same JSON
 * report and the rules and groups of the packs in use. Its words are in the run's language:
 * `--lang`, or the language most drafts' messages are in (so a configuration's `language` decides
 * a mixed run).
 */
export const formatHtml: Formatter = (report, { lang }) =>
  renderHtmlReport(report.json, { rules: report.rules, groups: report.groups }, { lang });
