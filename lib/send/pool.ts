/**
 * Items of one execution sent with bounded concurrency, results read back in item order (so the
 * node's per-item loop, pairedItem and continue-on-fail stay as they are).
 */
export interface ConcurrentRun<T> {
	/** The result of item `index`; starts nothing by itself. */
	result(index: number): Promise<T>;
	/** Starts no further items. */
	stop(): void;
	/** Resolves when every started item has finished. */
	drain(): Promise<void>;
}

export function runConcurrently<T>(count: number, limit: number, task: (index: number) => Promise<T>): ConcurrentRun<T> {
	const settles: Array<{ resolve: (value: T) => void; reject: (error: unknown) => void }> = [];
	const results = Array.from(
		{ length: count },
		(_, index) =>
			new Promise<T>((resolve, reject) => {
				settles[index] = { resolve, reject };
			}),
	);
	for (const promise of results) promise.catch(() => undefined);
	let next = 0;
	let stopped = false;
	const worker = async () => {
		while (!stopped && next < count) {
			const index = next++;
			try {
				settles[index].resolve(await task(index));
			} catch (error) {
				settles[index].reject(error);
			}
		}
	};
	const workers = Array.from({ length: Math.max(1, Math.min(limit, count)) }, () => worker());
	return {
		result: (index) => results[index],
		stop: () => {
			stopped = true;
		},
		drain: async () => {
			await Promise.all(workers);
		},
	};
}
