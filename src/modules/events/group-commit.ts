import type { Db, Executor } from '../../core/db/database.js';

interface Pending<I, R> {
  item: I;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/** Up to this many queued items share one transaction. */
const MAX_GROUP = 200;

/**
 * Group commit: items submitted concurrently are written in one transaction
 * (one commit, so one fsync on SQLite, for the whole group). Every caller
 * still gets its answer only after its item committed. If the group's
 * transaction fails (e.g. one repeated Idempotency-Key), each item is retried
 * in its own transaction, so one bad item never fails the others, and each
 * caller whose own transaction fails gets that error.
 *
 * `write` receives the transaction and a scope shared by the items of that
 * transaction (see TransactionScope).
 */
export class GroupCommit<I, R> {
  private queue: Pending<I, R>[] = [];
  private draining = false;

  constructor(
    private readonly db: Db,
    private readonly write: (trx: Executor, item: I, scope: TransactionScope) => Promise<R>,
  ) {}

  submit(item: I): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        // One turn of the event loop lets requests that arrived together join the group.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.commit(this.queue.splice(0, MAX_GROUP));
    } finally {
      this.draining = false;
    }
  }

  private async commit(group: Pending<I, R>[]): Promise<void> {
    try {
      const results = await this.db.transaction().execute(async (trx) => {
        const scope = new TransactionScope();
        const out: R[] = [];
        for (const { item } of group) out.push(await this.write(trx, item, scope));
        return out;
      });
      group.forEach((pending, i) => pending.resolve(results[i]));
    } catch (error) {
      if (group.length === 1) {
        group[0].reject(error);
        return;
      }
      for (const pending of group) {
        await this.db.transaction().execute((trx) => this.write(trx, pending.item, new TransactionScope())).then(pending.resolve, pending.reject);
      }
    }
  }
}

/**
 * What the writes of one transaction may share: a value computed once and
 * reused by the later writes of the same transaction (e.g. a group commit's
 * fan-out reads a workspace's subscriptions once for all its events; a
 * group only publishes events, so what it reads cannot change inside it).
 * Gone with the transaction: nothing is keyed on transaction objects.
 */
export class TransactionScope {
  private readonly values = new Map<string, Promise<unknown>>();

  once<T>(key: string, compute: () => Promise<T>): Promise<T> {
    let value = this.values.get(key) as Promise<T> | undefined;
    if (!value) this.values.set(key, (value = compute()));
    return value;
  }
}
