// A language client for tests: runs the bundled server (`node dist/server.js --stdio`), speaks LSP to it over
// pipes, answers its settings requests with what the test says, and hands over its publishes one by one.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  MessageType,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShutdownRequest,
  WorkDoneProgressCreateRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type {
  ApplyWorkspaceEditParams,
  ClientCapabilities,
  ConfigurationParams,
  FileEvent,
  InitializeResult,
  LogMessageParams,
  ProtocolConnection,
  PublishDiagnosticsParams,
  Registration,
  ShowMessageParams,
  TextDocumentContentChangeEvent,
  WorkspaceFolder,
  WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { Inbox, WAIT_MS } from './inbox';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const SERVER_BUNDLE = path.join(REPO_ROOT, 'dist/server.js');

/** What VS Code answers for the `kubewright` section when the user changed nothing (package.json's defaults). */
export const DEFAULT_SETTINGS = Object.freeze({
  enable: true,
  rules: {},
  probeTimeline: { codeLens: true },
  serviceCodeLens: true,
  completion: { enable: true },
  hover: { enable: true },
  trace: { server: 'off' },
});

/** What a client like VS Code announces: it can be asked for settings, and reads versions, links and data on diagnostics. */
export const CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
  },
};

export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A `$/progress` notification (the protocol package types only the work-done values). */
export interface ProgressParams {
  token: string | number;
  value: unknown;
}

export interface StartOptions {
  capabilities?: ClientCapabilities;
  /** The workspace the server is started in (none unless given). */
  workspaceFolders?: WorkspaceFolder[];
  /** Replaces settingsFor before the server can ask: a workspace is indexed with its settings right after initialized. */
  settingsFor?: (scopeUri: string | undefined) => unknown;
  otherSettings?: Record<string, unknown>;
  /** Environment variables for the server on top of this process's (such as KUBEWRIGHT_VALIDATION_BUDGET_MS). */
  env?: Record<string, string>;
  /** Arguments for the server after --stdio (such as --code-cache-dir). */
  serverArgs?: string[];
}

export class LspTestClient {
  /** What the client answers when the server asks for the `kubewright` section of a document; tests replace it. */
  settingsFor: (scopeUri: string | undefined) => unknown = () => DEFAULT_SETTINGS;
  /** What the client answers for sections other than `kubewright` (such as `files`), whatever the scope. */
  otherSettings: Record<string, unknown> = {};
  /** The server's window/logMessage notifications, in order. */
  readonly logs: LogMessageParams[] = [];
  /**
   * Publishes (`publish <uri>`) and settings requests (`configuration <scopeUri>…`) in the order they arrived, for tests
   * about what the server does first.
   */
  readonly arrivals: string[] = [];
  /** Errors of the message stream itself: a frame the reader could not parse, a write that failed. */
  readonly streamErrors: string[] = [];
  /** Set when the process ended before the test asked it to exit. */
  unexpectedExit?: ServerExit;

