// package.json's `languageModelTools` contribution and their activation events, made from the core's AGENT_TOOLS
// (names, descriptions, input schemas), so a tool is described once, in src/core/agent/tools.ts. What people read
// (displayName, userDescription, modelDescription) is a `%key%` reference with its English text in package.nls.json;
// the input schema stays as the core writes it.
import { nlsReference } from './manifest-nls.mjs';

/** The package.nls.json keys of the tools start with this. */
export const LANGUAGE_MODEL_TOOLS_NLS_PREFIX = 'languageModelTools.';
const TEXTS = ['displayName', 'userDescription', 'modelDescription'];
const textKey = (tool, field) => `${LANGUAGE_MODEL_TOOLS_NLS_PREFIX}${tool.vscodeName}.${field}`;

/** The `contributes.languageModelTools` entries, in the core's order. */
export function languageModelToolsContribution(tools, toolInputSchema) {
  return tools.map((tool) => ({
    name: tool.vscodeName,
    displayName: nlsReference(textKey(tool, 'displayName')),
    userDescription: nlsReference(textKey(tool, 'userDescription')),
    modelDescription: nlsReference(textKey(tool, 'modelDescription')),
    ...(tool.referenceName ? { toolReferenceName: tool.referenceName, canBeReferencedInPrompt: true } : {}),
    icon: tool.icon,
    tags: ['connector-plan', tool.readOnly ? 'read-only' : 'edits-files'],
    inputSchema: toolInputSchema(tool, 'vscode'),
  }));
}

/** The English texts of the tools' references, for package.nls.json. */
export function languageModelToolsNls(tools) {
  return Object.fromEntries(tools.flatMap((tool) => TEXTS.map((field) => [textKey(tool, field), tool[field]])));
}

/** package.json's text with its language-model tools made from the core; everything else is kept as it is. */
export function withLanguageModelTools(packageJsonText, tools, toolInputSchema) {
  const manifest = JSON.parse(packageJsonText);
  manifest.contributes.languageModelTools = languageModelToolsContribution(tools, toolInputSchema);
  const others = manifest.activationEvents.filter((event) => !event.startsWith('onLanguageModelTool:'));
  manifest.activationEvents = [...others, ...tools.map((tool) => `onLanguageModelTool:${tool.vscodeName}`)];
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
