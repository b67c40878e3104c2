import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CodeActionKind, createConnection, DidChangeWatchedFilesNotification, FileChangeType, TextDocuments, TextDocumentSyncKind, type ClientCapabilities, type Connection, type InitializeParams, type WorkspaceFolder } from 'vscode-languageserver';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isLoopFileName, sectionFixes } from '../core';
import type { CliContext } from '../cli/context';
import { filePath, PlanAnalyses, type PlanAnalysis } from './analysis';
import { diagnosticsOf, toWorkspaceEdit } from './convert';
import { codeActions, codeLenses, COMPLETION_TRIGGERS, completions, FIX_ALL_KIND, FIX_SECTION_COMMAND, hover } from './features';
import { Folders } from './folders';
import { planSymbols } from './symbols';

/** The extension's default `connectorPlan.lintDelay`: how long typing must pause before a document is checked again. */
const LINT_DELAY_MS = 300;
const MAX_LINT_DELAY_MS = 5000;
/** How often the editor's process is looked for, when it named itself (it may die without closing the pipes). */
const PARENT_CHECK_MS = 3000;

/** What the editor may pass in `initializationOptions`. */
interface InitializationOptions {
  /** Milliseconds of quiet after typing before a document is checked again (0–5000; 300 by default). */
  lintDelay?: number;
}

/**
 * Serves the language server on `streams` until the editor sends `exit` or closes the input; resolves to the exit
 * code (0 after a shutdown request, else 1). `output` carries the protocol and nothing else: every note goes to the
 * editor's log (`window/logMessage`). A thin adapter: every finding, fix, hover, completion and summary is the core's,
 * and each file is read with the CLI's config lookup and template loader, so `check` and the editor never disagree.
 */
