import { openStore } from '../../../lib/store';
import type { ContractContext } from './context';
import { errorCode, newContact } from './context';

const REAL_TIMERS = [
	'hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate',
	'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout',
] as const;

/** Only Date is faked, so each write is dated by the test while the drivers keep their real timers. */
export async function on<T>(day: number, fn: () => Promise<T>): Promise<T> {
	jest.useFakeTimers({ now: new Date(dayIso(day)), doNotFake: [...REAL_TIMERS] });
	try {
		return await fn();
	} finally {
		jest.useRealTimers();
	}
}

const dayIso = (day: number) => new Date(Date.UTC(2027, 0, day, 12)).toISOString();
/** Just after the start of that day: entries of earlier days are older. */
export const before = (day: number) => new Date(Date.UTC(2027, 0, day)).toISOString();

export function counterExpiryContract(ctx: ContractContext): void {
	describe('counter expiry', () => {
		it('spending takes the oldest points first; expiry removes what is left of old additions', async () => {
			const { id } = await newContact(ctx.store);
			await on(1, () => ctx.store.addToCounter(id, 'points', 100));
			await on(10, () => ctx.store.addToCounter(id, 'points', 50));
			await on(12, () => ctx.store.addToCounter(id, 'points', -80));
			expect(await ctx.store.expireCounter(id, 'points', before(5))).toEqual({ expired: 20, value: 50 });
			expect(await ctx.store.expireCounter(id, 'points', before(5))).toEqual({ expired: 0, value: 50 });
			expect(await ctx.store.getCounter(id, 'points')).toBe(50);
			await on(20, () => ctx.store.addToCounter(id, 'points', -60));
			expect(await ctx.store.getCounter(id, 'points')).toBe(-10);
			expect(await ctx.store.expireCounter(id, 'points', before(30))).toEqual({ expired: 0, value: -10 });
		});

		it('a counter that went below 0 keeps only what lifts it above 0', async () => {
			const { id } = await newContact(ctx.store);
			await on(1, () => ctx.store.addToCounter(id, 'points', 10));
			await on(2, () => ctx.store.addToCounter(id, 'points', -15));
			await on(3, () => ctx.store.addToCounter(id, 'points', 8));
			expect(await ctx.store.expireCounter(id, 'points', before(3))).toEqual({ expired: 0, value: 3 });
			expect(await ctx.store.expireCounter(id, 'points', before(4))).toEqual({ expired: 3, value: 0 });
		});

		it('set leaves one addition of the new value dated now; reset leaves none', async () => {
			const { id } = await newContact(ctx.store);
			await on(1, () => ctx.store.addToCounter(id, 'points', 100));
			await on(10, () => ctx.store.setCounter(id, 'points', 30));
			expect(await ctx.store.expireCounter(id, 'points', before(10))).toEqual({ expired: 0, value: 30 });
			expect(await ctx.store.expireCounter(id, 'points', before(11))).toEqual({ expired: 30, value: 0 });

			await on(12, () => ctx.store.addToCounter(id, 'points', 40));
			await on(13, () => ctx.store.setCounter(id, 'points', 0));
			await on(14, () => ctx.store.addToCounter(id, 'points', 5));
			expect(await ctx.store.expireCounter(id, 'points', before(20))).toEqual({ expired: 5, value: 0 });
		});

		it('a duplicate dedup key adds no points to expire; other counters and contacts are untouched', async () => {
			const { id } = await newContact(ctx.store);
			const other = await newContact(ctx.store);
			await on(1, async () => {
				await ctx.store.addToCounter(id, 'points', 10, 'visit-1');
				await ctx.store.addToCounter(id, 'points', 10, 'visit-1');
				await ctx.store.addToCounter(id, 'visits', 1);
				await ctx.store.addToCounter(other.id, 'points', 7);
			});
			expect(await ctx.store.expireCounter(id, 'points', before(2))).toEqual({ expired: 10, value: 0 });
			expect(await ctx.store.getCounter(id, 'visits')).toBe(1);
			expect(await ctx.store.getCounter(other.id, 'points')).toBe(7);
		});

		it('a counter never written expires nothing; a bad cut-off is refused', async () => {
			const { id } = await newContact(ctx.store);
			expect(await ctx.store.expireCounter(id, 'never', before(2))).toEqual({ expired: 0, value: 0 });
			await expect(ctx.store.expireCounter(id, 'points', '30 days ago')).rejects.toEqual(errorCode('INVALID_INPUT'));
			await expect(ctx.store.expireCounter(id, ' ', before(2))).rejects.toEqual(errorCode('INVALID_INPUT'));
		});

		it('expiry racing adds and spends on two connections loses nothing: the total stays the sum of what is left', async () => {
			const { id } = await newContact(ctx.store);
			const second = await openStore(ctx.config.type === 'postgres' ? { ...ctx.config, poolSize: 2 } : ctx.config);
			// Everything added before and during the race is older than this cut-off.
			const cutOff = new Date(Date.now() + 3_600_000).toISOString();
			try {
				await ctx.store.addToCounter(id, 'points', 100);
				const stores = [ctx.store, second];
				const writes: Promise<unknown>[] = [];
				const expiries: Promise<{ expired: number }>[] = [];
				for (let i = 0; i < 60; i++) {
					const store = stores[i % 2]!;
					writes.push(store.addToCounter(id, 'points', 3));
					if (i % 3 === 0) writes.push(store.addToCounter(id, 'points', -2));
					if (i % 5 === 0) expiries.push(store.expireCounter(id, 'points', cutOff));
				}
				await Promise.all(writes);
				const expired = (await Promise.all(expiries)).reduce((sum, result) => sum + result.expired, 0);
				const value = await ctx.store.getCounter(id, 'points');
				expect(expired).toBeGreaterThan(0);
				expect(value).toBe(100 + 60 * 3 - 20 * 2 - expired);
				// Everything left above 0 is in the ledger: expiring it all takes the counter exactly to 0
				// (spends after an expiry may have taken it below 0: then there is nothing to expire).
				const left = Math.max(0, value);
				expect(await ctx.store.expireCounter(id, 'points', '2999-01-01T00:00:00Z')).toEqual({ expired: left, value: value - left });
			} finally {
				await second.close();
			}
		});
	});
}
