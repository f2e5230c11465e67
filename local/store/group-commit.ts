/**
 * Group commit: the first call of a turn of the event loop runs at once, in a transaction of its
 * own; the calls after it in the same turn run together in one IMMEDIATE transaction, each in a
 * savepoint of its own, at the loop's check phase (setImmediate), and are answered after that one
 * COMMIT. Under a burst of reports the server then writes the shared pages (table and index leaves,
 * WAL header) once per batch instead of once per report, while a lone call (one client, a quiet
 * hour) never waits for a batch that nobody else joins: like PostgreSQL's commit_siblings, the
 * grouping only costs a wait when there is company.
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
  /** A batch waits for the check phase: calls of this turn join it. */
  private batchOpen = false;
  private readonly one: Database.Transaction<(input: I) => O>;
  private readonly runBatch: Database.Transaction<(inputs: I[]) => Array<Outcome<O>>>;
  private readonly all: Database.Transaction<(inputs: I[]) => O[]>;
  readonly stats: GroupCommitStats = { batches: 0, calls: 0, largest: 0 };

  /** `grouped: false` makes every `run` a transaction of its own, uncounted (the store with group commit off). */
  constructor(
    db: Database.Database,
    apply: (input: I) => O,
    private readonly grouped = true,
  ) {
    // Called inside a transaction, a better-sqlite3 transaction function is a savepoint: a throw
    // rolls back to it and is rethrown to us.
    const one = db.transaction(apply);
    this.one = one;
    this.all = db.transaction((inputs: I[]) => inputs.map((input) => one(input)));
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

  /** The call in an IMMEDIATE transaction of its own, now (uncounted: `run` counts its own; the benchmark's raw insert). */
  alone(input: I): O {
    return this.one.immediate(input);
  }

  /**
   * The calls together in one IMMEDIATE transaction of their own, now, a savepoint each, all or
   * nothing: one that throws rolls them all back (not counted in the stats: the benchmark's raw
   * insert grouped as the server grouped).
   */
  together(inputs: I[]): O[] {
    return this.all.immediate(inputs);
  }

  /**
   * The turn's first call now, in its own transaction; a later call of the same turn in the batch
   * that the first opened, answered after that batch's COMMIT.
   */
  run(input: I): Promise<O> {
    if (!this.grouped || !this.batchOpen) {
      // The batch is opened for the calls that may follow in this turn; this one does not wait for it.
      if (this.grouped) {
        this.batchOpen = true;
        setImmediate(() => this.flush());
      }
      try {
        const out = this.alone(input);
        if (this.grouped) this.count(1);
        return Promise.resolve(out);
      } catch (err) {
        return Promise.reject(err);
      }
    }
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
    });
  }

  private count(calls: number): void {
    this.stats.batches += 1;
    this.stats.calls += calls;
    this.stats.largest = Math.max(this.stats.largest, calls);
  }

  private flush(): void {
    this.batchOpen = false;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    let outcomes: Array<Outcome<O>>;
    try {
      // A lone call needs no savepoint: its own transaction is the same thing.
      const lone = batch.length === 1 ? (batch[0] as Waiting<I, O>) : null;
      outcomes = lone ? [{ ok: true, out: this.alone(lone.input) }] : this.runBatch.immediate(batch.map((w) => w.input));
    } catch (err) {
      for (const w of batch) w.reject(err);
      return;
    }
    this.count(batch.length);
    batch.forEach((w, i) => {
      const o = outcomes[i] as Outcome<O>;
      if (o.ok) w.resolve(o.out);
      else w.reject(o.err);
    });
  }
}
