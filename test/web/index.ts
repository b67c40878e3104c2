// The web worker extension host calls run() (extensionTestsPath): the bundle holds the test files, registered on import.
import * as vscode from 'vscode';
import { runAll } from './runner';

export async function run(): Promise<void> {
  console.log(`web: running in VS Code ${vscode.version}, ${typeof process === 'undefined' ? 'no process object' : 'with a process object'}, uiKind ${vscode.UIKind[vscode.env.uiKind]}`);
  const { passed, failed } = await runAll((line) => console.log(line));
  console.log(`web: ${passed} passed, ${failed} failed (VS Code ${vscode.version}, web worker)`);
  if (failed > 0 || passed === 0) throw new Error(failed > 0 ? `${failed} web test(s) failed` : 'no web tests ran');
}
