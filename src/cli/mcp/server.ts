import * as l10n from '@vscode/l10n';
import type { Readable, Writable } from 'node:stream';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ErrorCode, ListResourcesRequestSchema, ListToolsRequestSchema, McpError, ReadResourceRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { toolInputSchema } from '../../core';
import type { CliContext } from '../context';
import type { RootFolder } from './root-folder';
import { readTemplateResource, templateResources } from './template-resources';
import { callTool, MCP_TOOLS, type ToolOutcome } from './tool-calls';

const INSTRUCTIONS = `Checks Connector Rollout Plans (markdown files written from the team's template) the way CI and the reviewer will. Paths are relative to the server's root folder; nothing outside it is read or written. The loop: new_plan (or draft the file yourself from the template resource), then check_plan, fix what it reports, and check_plan again until it reports no errors and no warnings. explain_plan shows how a heading or label was read when a finding looks wrong. In a review loop (a folder of numbered rounds: proposal, plan, review, revision, and a final plan), review_status lists each review finding with its status and what is still open: answer those ids in the next round.`;

/** The tools as MCP lists them: names, descriptions and input schemas straight from the core's specs. */
export function mcpToolList(): Tool[] {
  return MCP_TOOLS.map((tool) => ({
    name: tool.mcpName,
    title: tool.displayName,
    description: tool.modelDescription,
    inputSchema: toolInputSchema(tool, 'mcp'),
    annotations: tool.readOnly ? { readOnlyHint: true, openWorldHint: false } : { readOnlyHint: false, destructiveHint: false, openWorldHint: false },
  }));
}

export function toolResult(outcome: ToolOutcome): CallToolResult {
  if ('problem' in outcome) return { content: [{ type: 'text', text: outcome.problem }], isError: true };
  return {
    content: [
      { type: 'text', text: outcome.summary },
      { type: 'text', text: JSON.stringify(outcome.document, null, 2) },
    ],
    structuredContent: outcome.document,
  };
}

/**
 * Serves the root over MCP on `input`/`output` until `input` ends. `output` carries the protocol and nothing
 * else; the one log line goes to stderr and names no plan text.
 */
export async function serveMcp(root: RootFolder, context: CliContext, streams: { input: Readable; output: Writable }): Promise<number> {
  const server = new Server({ name: 'connector-plan', version: context.tool.version }, { capabilities: { tools: {}, resources: {} }, instructions: INSTRUCTIONS });
  // Requests still running when the input ends are answered before the server closes.
  const running = new Set<Promise<unknown>>();
  const tracked = <T>(work: Promise<T>): Promise<T> => {
    running.add(work);
    return work.finally(() => running.delete(work));
  };
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: mcpToolList() }));
  const answerToolCall = async (name: string, input: unknown): Promise<CallToolResult> => {
    try {
      return toolResult(await callTool(name, input, root, context));
    } catch (error) {
      // Only the error's kind is logged: a message could quote what it read.
      context.stderr.write(`connector-plan mcp: ${l10n.t('internal error in {0} ({1}), please report it', name.slice(0, 40), (error as Error)?.name ?? 'error')}\n`);
      return toolResult({ problem: l10n.t('Internal error in {0}. Please report it.', name.slice(0, 40)) });
    }
  };
  server.setRequestHandler(CallToolRequestSchema, (request) => tracked(answerToolCall(request.params.name, request.params.arguments)));
  server.setRequestHandler(ListResourcesRequestSchema, () => tracked(templateResources(root, context).then((resources) => ({ resources }))));
  server.setRequestHandler(ReadResourceRequestSchema, (request) => tracked(readTemplateResource(request.params.uri, root, context)).then((read) => {
    if ('problem' in read) throw new McpError(ErrorCode.InvalidParams, read.problem);
    return { contents: [{ uri: request.params.uri, mimeType: 'text/markdown', text: read.text }] };
  }));
  server.onerror = (error) => context.stderr.write(`connector-plan mcp: ${l10n.t('a message could not be handled ({0})', error?.name ?? 'error')}\n`);

  const ended = new Promise<void>((resolve) => {
    streams.input.once('end', resolve);
    streams.input.once('close', resolve);
  });
  await server.connect(new StdioServerTransport(streams.input, streams.output));
  context.stderr.write(`connector-plan mcp: ${l10n.t('serving {0} over stdio', root.path)}\n`);
  await ended;
  while (running.size) await Promise.allSettled(running);
  // The SDK sends a response a few microtasks after its handler settles.
  await new Promise((resolve) => setImmediate(resolve));
  await server.close();
  return 0;
}

// What `connector-plan mcp` loads from this module (a bundle of its own beside dist/cli.js).
export { RootFolder } from './root-folder';