  private readonly publishes = new Inbox<PublishDiagnosticsParams>(() => this.describeState());
  private readonly configurationRequests = new Inbox<ConfigurationParams>(() => this.describeState());
  private readonly appliedEdits = new Inbox<ApplyWorkspaceEditParams>(() => this.describeState());
  private readonly registrations = new Inbox<Registration>(() => this.describeState());
  private readonly progress = new Inbox<ProgressParams>(() => this.describeState());
  private readonly shownMessages = new Inbox<ShowMessageParams>(() => this.describeState());
  private readonly stdoutChunks: Buffer[] = [];
  private stderr = '';
  private exitRequested = false;
  private readonly exited: Promise<ServerExit>;
  /** Rejects when the process or the stream fails, so waits on answers end then rather than at their timeout. */
  private readonly broken: Promise<never>;
  private breakDown!: (error: Error) => void;
  private settingsGate: Promise<void> = Promise.resolve();

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly connection: ProtocolConnection,
  ) {
    this.broken = new Promise<never>((_, reject) => (this.breakDown = reject));
    this.broken.catch(() => undefined); // Only waits care; nobody waiting is not an unhandled error.
    child.stdout.on('data', (chunk: Buffer) => this.stdoutChunks.push(chunk));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (this.stderr += text));
    this.exited = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        if (!this.exitRequested) {
          this.unexpectedExit = { code, signal };
          this.failWaits(`the server exited unexpectedly (code ${code}, signal ${signal})`);
        }
        resolve({ code, signal });
      });
    });

    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.arrivals.push(`publish ${params.uri}`);
      this.publishes.deliver(params);
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params);
    });
    connection.onRequest(ConfigurationRequest.type, async (params) => {
      this.arrivals.push(`configuration ${params.items.map((item) => item.scopeUri).join(' ')}`);
      this.configurationRequests.deliver(params);
      await this.settingsGate;
      return params.items.map((item) => (item.section === 'kubewright' ? this.settingsFor(item.scopeUri) : (this.otherSettings[item.section ?? ''] ?? null)));
    });
    // Like an editor: takes every edit the server asks it to apply (tests read them with nextAppliedEdit).
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.appliedEdits.deliver(params);
      return { applied: true };
    });
    // Like VS Code: accepts the server's dynamic registrations and progress tokens, and keeps them for tests to read.
    connection.onRequest(RegistrationRequest.type, (params) => {
      for (const registration of params.registrations) this.registrations.deliver(registration);
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onNotification('$/progress', (params: ProgressParams) => this.progress.deliver(params));
    connection.onNotification(ShowMessageNotification.type, (params) => this.shownMessages.deliver(params));
    connection.onError(([error]) => this.streamFailed(`the message stream broke: ${error.message}`));
    connection.listen();
  }

  /** Spawns the server and completes the initialize handshake; returns the client and what the server announced. */
  static async start(options: StartOptions = {}): Promise<{ client: LspTestClient; initializeResult: InitializeResult }> {
    const args = [SERVER_BUNDLE, '--stdio', ...(options.serverArgs ?? [])];
    const child = spawn(process.execPath, args, { stdio: 'pipe', env: { ...process.env, ...options.env } });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspTestClient(child, connection);
    if (options.settingsFor) client.settingsFor = options.settingsFor;
    if (options.otherSettings) client.otherSettings = options.otherSettings;
    try {
      const initializeResult = await client.within(
        'the answer to initialize',
        connection.sendRequest(InitializeRequest.type, {
          processId: process.pid,
          rootUri: options.workspaceFolders?.[0]?.uri ?? null,
          workspaceFolders: options.workspaceFolders ?? null,
          capabilities: options.capabilities ?? CLIENT_CAPABILITIES,
        }),
      );
      client.notify(connection.sendNotification(InitializedNotification.type, {}));
      return { client, initializeResult };
    } catch (error) {
      client.kill();
      throw error;
    }
  }

  // Sending. These do not wait for anything: follow them with a `next…` wait for what the server does about them.

  open(uri: string, text: string, version = 1): void {
    this.notify(
      this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } }),
    );
  }

  change(uri: string, version: number, ...contentChanges: TextDocumentContentChangeEvent[]): void {
    this.notify(this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges }));
  }

  close(uri: string): void {
    this.notify(this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } }));
  }

  /** Tells the server files changed on disk, as a file watcher would. */
  watchedFilesChanged(...changes: FileEvent[]): void {
    this.notify(this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes }));
  }

  /** Tells the server workspace folders were added or removed, as VS Code does when the user changes them. */
  workspaceFoldersChanged(event: WorkspaceFoldersChangeEvent): void {
    this.notify(this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event }));
  }

  /** Tells the server settings changed, the way a client that is asked for settings does: with no settings in it. */
  settingsChanged(settings: unknown = null): void {
    this.notify(this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings }));
  }

  /** Holds back the answers to workspace/configuration until the returned function is called. */
  holdSettings(): () => void {
    let release!: () => void;
    this.settingsGate = new Promise((resolve) => (release = resolve));
    return () => {
      this.settingsGate = Promise.resolve();
      release();
    };
  }

  /** Sends a request by method name and waits for its answer. */
  request<R>(method: string, params: unknown): Promise<R> {
    return this.within(`the answer to ${method}`, this.connection.sendRequest(method, params) as Promise<R>);
  }

  /** Answers the requests of `method` the server sends (such as workspace/codeLens/refresh) with `handler`. */
  answerRequests(method: string, handler: () => unknown): void {
    this.connection.onRequest(method, handler);
  }

  // Receiving.

  /** The oldest workspace/applyEdit the server sent and no test read yet, or the next one to arrive. */
  nextAppliedEdit(): Promise<ApplyWorkspaceEditParams> {
    return this.appliedEdits.next('a workspace/applyEdit request', () => true);
  }

  /** The oldest client/registerCapability registration of `method` not read yet, or the next one to arrive. */
  nextRegistration(method: string): Promise<Registration> {
    return this.registrations.next(`a registration of ${method}`, (registration) => registration.method === method);
  }

  /** The oldest work-done progress notification of `kind` (begin, report, end) not read yet, or the next one. */
  nextProgress(kind: 'begin' | 'report' | 'end'): Promise<ProgressParams> {
    return this.progress.next(`a $/progress ${kind}`, (params) => (params.value as { kind?: string }).kind === kind);
  }

  /** The oldest message the server showed the user (window/showMessage) and no test read yet, or the next one. */
  nextShownMessage(): Promise<ShowMessageParams> {
    return this.shownMessages.next('a window/showMessage', () => true);
  }

  /** The oldest publish for `uri` not read yet, or the next one to arrive. */
  nextPublish(uri: string): Promise<PublishDiagnosticsParams> {
    return this.publishes.next(`textDocument/publishDiagnostics for ${uri}`, (params) => params.uri === uri);
  }

  /** The oldest workspace/configuration request about `scopeUri` not read yet, or the next one to arrive. */
  nextConfigurationRequest(scopeUri: string): Promise<ConfigurationParams> {
    return this.configurationRequests.next(`a workspace/configuration request for ${scopeUri}`, (params) =>
      params.items.some((item) => item.scopeUri === scopeUri),
    );
  }

  /** The publishes that arrived without a test reading them; reading them empties the inbox. */
  unreadPublishes(): PublishDiagnosticsParams[] {
    return this.publishes.takeUnread();
  }

  /** The configuration requests no test read; reading them empties the inbox. */
  unreadConfigurationRequests(): ConfigurationParams[] {
    return this.configurationRequests.takeUnread();
  }

  /**
   * For afterEach: the server still runs, no handler logged a failure, and every publish was read by the test that
   * caused it (one left over is a publish nobody expected, such as a stale result). Clears what was left.
   */
  checkNothingUnexpected(): void {
    const unread = this.unreadPublishes();
    const shown = this.shownMessages.takeUnread();
    this.unreadConfigurationRequests(); // Tests that care read theirs; the rest are the server's ordinary asking.
    const errors = this.logs.splice(0).filter((log) => log.type === MessageType.Error);
    assert.equal(this.unexpectedExit, undefined, 'the server is still running');
    assert.deepEqual(this.streamErrors, []);
    assert.deepEqual(errors, [], 'no handler failed');
    assert.deepEqual(shown, [], 'no message was shown to the user that the test did not read');
    assert.deepEqual(unread, [], 'no publish came that the test did not read');
  }

  /** Closes each document and checks the server took its diagnostics away (an empty list, with no version). */
  async closeExpectingCleared(...uris: string[]): Promise<void> {
    for (const uri of uris) {
      this.close(uri);
      assert.deepEqual(await this.nextPublish(uri), { uri, diagnostics: [] });
    }
  }

  /** Everything the server wrote to stdout so far, byte for byte. */
  stdoutBytes(): Buffer {
    return Buffer.concat(this.stdoutChunks);
  }

  // Ending.

  /** The polite end: shutdown, then exit; resolves with how the process ended. */
  async shutdown(): Promise<ServerExit> {
    await this.within('the answer to shutdown', this.connection.sendRequest(ShutdownRequest.type));
    this.exitRequested = true;
    this.notify(this.connection.sendNotification(ExitNotification.type));
    return this.within('the server process to exit after exit', this.exited);
  }

  /**
   * Teardown: ends the process politely if it still runs, and by force if that fails. Never throws, so it cannot
   * hide the failure of the test it cleans up after; the exit itself is asserted by a test of its own.
   */
  async stop(): Promise<void> {
    try {
      if (this.child.exitCode === null && this.child.signalCode === null) await this.shutdown();
    } catch {
      // Already broken: the test that broke it reports why.
    } finally {
      this.kill();
    }
  }

  kill(): void {
    this.exitRequested = true;
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }

  private notify(sent: Promise<void>): void {
    sent.catch((error: Error) => this.streamFailed(`a message could not be sent: ${error.message}`));
  }

  private streamFailed(problem: string): void {
    this.streamErrors.push(problem);
    this.failWaits(problem);
  }

  private failWaits(problem: string): void {
    const error = new Error(problem);
    this.breakDown(error);
    this.publishes.close(error);
    this.configurationRequests.close(error);
    this.registrations.close(error);
    this.progress.close(error);
  }

  /** Waits for a promise the client made (an answer, the exit), failing with `what` when it takes too long. */
  private within<T>(what: string, promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Timed out after ${WAIT_MS} ms waiting for ${what}${this.describeState()}`)), WAIT_MS);
    });
    const failed = this.broken.catch((error: Error) => {
      throw new Error(`${error.message} while waiting for ${what}${this.describeState()}`);
    });
    return Promise.race([promise, timeout, failed]).finally(() => clearTimeout(timer));
  }

  /** The server's side of the story, for a failure message: whether it has ended, what it logged, its stderr. */
  private describeState(): string {
    // An unexpected exit is the failure itself, already in the message.
    const ended = !this.unexpectedExit && (this.child.exitCode !== null || this.child.signalCode !== null);
    const lines = [ended ? `; the server had exited (code ${this.child.exitCode}, signal ${this.child.signalCode})` : ''];
    if (this.logs.length > 0) lines.push(`server log:\n${this.logs.map((log) => `  ${log.message}`).join('\n')}`);
    if (this.stderr) lines.push(`server stderr:\n${this.stderr}`);
    return lines.join('\n');
  }
}
