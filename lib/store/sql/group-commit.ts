/**
 * Group commit: single-row writes that callers make at about the same time run in one transaction,
 * so they share one durable commit (one fsync) instead of paying one each. Every caller's promise
 * settles only after that commit, so "claimed" still means "durably claimed" before a send.
 *
 * A batch that fails as a whole (one bad input, a constraint) is rerun one write per transaction,
 * so an error reaches only the caller it belongs to. Writes in a batch are ordered by their key,
 * so two processes' batches take row locks in the same order and rarely deadlock (the driver
 * reruns a batch that does). Side-by-side writes that say how to `Combine` (claims: one multi-row
 * INSERT) run as one statement, which saves a round trip per write.
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

/** How writes of one kind that end up side by side in a batch run as one statement (e.g. a multi-row INSERT). */
export interface Combine<I, O> {
	kind: string;
	input: I;
	/** Answers every input, in order; must do exactly what `write` would have done for each. */
	all(tx: SqlExecutor, inputs: I[]): Promise<O[]>;
}

interface Pending {
	key: string;
	write: Write<unknown>;
	combine?: Combine<unknown, unknown>;
	resolve(value: unknown): void;
	reject(error: unknown): void;
}

export class GroupCommit {
	private queue: Pending[] = [];
	private flushing = false;

	constructor(private readonly db: SqlDriver) {}

	/** Runs `write` in the next batch; `key` orders the batch (the row or unique key it touches). */
	submit<O, I = never>(key: string, write: Write<O>, combine?: Combine<I, O>): Promise<O> {
		return new Promise<O>((resolve, reject) => {
			this.queue.push({ key, write, combine: combine as Combine<unknown, unknown> | undefined, resolve: resolve as (value: unknown) => void, reject });
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
				for (const run of runsOfAKind(ordered)) {
					const combine = run[0]!.combine;
					if (combine && run.length > 1) results.push(...(await combine.all(tx, run.map((entry) => entry.combine!.input))));
					else results.push(await run[0]!.write(tx));
				}
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

/** Consecutive entries that combine into one statement, else one entry at a time. */
function runsOfAKind(ordered: Pending[]): Pending[][] {
	const runs: Pending[][] = [];
	for (const entry of ordered) {
		const last = runs[runs.length - 1];
		if (entry.combine && last?.[0]!.combine?.kind === entry.combine.kind) last.push(entry);
		else runs.push([entry]);
	}
	return runs;
}
