/**
 * Messages per second per credential, per process: a token bucket (GCRA) that reserves a slot
 * for each caller, so concurrent sends queue fairly. Monotonic time, not Date (tests fake Date).
 */
import { performance } from 'node:perf_hooks';

import { defaultSleep } from './retry';

export class TokenBucket {
	private theoreticalArrival = 0;

	constructor(
		private perSecond: number,
		private readonly burst = 1,
		private readonly now: () => number = () => performance.now(),
		private readonly sleep: (ms: number) => Promise<void> = defaultSleep,
	) {}

	setRate(perSecond: number): void {
		this.perSecond = perSecond;
	}

	/** Resolves when the caller may send. */
	async take(): Promise<void> {
		if (!(this.perSecond > 0)) return;
		const interval = 1000 / this.perSecond;
		const tolerance = (Math.max(1, this.burst) - 1) * interval;
		const now = this.now();
		const earliest = Math.max(now, this.theoreticalArrival - tolerance);
		this.theoreticalArrival = Math.max(this.theoreticalArrival, now) + interval;
		if (earliest > now) await this.sleep(earliest - now);
	}
}

const buckets = new Map<string, TokenBucket>();

/** One bucket per key (provider + credential fingerprint) in this process; 0 or less means no limit. */
export function rateLimiter(key: string, perSecond: number): TokenBucket {
	let bucket = buckets.get(key);
	if (!bucket) {
		bucket = new TokenBucket(perSecond);
		buckets.set(key, bucket);
	} else bucket.setRate(perSecond);
	return bucket;
}
