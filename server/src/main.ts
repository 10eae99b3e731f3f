// The language server process: connect (the transport, --stdio or --node-ipc, comes from argv), keep stdout for
// protocol frames only, and hand over to startServer. dist/server.js (launch.ts) loads this bundle through the code
// cache and calls runServer; run directly, as `node dist/server-main.js --stdio`, it starts by itself.
import * as path from 'node:path';
import { format } from 'node:util';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

export interface RunHooks {
  /** Called once the first document opened has its diagnostics (see startServer). */
  afterFirstDiagnostics?: () => void;
}

export function runServer(hooks: RunHooks = {}): void {
  const connection = createConnection(ProposedFeatures.all);

  // On --stdio, stdout *is* the protocol stream: one stray console.log from any module would corrupt a frame and
  // the client would drop the connection. The library patches console for stdio too; doing it here for every
  // transport sends all logging to the client's Output panel with its level, whatever the library version does.
  console.log = (...args: unknown[]) => connection.console.log(format(...args));
  console.info = (...args: unknown[]) => connection.console.info(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  console.debug = (...args: unknown[]) => connection.console.log(format(...args));

  // This file is bundled to dist/server-main.js; the rule docs ship beside dist/ in the extension, at docs/rules/.
  startServer(connection, { ruleDocsFolder: path.join(__dirname, '..', 'docs', 'rules'), ...hooks });
}

if (require.main === module) runServer();
