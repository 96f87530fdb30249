import type { Db, Executor } from '../../core/db/database.js';

interface Pending<I, R> {
  item: I;
  weight: number;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

interface GroupCommitOptions<I> {
  /** A group takes items until their weights add up to this (always at least one item). */
  maxWeight: number;
  /** The weight of an item, e.g. how many rows it writes. */
  weight: (item: I) => number;
}

/**
 * Group commit: items submitted concurrently are written in one transaction
 * (one commit, so one fsync, for the whole group), by one call of `write`
 * that gets them all, in submission order, and answers one result per item.
 * Every caller still gets its answer only after its item committed. If the
 * group's transaction fails (e.g. one repeated Idempotency-Key), each item is
 * retried in its own transaction, so one bad item never fails the others,
 * and each caller whose own transaction fails gets that error.
 *
 * One group is written at a time; what arrives meanwhile forms the next.
 * (On PostgreSQL, two groups at once were tried: the groups halve, so the
 * round trips and CPU per event grow, and throughput drops.)
 */
export class GroupCommit<I, R> {
  private queue: Pending<I, R>[] = [];
  private running = false;
  private scheduled = false;

  constructor(
    private readonly db: Db,
    private readonly write: (trx: Executor, items: I[]) => Promise<R[]>,
    private readonly options: GroupCommitOptions<I>,
  ) {}

  submit(item: I): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, weight: this.options.weight(item), resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running || this.queue.length === 0) return;
    this.scheduled = true;
    // One turn of the event loop lets requests that arrived together join the group.
    setImmediate(() => {
      this.scheduled = false;
      this.running = true;
      void this.commit(this.take()).finally(() => {
        this.running = false;
        this.schedule();
      });
    });
  }

  /** The next group: queued items in order, up to maxWeight (at least one). */
  private take(): Pending<I, R>[] {
    let weight = this.queue[0].weight;
    let n = 1;
    while (n < this.queue.length && weight + this.queue[n].weight <= this.options.maxWeight) weight += this.queue[n++].weight;
    return this.queue.splice(0, n);
  }

  private async commit(group: Pending<I, R>[]): Promise<void> {
    try {
      const results = await this.db.transaction().execute((trx) => this.write(trx, group.map((p) => p.item)));
      group.forEach((pending, i) => pending.resolve(results[i]));
    } catch (error) {
      if (group.length === 1) {
        group[0].reject(error);
        return;
      }
      for (const pending of group) {
        await this.db.transaction().execute(async (trx) => (await this.write(trx, [pending.item]))[0]).then(pending.resolve, pending.reject);
      }
    }
  }
}
