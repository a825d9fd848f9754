/**
 * Group commit: single-row writes that callers make at about the same time run in one transaction,
 * so they share one durable commit (one fsync) instead of paying one each. Every caller's promise
 * settles only after that commit, so "claimed" still means "durably claimed" before a send.
 *
 * A batch that fails as a whole (one bad input, a constraint) is rerun one write per transaction,
 * so an error reaches only the caller it belongs to. Writes in a batch are ordered by their key,
 * so two processes' batches take row locks in the same order and rarely deadlock (the driver
 * reruns a batch that does).
 */
import { settle } from '../settle';
import type { SqlDriver, SqlExecutor } from './driver';

export const MAX_GROUP = 64;
/**
 * How long the first write of a batch waits for company. Sends complete one by one (each SMTP
 * answer is its own event), so without a short window most batches would hold one or two writes.
 */
export const GROUP_WINDOW_MS = 5;

export type Write<O> = (tx: SqlExecutor) => Promise<O>;

interface Pending {
	key: string;
	write: Write<unknown>;
	resolve(value: unknown): void;
	reject(error: unknown): void;
}

export class GroupCommit {
	private queue: Pending[] = [];
	private flushing = false;

	constructor(private readonly db: SqlDriver) {}

	/** Runs `write` in the next batch; `key` orders the batch (the row or unique key it touches). */
	submit<O>(key: string, write: Write<O>): Promise<O> {
		return new Promise<O>((resolve, reject) => {
			this.queue.push({ key, write, resolve: resolve as (value: unknown) => void, reject });
			if (!this.flushing) {
				this.flushing = true;
				setTimeout(() => void this.drain(), GROUP_WINDOW_MS);
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

	private async runBatch(batch: Pending[]): Promise<void> {
		if (batch.length === 1) return await this.runAlone(batch[0]!);
		const ordered = [...batch].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
		const outcome = await settle(
			this.db.transaction(async (tx) => {
				const results: unknown[] = [];
				for (const entry of ordered) results.push(await entry.write(tx));
				return results;
			}),
		);
		if (outcome.ok) {
			ordered.forEach((entry, index) => entry.resolve(outcome.value[index]));
			return;
		}
		for (const entry of ordered) await this.runAlone(entry);
	}

	private async runAlone(entry: Pending): Promise<void> {
		const outcome = await settle(this.db.transaction((tx) => entry.write(tx)));
		if (outcome.ok) entry.resolve(outcome.value);
		else entry.reject(outcome.error);
	}
}
