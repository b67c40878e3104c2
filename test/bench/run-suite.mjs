// Runs an extension-tests suite of test/bench inside a real VS Code (code-server + headless Chromium, as the
// integration tests run) with `folder` open, and resolves with the JSON the suite logs after `<marker>: `.
import { automationText, repoRoot, startVSCodeSession, suitePayload, timeoutSeconds } from '../harness/vscode-session.mjs';

export function runBenchSuite({ name, folder, suitePath, marker, onLog = () => {} }) {
  return new Promise((resolve, reject) => {
    let session;
    const timeout = timeoutSeconds(300);
    const timer = setTimeout(() => reject(new Error(`${name} did not finish within ${timeout} s`)), timeout * 1000);
    const done = (fn) => (value) => {
      clearTimeout(timer);
      session?.close().finally(() => fn(value));
    };
    let result;
    const line = new RegExp(`^${marker}: (.*)$`);
    startVSCodeSession({ name, print: () => {} })
      .then((running) => {
        session = running;
        return running.openWorkbench({
          folder,
          payload: suitePayload(running, repoRoot, suitePath),
          async beforeOpen(page) {
            await page.exposeFunction('codeAutomationLog', (_level, message) => {
              const text = automationText(message);
              onLog(text);
              const match = line.exec(text);
              if (match) result = JSON.parse(match[1]);
            });
            await page.exposeFunction('codeAutomationExit', (code) => (code === 0 && result ? done(resolve)(result) : done(reject)(new Error(`${name} failed (exit ${code})`))));
          },
        });
      })
      .catch(done(reject));
  });
}
