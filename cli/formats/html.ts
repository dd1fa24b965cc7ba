import { renderHtmlReport } from '../../report/html';
import type { Formatter } from './runReport';

/**
 * `--format html`: the self-contained coverage report of `report/html.ts`, made from the same JSON
 * report and the rules and groups of the packs in use. Its words follow the drafts' language.
 */
export const formatHtml: Formatter = (report) =>
  renderHtmlReport(report.json, { rules: report.rules, groups: report.groups }, { lang: 'auto' });
