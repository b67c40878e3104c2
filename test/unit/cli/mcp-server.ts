import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import * as assert from 'node:assert/strict';
import { REPO_ROOT } from '../core/repo-paths';
import { removeTempTrees } from './temp-tree';

/** Bundles the CLI as `npm run build` does, into a temp folder (so a fresh clone needs no build first); returns the bin. */
export function buildCliBundle(): { bin: string; remove(): void } {
  const folder = mkdtempSync(path.join(tmpdir(), 'connector-plan-bin-'));
  const bin = path.join(folder, 'cli.js');
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--cli', bin], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`scripts/build.mjs --cli failed: ${built.stderr}`);
  return { bin, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

export interface McpSession {
  client: Client;
  /** Everything the server wrote on stderr so far. */
  stderr(): string;
  /** Errors the client met, such as a stdout line that is not JSON-RPC. */
  clientErrors: Error[];
  close(): Promise<void>;
}

/** Starts `node <bin> mcp --root <root> [options]` as a child process and connects the SDK's client to it over stdio. */
export async function startMcpServer(bin: string, root: string, options: string[] = []): Promise<McpSession> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [bin, 'mcp', '--root', root, ...options], cwd: tmpdir(), stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'connector-plan-tests', version: '1.0.0' });
  const clientErrors: Error[] = [];
  client.onerror = (error) => clientErrors.push(error);
  await client.connect(transport);
  return { client, stderr: () => stderr, clientErrors, close: () => client.close() };
}

/**
 * A suite's server, in mocha hooks: before it, the CLI built and `node <bin> mcp` started on the root `makeRoot`
 * makes; after it, the session closed and the temp trees and the bin removed; after each test, no line the server
 * wrote on stdout that is not the protocol. The fields are set once the suite's `before` ran.
 */
export function mcpSuiteSession(makeRoot: () => string): { bin: string; root: string; session: McpSession } {
  const server = {} as { bin: string; root: string; session: McpSession };
  let bundle: ReturnType<typeof buildCliBundle> | undefined;
  before(async () => {
    bundle = buildCliBundle();
    server.bin = bundle.bin;
    server.root = makeRoot();
    server.session = await startMcpServer(bundle.bin, server.root);
  });
  after(async () => {
    await server.session?.close();
    removeTempTrees();
    bundle?.remove();
  });
  afterEach(() => assert.deepEqual(server.session.clientErrors, [], 'the server wrote something that is not the protocol on stdout'));
  return server;
}

export interface ToolCallResult {
  texts: string[];
  isError: boolean;
  structured: unknown;
}

/** Calls a tool; with `timeoutMs`, the call fails when no answer came by then (the SDK's own default is a minute). */
export async function callTool(session: McpSession, name: string, args: Record<string, unknown>, timeoutMs?: number): Promise<ToolCallResult> {
  const result = await session.client.callTool({ name, arguments: args }, undefined, timeoutMs === undefined ? undefined : { timeout: timeoutMs });
  const content = result.content as { type: string; text?: string }[];
  if (!content.every((part) => part.type === 'text')) throw new Error(`${name} gave a part that is not text`);
  return { texts: content.map((part) => part.text!), isError: result.isError === true, structured: result.structuredContent };
}
