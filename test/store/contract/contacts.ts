import type { ContractContext } from './context';
import { errorCode, unique } from './context';

export function contactsContract(ctx: ContractContext): void {
	describe('contacts', () => {
		it('creates by externalId and normalises the fields', async () => {
			const externalId = unique('ext');
			const result = await ctx.store.upsertContact({
				externalId,
				name: ' Ada Lovelace ',
				email: ' Ada@Example.COM ',
				phone: '+4915112345678',
				timeZone: 'Europe/Berlin',
				locale: 'de-de',
				customFields: { tier: 'gold', visits: 3 },
			});
			expect(result).toMatchObject({ created: true, changed: true });
			expect(result.contact).toMatchObject({
				externalId,
				name: 'Ada Lovelace',
				email: 'ada@example.com',
				phone: '+4915112345678',
				timeZone: 'Europe/Berlin',
				locale: 'de-DE',
				customFields: { tier: 'gold', visits: 3 },
			});
			expect(result.contact.createdAt).toBe(result.contact.updatedAt);
		});

		it('an identical upsert changes nothing', async () => {
			const input = { externalId: unique('ext'), name: 'Bo', customFields: { b: 1, a: { y: 2, x: 1 } } };
			const first = await ctx.store.upsertContact(input);
			const second = await ctx.store.upsertContact(input);
			expect(second).toEqual({ contact: first.contact, created: false, changed: false });
		});

		it('keeps omitted fields, clears nulls, merges custom fields shallowly', async () => {
			const externalId = unique('ext');
			await ctx.store.upsertContact({ externalId, name: 'Cy', email: 'cy@example.com', customFields: { a: 1, b: 2 } });
			const { contact, changed } = await ctx.store.upsertContact({ externalId, email: null, customFields: { b: null, c: 3 } });
			expect(changed).toBe(true);
			expect(contact).toMatchObject({ name: 'Cy', email: null, customFields: { a: 1, c: 3 } });
			expect(contact.customFields).not.toHaveProperty('b');
		});

		it('finds by id, externalId, email (any case) and phone', async () => {
			const email = `${unique('find')}@example.com`;
			const { contact } = await ctx.store.upsertContact({ externalId: unique('ext'), email, phone: '+14155550123' });
			expect(await ctx.store.findContact({ id: contact.id })).toEqual(contact);
			expect(await ctx.store.findContact({ externalId: contact.externalId! })).toEqual(contact);
			expect(await ctx.store.findContact({ email: email.toUpperCase() })).toEqual(contact);
			expect((await ctx.store.findContact({ phone: '+14155550123' }))?.phone).toBe('+14155550123');
			expect(await ctx.store.findContact({ id: 'no-such-id' })).toBeNull();
		});

		it('without externalId matches by email, then by phone', async () => {
			const email = `${unique('m')}@example.com`;
			const phone = `+4930${Math.floor(1e7 + Math.random() * 9e7)}`;
			const created = await ctx.store.upsertContact({ email, name: 'First' });
			const byEmail = await ctx.store.upsertContact({ email, phone });
			const byPhone = await ctx.store.upsertContact({ phone, name: 'Renamed' });
			expect(created.created).toBe(true);
			expect(byEmail).toMatchObject({ created: false, changed: true });
			expect(byPhone.contact).toMatchObject({ id: created.contact.id, email, phone, name: 'Renamed' });
		});

		it('an externalId adopts an unowned contact with the same email but never another owner\'s', async () => {
			const email = `${unique('own')}@example.com`;
			const unowned = await ctx.store.upsertContact({ email });
			const adopted = await ctx.store.upsertContact({ externalId: unique('ext'), email });
			expect(adopted).toMatchObject({ created: false, contact: { id: unowned.contact.id } });
			const other = await ctx.store.upsertContact({ externalId: unique('ext'), email });
			expect(other.created).toBe(true);
			expect(other.contact.id).not.toBe(unowned.contact.id);
		});

		it('rejects invalid input', async () => {
			await expect(ctx.store.upsertContact({ name: 'no key' })).rejects.toEqual(errorCode('INVALID_INPUT'));
			await expect(ctx.store.upsertContact({ externalId: unique('x'), phone: '0151 123' })).rejects.toEqual(errorCode('INVALID_INPUT'));
			await expect(ctx.store.upsertContact({ externalId: unique('x'), timeZone: 'Mars/Base' })).rejects.toEqual(errorCode('INVALID_INPUT'));
			await expect(ctx.store.upsertContact({ externalId: unique('x'), email: 'nope' })).rejects.toEqual(errorCode('INVALID_INPUT'));
		});
	});
}
