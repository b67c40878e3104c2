// package.json's `languageModelTools` contribution and their activation events, made from the core's AGENT_TOOLS
// (names, descriptions, input schemas), so a tool is described once, in src/core/agent/tools.ts.

/** The `contributes.languageModelTools` entries, in the core's order. */
export function languageModelToolsContribution(tools, toolInputSchema) {
  return tools.map((tool) => ({
    name: tool.vscodeName,
    displayName: tool.displayName,
    userDescription: tool.userDescription,
    modelDescription: tool.modelDescription,
    ...(tool.referenceName ? { toolReferenceName: tool.referenceName, canBeReferencedInPrompt: true } : {}),
    icon: tool.icon,
    tags: ['connector-plan', tool.readOnly ? 'read-only' : 'edits-files'],
    inputSchema: toolInputSchema(tool, 'vscode'),
  }));
}

/** package.json's text with its language-model tools made from the core; everything else is kept as it is. */
export function withLanguageModelTools(packageJsonText, tools, toolInputSchema) {
  const manifest = JSON.parse(packageJsonText);
  manifest.contributes.languageModelTools = languageModelToolsContribution(tools, toolInputSchema);
  const others = manifest.activationEvents.filter((event) => !event.startsWith('onLanguageModelTool:'));
  manifest.activationEvents = [...others, ...tools.map((tool) => `onLanguageModelTool:${tool.vscodeName}`)];
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
