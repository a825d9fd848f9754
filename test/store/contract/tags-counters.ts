import type { ContractContext } from './context';
import { errorCode, newContact, unique } from './context';

export function tagsContract(ctx: ContractContext): void {
	describe('tags', () => {
		it('add reports only new tags and is idempotent', async () => {
			const contact = await newContact(ctx.store);
			expect(await ctx.store.addTags(contact.id, ['vip', ' new-patient ', 'vip'])).toEqual({
				added: ['new-patient', 'vip'], removed: [], tags: ['new-patient', 'vip'],
			});
			expect(await ctx.store.addTags(contact.id, ['vip', 'Anxious'])).toEqual({
				added: ['Anxious'], removed: [], tags: ['Anxious', 'new-patient', 'vip'],
			});
			expect((await ctx.store.addTags(contact.id, ['vip'])).added).toEqual([]);
		});

		it('remove reports only tags that were there', async () => {
			const contact = await newContact(ctx.store);
			await ctx.store.addTags(contact.id, ['a', 'b']);
			expect(await ctx.store.removeTags(contact.id, ['b', 'zzz'])).toEqual({ added: [], removed: ['b'], tags: ['a'] });
			expect(await ctx.store.removeTags(contact.id, ['b'])).toEqual({ added: [], removed: [], tags: ['a'] });
		});

		it('replace reports both directions; an empty list clears', async () => {
			const contact = await newContact(ctx.store);
			await ctx.store.addTags(contact.id, ['a', 'b']);
			expect(await ctx.store.replaceTags(contact.id, ['b', 'c'])).toEqual({ added: ['c'], removed: ['a'], tags: ['b', 'c'] });
			expect(await ctx.store.replaceTags(contact.id, ['b', 'c'])).toEqual({ added: [], removed: [], tags: ['b', 'c'] });
			expect(await ctx.store.replaceTags(contact.id, [])).toEqual({ added: [], removed: ['b', 'c'], tags: [] });
		});

		it('answers hasTag and lists every tag name', async () => {
			const contact = await newContact(ctx.store);
			const tag = unique('Tag');
			await ctx.store.addTags(contact.id, [tag]);
			expect(await ctx.store.hasTag(contact.id, tag)).toBe(true);
			expect(await ctx.store.hasTag(contact.id, tag.toLowerCase())).toBe(false);
			expect(await ctx.store.getTags(contact.id)).toEqual([tag]);
			const names = await ctx.store.listTagNames();
			expect(names).toContain(tag);
			expect(new Set(names).size).toBe(names.length);
			expect([...names].sort((x, y) => (x < y ? -1 : 1))).toEqual(names);
		});

		it('rejects unknown contacts and empty names', async () => {
			await expect(ctx.store.addTags('missing', ['x'])).rejects.toEqual(errorCode('NOT_FOUND'));
			await expect(ctx.store.replaceTags('missing', ['x'])).rejects.toEqual(errorCode('NOT_FOUND'));
			const contact = await newContact(ctx.store);
			await expect(ctx.store.addTags(contact.id, ['  '])).rejects.toEqual(errorCode('INVALID_INPUT'));
		});
	});
}

export function countersContract(ctx: ContractContext): void {
	describe('counters', () => {
		it('adds and returns previous and new value', async () => {
			const contact = await newContact(ctx.store);
			expect(await ctx.store.getCounter(contact.id, 'points')).toBe(0);
			expect(await ctx.store.addToCounter(contact.id, 'points', 10)).toEqual({ previous: 0, value: 10, applied: true });
			expect(await ctx.store.addToCounter(contact.id, 'points', -2.5)).toEqual({ previous: 10, value: 7.5, applied: true });
			expect(await ctx.store.getCounter(contact.id, 'points')).toBe(7.5);
		});

		it('a repeated dedup key adds nothing and returns the current value', async () => {
			const contact = await newContact(ctx.store);
			expect(await ctx.store.addToCounter(contact.id, 'visits', 1, 'visit-1')).toEqual({ previous: 0, value: 1, applied: true });
			await ctx.store.addToCounter(contact.id, 'visits', 5);
			expect(await ctx.store.addToCounter(contact.id, 'visits', 1, 'visit-1')).toEqual({ previous: 6, value: 6, applied: false });
			expect((await ctx.store.addToCounter(contact.id, 'visits', 1, 'visit-2')).value).toBe(7);
			expect((await ctx.store.addToCounter(contact.id, 'other', 1, 'visit-1')).applied).toBe(true);
			const other = await newContact(ctx.store);
			expect((await ctx.store.addToCounter(other.id, 'visits', 1, 'visit-1')).applied).toBe(true);
		});

		it('a dedup key seen first on an absent counter reports 0', async () => {
			const contact = await newContact(ctx.store);
			await ctx.store.addToCounter(contact.id, 'zero', 0, 'k');
			expect(await ctx.store.addToCounter(contact.id, 'zero', 3, 'k')).toEqual({ previous: 0, value: 0, applied: false });
		});

		it('sets a value and lists counter names', async () => {
			const contact = await newContact(ctx.store);
			const name = unique('stamps');
			expect(await ctx.store.setCounter(contact.id, name, 4)).toEqual({ previous: 0, value: 4 });
			expect(await ctx.store.setCounter(contact.id, name, 0)).toEqual({ previous: 4, value: 0 });
			expect(await ctx.store.listCounterNames()).toContain(name);
		});

		it('rejects bad numbers and unknown contacts', async () => {
			const contact = await newContact(ctx.store);
			await expect(ctx.store.addToCounter(contact.id, 'x', Number.NaN)).rejects.toEqual(errorCode('INVALID_INPUT'));
			await expect(ctx.store.setCounter(contact.id, 'x', Infinity)).rejects.toEqual(errorCode('INVALID_INPUT'));
			await expect(ctx.store.addToCounter('missing', 'x', 1)).rejects.toEqual(errorCode('NOT_FOUND'));
			await expect(ctx.store.addToCounter('missing', 'x', 1, 'k')).rejects.toEqual(errorCode('NOT_FOUND'));
		});
	});
}
