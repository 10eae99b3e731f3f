// Events the test client receives (publishes, settings requests), kept in arrival order until a test reads them,
// with waits that time out naming what they awaited.

/** How long a test waits for one event (a publish, a request, the exit) before failing with what it awaited. */
export const WAIT_MS = 5_000;

interface Waiter<T> {
  matches: (item: T) => boolean;
  resolve: (item: T) => void;
  fail: (error: Error) => void;
}

/**
 * Events of one kind in arrival order. `next` takes the oldest unread one that matches, or waits for it, so a test
 * reads every publish it caused in order and an unexpected one (a stale result) shows up as the wrong next item.
 */
export class Inbox<T> {
  private readonly unread: T[] = [];
  private readonly waiters = new Set<Waiter<T>>();
  private failure?: Error;

  constructor(private readonly describeState: () => string) {}

  deliver(item: T): void {
    for (const waiter of this.waiters) {
      if (waiter.matches(item)) {
        this.waiters.delete(waiter);
        waiter.resolve(item);
        return;
      }
    }
    this.unread.push(item);
  }

  next(what: string, matches: (item: T) => boolean): Promise<T> {
    const index = this.unread.findIndex(matches);
    if (index >= 0) return Promise.resolve(this.unread.splice(index, 1)[0]);
    if (this.failure) return Promise.reject(new Error(`${this.failure.message}, so no ${what} will come`));
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`Timed out after ${WAIT_MS} ms waiting for ${what}${this.describeState()}`));
      }, WAIT_MS);
      const waiter: Waiter<T> = {
        matches,
        resolve: (item) => {
          clearTimeout(timer);
          resolve(item);
        },
        fail: (error) => {
          clearTimeout(timer);
          reject(new Error(`${error.message} while waiting for ${what}${this.describeState()}`));
        },
      };
      this.waiters.add(waiter);
    });
  }

  /** Empties the inbox, returning what arrived that no test asked for. */
  takeUnread(): T[] {
    return this.unread.splice(0);
  }

  /** Nothing more will arrive (the server died or the stream broke): fail every wait now instead of timing out. */
  close(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiters) waiter.fail(error);
    this.waiters.clear();
  }
}
