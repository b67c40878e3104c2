// What the Settings editor shows for each rule under `connectorPlan.rules`, made from the core's rule list
// (id, description, default severity), so the descriptions are written once, in src/core/rules/. package.json gets
// `%key%` references; their English texts go into package.nls.json.
import { nlsReference } from './manifest-nls.mjs';

export const SEVERITY_CHOICES = ['error', 'warning', 'info', 'off'];

export const SEVERITY_DESCRIPTIONS = [
  'Report it as an error: the plan is NO-GO and `connector-plan check` fails.',
  'Report it as a warning: shown, and fails `connector-plan check` only past `--max-warnings`.',
  'Report it as information: shown, never fails a check.',
  'Do not check this rule.',
];

/** The package.nls.json keys of the rule settings start with this. */
export const RULE_SETTINGS_NLS_PREFIX = 'config.rules.rule.';
const severityKey = (choice) => `config.rules.severity.${choice}`;
const ruleKey = (rule) => `${RULE_SETTINGS_NLS_PREFIX}${rule.id}.markdownDescription`;

/** The `properties` of the `connectorPlan.rules` setting: one entry per rule, in the core's order, its texts as `%key%`. */
export function ruleSettingsProperties(rules) {
  return Object.fromEntries(
    rules.map((rule) => [
      rule.id,
      {
        type: 'string',
        enum: SEVERITY_CHOICES,
        enumDescriptions: SEVERITY_CHOICES.map((choice) => nlsReference(severityKey(choice))),
        markdownDescription: nlsReference(ruleKey(rule)),
      },
    ]),
  );
}

/** The English texts of those references, for package.nls.json. */
export function ruleSettingsNls(rules) {
  return {
    ...Object.fromEntries(SEVERITY_CHOICES.map((choice, i) => [severityKey(choice), SEVERITY_DESCRIPTIONS[i]])),
    ...Object.fromEntries(rules.map((rule) => [ruleKey(rule), `${rule.description} Default: \`${rule.defaultSeverity}\`.`])),
  };
}

/** package.json's text with its rule settings made from `rules`; everything else is kept as it is. */
export function withRuleSettings(packageJsonText, rules) {
  const manifest = JSON.parse(packageJsonText);
  manifest.contributes.configuration.properties['connectorPlan.rules'].properties = ruleSettingsProperties(rules);
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
