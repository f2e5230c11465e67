/**
 * Group commit: calls arriving in the same turn of the event loop run in one IMMEDIATE transaction,
 * each in a savepoint of its own, and are answered after that one COMMIT. Under a burst of reports
 * the server then writes the shared pages (table and index leaves, WAL header) once per batch
 * instead of once per report; a lone call waits only until the loop's check phase (setImmediate).
 * Durability is unchanged: no caller hears of its row before the COMMIT that holds it.
 * A call that throws rolls back its own savepoint only and rejects alone; a failed BEGIN or COMMIT
 * rejects the whole batch, which then left nothing behind.
 */
import { setImmediate } from 'node:timers';
import type Database from 'better-sqlite3';

interface Waiting<I, O> {
  input: I;
  resolve: (out: O) => void;
  reject: (err: unknown) => void;
}

type Outcome<O> = { ok: true; out: O } | { ok: false; err: unknown };

export interface GroupCommitStats {
  /** Transactions committed and calls answered: calls ÷ batches is the mean batch size. */
  batches: number;
  calls: number;
  largest: number;
}

export class GroupCommit<I, O> {
  private waiting: Array<Waiting<I, O>> = [];
  private scheduled = false;
  private readonly one: Database.Transaction<(input: I) => O>;
  private readonly runBatch: Database.Transaction<(inputs: I[]) => Array<Outcome<O>>>;
  readonly stats: GroupCommitStats = { batches: 0, calls: 0, largest: 0 };

  constructor(db: Database.Database, apply: (input: I) => O) {
    // Called inside a transaction, a better-sqlite3 transaction function is a savepoint: a throw
    // rolls back to it and is rethrown to us.
    const one = db.transaction(apply);
    this.one = one;
    this.runBatch = db.transaction((inputs: I[]) =>
      inputs.map((input): Outcome<O> => {
        try {
          return { ok: true, out: one(input) };
        } catch (err) {
          return { ok: false, err };
        }
      }),
    );
  }

  /** The call in an IMMEDIATE transaction of its own, now (no batch, not counted in the stats). */
  alone(input: I): O {
    return this.one.immediate(input);
  }

  /** The call in the next batch, answered after that batch's COMMIT. */
  run(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.waiting;
    this.waiting = [];
    let outcomes: Array<Outcome<O>>;
    try {
      // A lone call needs no savepoint: its own transaction is the same thing.
      const lone = batch.length === 1 ? (batch[0] as Waiting<I, O>) : null;
      outcomes = lone ? [{ ok: true, out: this.alone(lone.input) }] : this.runBatch.immediate(batch.map((w) => w.input));
    } catch (err) {
      for (const w of batch) w.reject(err);
      return;
    }
    this.stats.batches += 1;
    this.stats.calls += batch.length;
    this.stats.largest = Math.max(this.stats.largest, batch.length);
    batch.forEach((w, i) => {
      const o = outcomes[i] as Outcome<O>;
      if (o.ok) w.resolve(o.out);
      else w.reject(o.err);
    });
  }
}
