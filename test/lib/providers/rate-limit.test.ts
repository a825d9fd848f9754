/** The per-credential token bucket reserves one slot per caller at the configured rate (monotonic time, injected here). */
import { TokenBucket } from '../../../lib/providers';

describe('TokenBucket', () => {
	it('spaces concurrent callers 1/rate apart after the burst, and catches up after idle time', async () => {
		let now = 1000;
		const waits: number[] = [];
		const bucket = new TokenBucket(4, 2, () => now, async (ms) => void waits.push(ms));
		await Promise.all([bucket.take(), bucket.take(), bucket.take(), bucket.take()]);
		expect(waits).toEqual([250, 500]);
		now += 10_000;
		waits.length = 0;
		await bucket.take();
		expect(waits).toEqual([]);
	});

	it('does not limit at rate 0', async () => {
		const waits: number[] = [];
		const bucket = new TokenBucket(0, 1, () => 0, async (ms) => void waits.push(ms));
		await Promise.all([bucket.take(), bucket.take()]);
		expect(waits).toEqual([]);
	});
});