export function serveLsp(streams: { input: Readable; output: Writable }, context: CliContext): Promise<number> {
  return new Promise((resolve) => {
    let shutdown = false;
    let parentCheck: ReturnType<typeof setInterval> | undefined;
    let finished = false;
    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      if (parentCheck) clearInterval(parentCheck);
      analyses?.dispose();
      connection.dispose();
      // Nothing more is read: a client that keeps the pipe open must not keep the process alive.
      streams.input.destroy();
      resolve(code);
    };
    const connection: Connection = createConnection((logger) => createProtocolConnection(new StreamMessageReader(streams.input), new StreamMessageWriter(streams.output), logger), {
      get shutdownReceived() {
        return shutdown;
      },
      set shutdownReceived(value: boolean) {
        shutdown = value;
      },
      initialize(params: InitializeParams) {
        const parent = params.processId;
        if (typeof parent !== 'number') return;
        parentCheck = setInterval(() => {
          try {
            process.kill(parent, 0);
          } catch {
            finish(1);
          }
        }, PARENT_CHECK_MS);
        parentCheck.unref();
      },
      exit: (code: number) => finish(code),
    });
    streams.input.once('end', () => finish(shutdown ? 0 : 1));
    streams.input.once('close', () => finish(shutdown ? 0 : 1));

    const documents = new TextDocuments(TextDocument);
    const shownWarnings = new Set<string>();
    // What the CLI's lookup and loader print (a config or template that cannot be used): the editor's log, and once a warning.
    const log = {
      write: (text: string) => {
        for (const line of text.split('\n').filter(Boolean)) {
          const message = line.replace(/^connector-plan: /, '');
          connection.console.warn(message);
          if (!shownWarnings.has(message)) {
            shownWarnings.add(message);
            void connection.window.showWarningMessage(l10n.t('Connector Plan: {0}', message));
          }
        }
        return true;
      },
    };
    const base: CliContext = { ...context, stdout: { write: () => true }, stderr: log, stdio: undefined };
    let folders: Folders | undefined;
    let analyses: PlanAnalyses | undefined;
    let lintDelay = LINT_DELAY_MS;
    let capabilities: ClientCapabilities = {};

    const publish = async (document: TextDocument) => {
      if (!analyses) return;
      const analysis = await analyses.current(document);
      // Typed over meanwhile, or closed: the newer text's diagnostics come from its own check.
      if (documents.get(document.uri)?.version !== analysis.version) return;
      await connection.sendDiagnostics({ uri: document.uri, version: analysis.version, diagnostics: diagnosticsOf(analysis, context.ruleDocsFolder) });
    };
    const publishAll = () => {
      for (const document of documents.all()) void publish(document).catch(logError);
    };
    const logError = (error: unknown) => connection.console.error(l10n.t('internal error, please report it: {0}', (error as Error)?.stack ?? String(error)));
    /** The analysis of a document as it is now, or undefined when the client names one it did not open. */
    const analysisOf = async (uri: string): Promise<{ document: TextDocument; analysis: PlanAnalysis } | undefined> => {
      const document = documents.get(uri);
      if (!document || !analyses) return undefined;
      return { document, analysis: await analyses.current(document) };
    };
    /** Configs or templates changed: read them again and check every open document with them. */
    const reread = () => {
      folders?.reset();
      analyses?.clear();
      publishAll();
    };

    connection.onInitialize((params) => {
      capabilities = params.capabilities;
      folders = new Folders(workspaceFolderPaths(params.workspaceFolders, params.rootUri), base);
      analyses = new PlanAnalyses(folders, context.maxFileSize, () => new Map(documents.all().flatMap((d) => {
        const file = filePath(d.uri);
        return file === undefined ? [] : [[file, d.getText()] as const];
      })));
      const delay = (params.initializationOptions as InitializationOptions | undefined)?.lintDelay;
      if (typeof delay === 'number' && Number.isFinite(delay)) lintDelay = Math.min(MAX_LINT_DELAY_MS, Math.max(0, delay));
      return {
        capabilities: {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
          hoverProvider: true,
          completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
          documentSymbolProvider: { label: 'Connector Plan' },
          codeLensProvider: { resolveProvider: false },
          executeCommandProvider: { commands: [FIX_SECTION_COMMAND] },
          workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        },
        serverInfo: { name: 'connector-plan', version: context.tool.version },
      };
    });

    connection.onInitialized(() => {
      // Told of config and template changes where the client watches files for its servers.
      if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        // Every file: a plan's references (reference-not-found, env-var-unknown) are checked against the repository's files.
        void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] }).catch(logError);
      }
      if (capabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((event) => {
          if (!folders) return;
          const removed = new Set(workspaceFolderPaths(event.removed, null));
          folders.setFolders([...folders.list().filter((folder) => !removed.has(folder)), ...workspaceFolderPaths(event.added, null)]);
          analyses?.clear();
          publishAll();
        });
      }
    });

    connection.onDidChangeWatchedFiles((params) => {
      if (!folders) return;
      const changed = params.changes.map((change) => filePath(change.uri)).filter((file): file is string => file !== undefined);
      if (changed.some((file) => folders!.dependsOn(file))) reread();
      // A file that appeared or went, or a changed file that is not markdown (one may name an env var now): the
      // repositories are listed and read again, and open plans checked against them. A saved plan changes nothing there.
      else if (params.changes.some((change) => change.type !== FileChangeType.Changed || !/\.(?:md|markdown)$/i.test(change.uri))) {
        folders.resetRepositories();
        analyses?.clear();
        publishAll();
      }
    });

    // Checked at once when opened; after a pause in typing when changed (the extension's lint delay).
    const justOpened = new Set<string>();
    documents.onDidOpen((event) => {
      justOpened.add(event.document.uri);
      void publish(event.document).catch(logError);
    });
    documents.onDidChangeContent((event) => {
      if (justOpened.delete(event.document.uri)) return;
      analyses?.schedule(event.document.uri, lintDelay, () => {
        const document = documents.get(event.document.uri);
        if (document) void publish(document).catch(logError);
      });
    });
    documents.onDidSave((event) => {
      // A saved config or template is read again even where the client watches no files.
      const file = filePath(event.document.uri);
      if (file && folders?.dependsOn(file)) reread();
      // A round saved changes what the loop says of the others (the final plan's gate): its open siblings are checked again.
      else if (file && isLoopFileName(path.basename(file))) {
        for (const other of documents.all()) {
          const otherFile = filePath(other.uri);
          if (other.uri !== event.document.uri && otherFile && path.dirname(otherFile) === path.dirname(file) && isLoopFileName(path.basename(otherFile))) {
            analyses?.forget(other.uri);
            void publish(other).catch(logError);
          }
        }
      }
    });
    documents.onDidClose((event) => {
      justOpened.delete(event.document.uri);
      analyses?.forget(event.document.uri);
      void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
    });

    connection.onCodeAction(async (params) => {
      const found = await analysisOf(params.textDocument.uri);
      return found ? codeActions(found.analysis, params) : [];
    });
    connection.onHover(async (params) => {
      const found = await analysisOf(params.textDocument.uri);
      return found ? hover(found.analysis, params.position.line, params.position.character) : null;
    });
    connection.onCompletion(async (params) => {
      const found = await analysisOf(params.textDocument.uri);
      const snippets = capabilities.textDocument?.completion?.completionItem?.snippetSupport === true;
      return found ? completions(found.analysis, found.document, params.position.line, params.position.character, snippets) : [];
    });
    connection.onDocumentSymbol(async (params) => {
      const found = await analysisOf(params.textDocument.uri);
      return found ? planSymbols(found.analysis.plan, found.analysis.report) : [];
    });
    connection.onCodeLens(async (params) => {
      const found = await analysisOf(params.textDocument.uri);
      return found ? codeLenses(found.analysis, params.textDocument.uri) : [];
    });
    connection.onExecuteCommand(async (params) => {
      if (params.command !== FIX_SECTION_COMMAND) return null;
      const [uri, sectionId] = (params.arguments ?? []) as unknown[];
      // The fixes of the document as it is when the lens is clicked, not as it was when the lens was made.
      const found = typeof uri === 'string' ? await analysisOf(uri) : undefined;
      if (!found?.analysis.isPlan || typeof sectionId !== 'string') return null;
      const { edits } = sectionFixes(found.analysis.report, sectionId);
      if (edits.length) await connection.workspace.applyEdit({ label: l10n.t('Fix all mechanical connector plan gaps'), edit: toWorkspaceEdit(uri as string, edits) });
      return null;
    });

    documents.listen(connection);
    connection.listen();
  });
}

/** The workspace folders' paths (`file:` folders only), else the root's; none without either (single files). */
function workspaceFolderPaths(workspaceFolders: WorkspaceFolder[] | null | undefined, rootUri: string | null): string[] {
  const uris = workspaceFolders?.length ? workspaceFolders.map((folder) => folder.uri) : rootUri ? [rootUri] : [];
  return uris.map(filePath).filter((file): file is string => file !== undefined);
}
