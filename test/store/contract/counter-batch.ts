import fc from 'fast-check';
import type { Contact, CounterAdd, CounterAddResult, JourneyStore } from '../../../lib/store';
import type { ContractContext } from './context';
import { errorCode, newContact, unique } from './context';
import { before, on } from './counter-expiry';

const NAMES = ['points', 'visits'];

interface Op {
	contact: number;
	name: number;
	delta: number;
	key: number | null;
}

const op = fc.record({
	contact: fc.integer({ min: 0, max: 2 }),
	name: fc.integer({ min: 0, max: 1 }),
	delta: fc.integer({ min: -6, max: 10 }),
	key: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
});

const toAdd = (contacts: Contact[], o: Op): CounterAdd => ({
	contactId: contacts[o.contact]!.id,
	name: NAMES[o.name]!,
	delta: o.delta,
	...(o.key === null ? {} : { dedupKey: `visit-${o.key}` }),
});

async function oneByOne(store: JourneyStore, adds: CounterAdd[]): Promise<CounterAddResult[]> {
	const results: CounterAddResult[] = [];
	for (const add of adds) results.push(await store.addToCounter(add.contactId, add.name, add.delta, add.dedupKey));
	return results;
}

/** Expires each counter at each day's cut-off, in order: equal answers mean equal ledgers (FIFO expiry). */
async function expiries(store: JourneyStore, contacts: Contact[], days: number): Promise<unknown[]> {
	const answers: unknown[] = [];
	for (let day = 2; day <= days + 1; day++) {
		for (const contact of contacts) for (const name of NAMES) answers.push(await store.expireCounter(contact.id, name, before(day)));
	}
	return answers;
}

