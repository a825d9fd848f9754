import type { ContractContext } from './context';
import { errorCode, newContact, unique } from './context';

/** atomically(): all-or-nothing units of work; group commit: concurrent claims stay exactly-once. */
export function atomicContract(ctx: ContractContext): void {
	describe('atomically', () => {
		it('commits every operation of the unit together', async () => {
			const source = unique('src');
			const externalId = unique('contact');
			const visitId = unique('visit');
			const result = await ctx.store.atomically(async (tx) => {
				expect(await tx.claimEvent(source, 'e1')).toBe(true);
				const { contact } = await tx.upsertContact({ externalId, email: `${externalId}@example.com` });
				const { visit } = await tx.upsertVisit({ externalId: visitId, contactId: contact.id, startAt: '2030-01-01T09:00:00Z' });
				return visit.version;
			});
			expect(result).toBe(1);
			expect(await ctx.store.claimEvent(source, 'e1')).toBe(false);
			expect(await ctx.store.getVisit({ externalId: visitId })).toMatchObject({ externalId: visitId, version: 1 });
		});

		it('rolls back every operation when the unit throws, and rethrows', async () => {
			const source = unique('src');
			const externalId = unique('contact');
			await expect(
				ctx.store.atomically(async (tx) => {
					await tx.claimEvent(source, 'e1');
					await tx.upsertContact({ externalId });
					await tx.addTags((await tx.findContact({ externalId }))!.id, ['vip']);
					throw new Error('payload check failed');
				}),
			).rejects.toThrow('payload check failed');
			expect(await ctx.store.findContact({ externalId })).toBeNull();
			expect(await ctx.store.claimEvent(source, 'e1')).toBe(true);
		});
	});

	describe('group-committed claims and updates', () => {
		it('hands each key to exactly one of many concurrent claims; the others get the winner', async () => {
			const contact = await newContact(ctx.store);
			const keys = Array.from({ length: 12 }, () => unique('k'));
			const claims = await Promise.all(
				Array.from({ length: 120 }, (_, index) =>
					ctx.store.claimMessage({ idempotencyKey: keys[index % keys.length]!, contactId: contact.id, channel: 'email', purpose: 'service', body: `try ${index}` }),
				),
			);
			for (const key of keys) {
				const forKey = claims.filter((claim) => claim.message.idempotencyKey === key);
				expect(forKey).toHaveLength(10);
				expect(forKey.filter((claim) => claim.claimed)).toHaveLength(1);
				expect(new Set(forKey.map((claim) => claim.message.id)).size).toBe(1);
			}
		});

		it('fails only the bad claim among concurrent good ones', async () => {
			const contact = await newContact(ctx.store);
			const good = Array.from({ length: 8 }, () =>
				ctx.store.claimMessage({ idempotencyKey: unique('k'), contactId: contact.id, channel: 'sms', purpose: 'service' }),
			);
			const missingContact = ctx.store.claimMessage({ idempotencyKey: unique('k'), contactId: 'no-such-contact', channel: 'sms', purpose: 'service' });
			const badChannel = ctx.store.claimMessage({ idempotencyKey: unique('k'), contactId: contact.id, channel: 'fax' as 'sms', purpose: 'service' });
			// Both expectations attach at once: the two rejections settle in either order.
			await Promise.all([expect(missingContact).rejects.toEqual(errorCode('NOT_FOUND')), expect(badChannel).rejects.toThrow(/channel/)]);
			for (const claim of await Promise.all(good)) expect(claim.claimed).toBe(true);
		});

		it('applies concurrent updates of different shapes, each with its own values, and two of one message in order', async () => {
			const contact = await newContact(ctx.store);
			const claimed = await Promise.all(
				Array.from({ length: 6 }, () => ctx.store.claimMessage({ idempotencyKey: unique('k'), contactId: contact.id, channel: 'email', purpose: 'service' })),
			);
			const [a, b, c, d, e, f] = claimed.map(({ message }) => message.id) as [string, string, string, string, string, string];
			await Promise.all([
				ctx.store.updateMessage(a, { status: 'sent', providerMessageId: 'pa', sentAt: '2030-01-01T10:00:00Z' }),
				ctx.store.updateMessage(b, { status: 'sent', providerMessageId: 'pb', sentAt: '2030-01-02T10:00:00+02:00' }),
				ctx.store.updateMessage(c, { status: 'failed', error: 'mailbox full' }),
				ctx.store.updateMessage(d, { error: 'outcome unknown: timeout' }),
				ctx.store.updateMessage(e, { status: 'sent', providerMessageId: 'first' }),
				ctx.store.updateMessage(e, { status: 'sent', providerMessageId: 'second' }),
				ctx.store.updateMessage(f, { status: 'sent', providerMessageId: null, body: 'Hello' }),
			]);
			const [ma, mb, mc, md, me, mf] = await Promise.all([a, b, c, d, e, f].map((id) => ctx.store.getMessage(id)));
			expect(ma).toMatchObject({ status: 'sent', providerMessageId: 'pa', sentAt: '2030-01-01T10:00:00.000Z' });
			expect(mb).toMatchObject({ status: 'sent', providerMessageId: 'pb', sentAt: '2030-01-02T08:00:00.000Z' });
			expect(mc).toMatchObject({ status: 'failed', error: 'mailbox full', sentAt: null });
			expect(md).toMatchObject({ status: 'claimed', error: 'outcome unknown: timeout' });
			expect(me).toMatchObject({ status: 'sent', providerMessageId: 'second' });
			expect(mf).toMatchObject({ status: 'sent', providerMessageId: null, body: 'Hello' });
			expect(mf?.sentAt).toEqual(expect.any(String));
		});

		it('applies every one of many concurrent updates, and reports a missing message to its caller only', async () => {
			const contact = await newContact(ctx.store);
			const claimed = await Promise.all(
				Array.from({ length: 30 }, () => ctx.store.claimMessage({ idempotencyKey: unique('k'), contactId: contact.id, channel: 'email', purpose: 'service' })),
			);
			const missing = ctx.store.updateMessage('missing', { status: 'sent' });
			const updated = await Promise.all(claimed.map(({ message }, index) => ctx.store.updateMessage(message.id, { status: 'sent', providerMessageId: `p-${index}` })));
			await expect(missing).rejects.toEqual(errorCode('NOT_FOUND'));
			expect(updated.map((message) => message.providerMessageId)).toEqual(claimed.map((_, index) => `p-${index}`));
			for (const { message } of claimed) expect((await ctx.store.getMessage(message.id))?.status).toBe('sent');
		});
	});
}
