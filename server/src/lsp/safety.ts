// Keeps one failing handler from taking the language server down: run it, log what it threw, carry on.
import type { RemoteConsole } from 'vscode-languageserver';

/** Describes a thrown value with its stack when it has one, so the log shows where it came from. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Runs a handler; if it throws or its promise rejects, logs the error under `what` and returns `fallback`.
 * The editor then sees an empty answer for that one request instead of a server that stopped responding.
 */
export function runSafe<T>(console: RemoteConsole, what: string, fallback: T, handler: () => T | Promise<T>): Promise<T> {
  try {
    return Promise.resolve(handler()).catch((error: unknown) => logFailure(console, what, error, fallback));
  } catch (error) {
    return Promise.resolve(logFailure(console, what, error, fallback));
  }
}

function logFailure<T>(console: RemoteConsole, what: string, error: unknown, fallback: T): T {
  console.error(`Kubewright: ${what} failed: ${describeError(error)}`);
  return fallback;
}
