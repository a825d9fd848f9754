/**
 * Group commit: single-row writes that callers make at the same time run in one transaction, so
 * they share one durable commit (one fsync) instead of paying one each. Every caller's promise
 * settles only after that commit, so "claimed" still means "durably claimed" before a send.
 *
 * A batch that fails as a whole (one bad input, a constraint) is rerun one write per transaction,
 * so an error reaches only the caller it belongs to. Writes in a batch are ordered by their key,
 * so two processes' batches take row locks in the same order and cannot deadlock each other.
 */
import { settle } from '../settle';
import type { SqlDriver, SqlExecutor } from './driver';

export const MAX_GROUP = 64;

interface Pending<I, O> {
	input: I;
	resolve(value: O): void;
	reject(error: unknown): void;
}

export class GroupCommit<I, O> {
	private queue: Array<Pending<I, O>> = [];
	private flushing = false;

	constructor(
		private readonly db: SqlDriver,
		private readonly write: (tx: SqlExecutor, input: I) => Promise<O>,
		private readonly keyOf: (input: I) => string,
	) {}

	submit(input: I): Promise<O> {
		return new Promise<O>((resolve, reject) => {
			this.queue.push({ input, resolve, reject });
			// setImmediate: the writes issued in this turn of the event loop join the same batch.
			if (!this.flushing) {
				this.flushing = true;
				setImmediate(() => void this.drain());
			}
		});
	}

	private async drain(): Promise<void> {
		while (this.queue.length) {
			const batch = this.queue.splice(0, MAX_GROUP);
			await this.runBatch(batch);
		}
		this.flushing = false;
	}

	private async runBatch(batch: Array<Pending<I, O>>): Promise<void> {
		if (batch.length === 1) return await this.runAlone(batch[0]!);
		const ordered = [...batch].sort((a, b) => compare(this.keyOf(a.input), this.keyOf(b.input)));
		const outcome = await settle(
			this.db.transaction(async (tx) => {
				const results: O[] = [];
				for (const entry of ordered) results.push(await this.write(tx, entry.input));
				return results;
			}),
		);
		if (outcome.ok) {
			ordered.forEach((entry, index) => entry.resolve(outcome.value[index]!));
			return;
		}
		for (const entry of ordered) await this.runAlone(entry);
	}

	private async runAlone(entry: Pending<I, O>): Promise<void> {
		const outcome = await settle(this.db.transaction((tx) => this.write(tx, entry.input)));
		if (outcome.ok) entry.resolve(outcome.value);
		else entry.reject(outcome.error);
	}
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
