import type { ContractContext } from './context';
import { errorCode, newContact, unique } from './context';

const HOUR_MS = 3_600_000;

/** Reads made at the same time (a send run's parallel items) are batched: each still gets its own answer. */
export function readBatchContract(ctx: ContractContext): void {
	describe('concurrent reads', () => {
		it('answer each contact lookup as a lone lookup would, including misses and duplicates', async () => {
			const contacts = await Promise.all(Array.from({ length: 20 }, (_, i) => newContact(ctx.store, { email: `${unique('m')}@example.com`, phone: `+4860012${String(i).padStart(4, '0')}` })));
			const lookups = [
				...contacts.map((contact) => ({ externalId: contact.externalId! })),
				...contacts.map((contact) => ({ email: contact.email!.toUpperCase() })),
				...contacts.map((contact) => ({ phone: contact.phone! })),
				{ id: contacts[3]!.id },
				{ externalId: contacts[0]!.externalId! },
				{ externalId: unique('nobody') },
			];
			const together = await Promise.all(lookups.map((lookup) => ctx.store.findContact(lookup)));
			expect(together.map((contact) => contact?.id ?? null)).toEqual([
				...contacts.map((contact) => contact.id),
				...contacts.map((contact) => contact.id),
				...contacts.map((contact) => contact.id),
				contacts[3]!.id,
				contacts[0]!.id,
				null,
			]);
		});

		it('answer each visit and consent read with its own row', async () => {
			const contacts = await Promise.all(Array.from({ length: 6 }, () => newContact(ctx.store)));
			const visitIds = contacts.map(() => unique('visit'));
			await Promise.all(contacts.map((contact, i) => ctx.store.upsertVisit({ externalId: visitIds[i]!, contactId: contact.id, startAt: '2030-01-01T09:00:00Z' })));
			await ctx.store.setConsent({ contactId: contacts[0]!.id, channel: 'email', purpose: 'marketing', status: 'granted', source: 'form' });
			await ctx.store.setConsent({ contactId: contacts[0]!.id, channel: 'sms', purpose: 'marketing', status: 'revoked', source: 'stop' });
			await ctx.store.setConsent({ contactId: contacts[1]!.id, channel: 'email', purpose: 'marketing', status: 'revoked', source: 'link' });

			const visits = await Promise.all([...visitIds.map((externalId) => ctx.store.getVisit({ externalId })), ctx.store.getVisit({ externalId: unique('none') })]);
			expect(visits.map((visit) => visit?.contactId ?? null)).toEqual([...contacts.map((contact) => contact.id), null]);

			const consents = await Promise.all([
				ctx.store.getConsent(contacts[0]!.id, 'email', 'marketing'),
				ctx.store.getConsent(contacts[0]!.id, 'sms', 'marketing'),
				ctx.store.getConsent(contacts[0]!.id, 'email', 'service'),
				ctx.store.getConsent(contacts[1]!.id, 'email', 'marketing'),
				ctx.store.getConsent(contacts[2]!.id, 'sms', 'marketing'),
			]);
			expect(consents.map((consent) => consent.status)).toEqual(['granted', 'revoked', 'unknown', 'revoked', 'unknown']);
			expect(consents[1]).toMatchObject({ contactId: contacts[0]!.id, channel: 'sms', purpose: 'marketing', source: 'stop' });
		});

		it('count each contact’s messages since its own instant, including a claim committed just before', async () => {
			const [busy, quiet] = await Promise.all([newContact(ctx.store), newContact(ctx.store)]);
			for (let i = 0; i < 3; i++) await ctx.store.claimMessage({ idempotencyKey: unique('k'), contactId: busy.id, channel: 'email', purpose: 'marketing' });
			const service = await ctx.store.claimMessage({ idempotencyKey: unique('k'), contactId: quiet.id, channel: 'email', purpose: 'service' });
			const now = Date.now();
			const counts = await Promise.all([
				ctx.store.countMessagesSince(busy.id, 'marketing', new Date(now - HOUR_MS).toISOString()),
				ctx.store.countMessagesSince(busy.id, 'marketing', new Date(now + HOUR_MS).toISOString()),
				ctx.store.countMessagesSince(quiet.id, 'marketing', new Date(now - HOUR_MS).toISOString()),
				ctx.store.countMessagesSince(quiet.id, 'service', new Date(now - HOUR_MS).toISOString()),
				ctx.store.claimMessage({ idempotencyKey: unique('k'), contactId: quiet.id, channel: 'sms', purpose: 'marketing' }).then(() =>
					ctx.store.countMessagesSince(quiet.id, 'marketing', new Date(now - HOUR_MS).toISOString()),
				),
			]);
			expect(counts).toEqual([3, 0, 0, 1, 1]);
			expect(service.claimed).toBe(true);
		});

		it('fail only the read with a bad input', async () => {
			const contact = await newContact(ctx.store);
			const reads = [
				ctx.store.getConsent(contact.id, 'email', 'marketing'),
				ctx.store.getConsent(contact.id, 'pigeon' as never, 'marketing'),
				ctx.store.countMessagesSince(contact.id, 'marketing', 'yesterday'),
				ctx.store.findContact({}),
				ctx.store.findContact({ externalId: contact.externalId! }),
			];
			const outcomes = await Promise.allSettled(reads);
			expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected', 'fulfilled']);
			for (const outcome of outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected')) expect(outcome.reason).toEqual(errorCode('INVALID_INPUT'));
		});
	});
}
