import type { RuleMeta, Severity } from '../../core';
import type { CheckedFile } from '../analyze-inputs';
import type { ToolInfo } from '../context';
import { oneBased } from './positions';

export interface SarifOptions {
  /** Every rule the tool knows (core RULES), so code scanning can describe rules with no results too. */
  rules: readonly RuleMeta[];
  tool: ToolInfo;
}

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0 in the subset GitHub code scanning reads; URIs are relative to %SRCROOT% (the checkout). */
export function formatSarif(files: CheckedFile[], options: SarifOptions): string {
  const ruleIndex = new Map(options.rules.map((rule, index) => [rule.id, index]));
  const results = files.flatMap(({ path, report }) =>
    report.findings.map((finding) => {
      const { line, column, endLine, endColumn } = oneBased(finding.range);
      const index = ruleIndex.get(finding.ruleId);
      return {
        ruleId: finding.ruleId,
        ...(index === undefined ? {} : { ruleIndex: index }),
        level: LEVELS[finding.severity],
        message: { text: finding.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: encodePath(path), uriBaseId: '%SRCROOT%' },
              region: { startLine: line, startColumn: column, endLine, endColumn },
            },
          },
        ],
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'connector-plan',
            version: options.tool.version,
            ...(options.tool.informationUri ? { informationUri: options.tool.informationUri } : {}),
            rules: options.rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.description },
              help: { text: rule.description },
              // A rule off by default (env-var-unlisted) is described as disabled.
              defaultConfiguration: rule.defaultSeverity === 'off' ? { enabled: false, level: 'none' } : { level: LEVELS[rule.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A relative URI reference: each segment percent-encoded, `/` kept. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
