/**
 * Bookkeeping writes that nothing in the run waits for (a "sent" status after the provider
 * accepted): started at once, awaited together before the run ends. Exactly-once does not depend
 * on them — the claim committed before the send does — so items need not wait for their commit,
 * and the store can group many of them into one.
 */
export class PendingWrites {
	private readonly writes: Array<Promise<unknown>> = [];

	add(write: Promise<unknown>): void {
		write.catch(() => undefined);
		this.writes.push(write);
	}

	/** Waits for every write; returns the errors of those that failed. */
	async settle(): Promise<unknown[]> {
		const outcomes = await Promise.allSettled(this.writes);
		return outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
	}
}