export function counterBatchContract(ctx: ContractContext): void {
	describe('counter batches (addToCounters)', () => {
		it('give every add exactly what adding one by one gives, and leave the same ledger to expire', async () => {
			await fc.assert(
				fc.asyncProperty(fc.array(fc.array(op, { maxLength: 25 }), { minLength: 1, maxLength: 3 }), async (batches) => {
					const batched = [await newContact(ctx.store), await newContact(ctx.store), await newContact(ctx.store)];
					const single = [await newContact(ctx.store), await newContact(ctx.store), await newContact(ctx.store)];
					for (const [day, batch] of batches.entries()) {
						const got = await on(day + 1, () => ctx.store.addToCounters(batch.map((o) => toAdd(batched, o))));
						const want = await on(day + 1, () => oneByOne(ctx.store, batch.map((o) => toAdd(single, o))));
						expect(got).toEqual(want);
					}
					expect(await expiries(ctx.store, batched, batches.length)).toEqual(await expiries(ctx.store, single, batches.length));
				}),
				{ numRuns: 25 },
			);
		});

		it('a dedup key counts once: within a batch, across batches, and against single adds', async () => {
			const { id } = await newContact(ctx.store);
			await ctx.store.addToCounter(id, 'visits', 1, 'visit-0');
			expect(
				await ctx.store.addToCounters([
					{ contactId: id, name: 'visits', delta: 1, dedupKey: 'visit-1' },
					{ contactId: id, name: 'visits', delta: 1, dedupKey: 'visit-1' },
					{ contactId: id, name: 'visits', delta: 1, dedupKey: 'visit-0' },
					{ contactId: id, name: 'visits', delta: 2 },
					{ contactId: id, name: 'other', delta: 1, dedupKey: 'visit-1' },
				]),
			).toEqual([
				{ previous: 1, value: 2, applied: true },
				{ previous: 2, value: 2, applied: false },
				{ previous: 2, value: 2, applied: false },
				{ previous: 2, value: 4, applied: true },
				{ previous: 0, value: 1, applied: true },
			]);
			expect(await ctx.store.addToCounters([{ contactId: id, name: 'visits', delta: 1, dedupKey: 'visit-1' }])).toEqual([
				{ previous: 4, value: 4, applied: false },
			]);
			expect(await ctx.store.addToCounter(id, 'visits', 1, 'visit-1')).toEqual({ previous: 4, value: 4, applied: false });
			expect(await ctx.store.addToCounters([{ contactId: id, name: 'never', delta: 3, dedupKey: 'k' }, { contactId: id, name: 'never', delta: 3, dedupKey: 'k' }]))
				.toEqual([{ previous: 0, value: 3, applied: true }, { previous: 3, value: 3, applied: false }]);
		});

		it('a batch of only duplicates reports the current values and writes nothing', async () => {
			const { id } = await newContact(ctx.store);
			await ctx.store.addToCounter(id, 'visits', 5, 'a');
			await ctx.store.addToCounter(id, 'zero', 0, 'b');
			expect(
				await ctx.store.addToCounters([
					{ contactId: id, name: 'visits', delta: 1, dedupKey: 'a' },
					{ contactId: id, name: 'zero', delta: 1, dedupKey: 'b' },
				]),
			).toEqual([{ previous: 5, value: 5, applied: false }, { previous: 0, value: 0, applied: false }]);
			expect(await ctx.store.getCounter(id, 'visits')).toBe(5);
		});

		it('keeps the one-by-one value when floating point sums differ', async () => {
			const [a, b] = [await newContact(ctx.store), await newContact(ctx.store)];
			const deltas = [0.1, 0.2, 0.3, -0.7, 1e16, 1, 1];
			const got = await ctx.store.addToCounters(deltas.map((delta) => ({ contactId: a.id, name: 'points', delta })));
			const want = await oneByOne(ctx.store, deltas.map((delta) => ({ contactId: b.id, name: 'points', delta })));
			expect(got).toEqual(want);
			expect(await ctx.store.getCounter(a.id, 'points')).toBe(await ctx.store.getCounter(b.id, 'points'));
		});

		it('spans several transactions for long lists, and an empty list does nothing', async () => {
			const { id } = await newContact(ctx.store);
			const results = await ctx.store.addToCounters(Array.from({ length: 1203 }, (_, i) => ({ contactId: id, name: 'points', delta: 1, dedupKey: `k${i % 1100}` })));
			expect(results.filter((r) => r.applied)).toHaveLength(1100);
			expect(results.at(-1)).toEqual({ previous: 1100, value: 1100, applied: false });
			expect(await ctx.store.getCounter(id, 'points')).toBe(1100);
			expect(await ctx.store.addToCounters([])).toEqual([]);
		});

		it('rejects a bad entry by its position, and an unknown contact, without applying anything', async () => {
			const { id } = await newContact(ctx.store);
			const bad = ctx.store.addToCounters([{ contactId: id, name: 'points', delta: 1 }, { contactId: id, name: ' ', delta: 1 }]);
			await expect(bad).rejects.toEqual(errorCode('INVALID_INPUT'));
			await expect(bad).rejects.toThrow('adds[1].name');
			await expect(ctx.store.addToCounters([{ contactId: id, name: 'points', delta: Number.NaN }])).rejects.toThrow('adds[0].delta');
			await expect(ctx.store.addToCounters([{ contactId: id, name: 'points', delta: 1 }, { contactId: 'missing', name: 'points', delta: 1 }]))
				.rejects.toEqual(errorCode('NOT_FOUND'));
			await expect(ctx.store.addToCounters([{ contactId: 'missing', name: 'points', delta: 1, dedupKey: 'k' }])).rejects.toEqual(errorCode('NOT_FOUND'));
			expect(await ctx.store.getCounter(id, 'points')).toBe(0);
		});

		it('20 concurrent batches on overlapping contacts lose nothing and count each shared key once', async () => {
			const contacts = await Promise.all(Array.from({ length: 6 }, () => newContact(ctx.store)));
			const name = unique('points');
			const callers = 20;
			const perCaller = 120;
			const runs = await Promise.all(
				Array.from({ length: callers }, (_, caller) => {
					// Each caller walks the contacts from a different start, so lock orders would cross without sorting.
					const adds = Array.from({ length: perCaller }, (_, i): CounterAdd => ({
						contactId: contacts[(caller + i) % contacts.length]!.id,
						name,
						delta: 1,
						// Every 4th add carries a key all callers share: it counts once over all of them.
						...(i % 4 === 0 ? { dedupKey: `shared-${i}` } : {}),
					}));
					return ctx.store.addToCounters(adds).then((results) => ({ adds, results }));
				}),
			);
			const applied = runs.flatMap(({ adds, results }) => results.map((r, i) => ({ ...r, contactId: adds[i]!.contactId, key: adds[i]!.dedupKey })));
			const sharedKeys = new Set(applied.filter((a) => a.key).map((a) => `${a.contactId}/${a.key}`));
			expect(applied.filter((a) => a.key && a.applied)).toHaveLength(sharedKeys.size);
			let total = 0;
			for (const contact of contacts) {
				const seen = applied.filter((a) => a.contactId === contact.id && a.applied).map((a) => a.value).sort((x, y) => x - y);
				expect(seen).toEqual(Array.from({ length: seen.length }, (_, i) => i + 1));
				expect(await ctx.store.getCounter(contact.id, name)).toBe(seen.length);
				total += seen.length;
			}
			expect(total).toBe(callers * perCaller * 3 / 4 + sharedKeys.size);
		});
	});

	describe('findContacts', () => {
		it('answers each lookup in order, like findContact, with null for unknown ones', async () => {
			const a = await newContact(ctx.store, { email: `${unique('a')}@example.com` });
			const b = await newContact(ctx.store, { phone: '+4915112345678' });
			const lookups = [
				{ externalId: b.externalId! },
				{ id: a.id },
				{ email: a.email!.toUpperCase() },
				{ externalId: 'nobody' },
				{ phone: '+4915112345678' },
				{ externalId: b.externalId! },
			];
			const expected = await Promise.all(lookups.map((lookup) => ctx.store.findContact(lookup)));
			expect(await ctx.store.findContacts(lookups)).toEqual(expected);
			expect(expected[3]).toBeNull();
			expect(await ctx.store.findContacts([])).toEqual([]);
			await expect(ctx.store.findContacts([{ email: 'not an address' }])).rejects.toEqual(errorCode('INVALID_INPUT'));
		});
	});
}
