import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, PublishDiagnosticsNotification, StreamMessageReader, StreamMessageWriter, type ClientCapabilities, type InitializeResult, type ProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver/node';

/** A client's view of `node <bin> lsp --stdio`: the JSON-RPC connection, the diagnostics it published, its stderr. */
export interface LspSession {
  connection: ProtocolConnection;
  initialized: InitializeResult;
  /** Resolves with the next diagnostics published for `uri` that `accept` takes (all of them by default). */
  diagnostics(uri: string, accept?: (params: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** Everything the server wrote on stderr so far. */
  stderr(): string;
  /** Errors reading the server's stdout (a line that is not the protocol). */
  readErrors: Error[];
  /** Sends shutdown and exit; resolves to the process's exit code. */
  close(): Promise<number | null>;
  child: ChildProcessWithoutNullStreams;
}

export const CLIENT_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
    completion: { completionItem: { snippetSupport: true } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
  workspace: { didChangeWatchedFiles: { dynamicRegistration: false }, workspaceFolders: true },
};

export const fileUri = (file: string) => pathToFileURL(file).href;

/** Starts the server in `cwd` and initializes it with `root` as the one workspace folder. */
export async function startLspServer(bin: string, root: string, options: { cwd?: string; initializationOptions?: unknown; args?: string[] } = {}): Promise<LspSession> {
  const child = spawn(process.execPath, [bin, 'lsp', '--stdio', ...(options.args ?? [])], { cwd: options.cwd ?? root, stdio: 'pipe', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const reader = new StreamMessageReader(child.stdout);
  const readErrors: Error[] = [];
  reader.onError((error) => readErrors.push(error));
  const connection = createProtocolConnection(reader, new StreamMessageWriter(child.stdin));
  const published: PublishDiagnosticsParams[] = [];
  const waiting: { uri: string; accept: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const waiter = waiting.find((w) => w.uri === params.uri && w.accept(params));
    if (waiter) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve(params);
    } else published.push(params);
  });
  // The server may ask to show a warning, or to register file watchers: a client answers.
  connection.onRequest('window/showMessageRequest', () => null);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const initialized = await connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: fileUri(root),
    workspaceFolders: [{ uri: fileUri(root), name: 'root' }],
    capabilities: CLIENT_CAPABILITIES,
    initializationOptions: options.initializationOptions,
  });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    initialized,
    child,
    readErrors,
    stderr: () => stderr,
    diagnostics(uri, accept = () => true, timeoutMs = 5000) {
      const earlier = published.find((p) => p.uri === uri && accept(p));
      if (earlier) {
        published.splice(published.indexOf(earlier), 1);
        return Promise.resolve(earlier);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} in ${timeoutMs} ms`)), timeoutMs);
        waiting.push({ uri, accept, resolve: (params) => (clearTimeout(timer), resolve(params)) });
      });
    },
    async close() {
      if (child.exitCode === null) {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      }
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}
