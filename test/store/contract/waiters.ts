import type { ContractContext } from './context';
import { newContact, unique } from './context';

export function waitersContract(ctx: ContractContext): void {
	describe('waiters (runs parked until an event arrives)', () => {
		const inOneDay = () => new Date(Date.now() + 86_400_000).toISOString();

		it('hands a waiter to exactly one taker, for the event types it waits for', async () => {
			const contact = await newContact(ctx.store);
			const waiter = await ctx.store.registerWaiter({
				contactId: contact.id,
				eventTypes: ['survey_completed', 'replied'],
				resumeUrl: 'http://localhost:5678/webhook-waiting/41?signature=abc',
				executionId: '41',
				expiresAt: inOneDay(),
			});
			expect(await ctx.store.takeWaiters({ contactId: contact.id, eventType: 'opened' })).toEqual([]);
			const [first, second] = await Promise.all([
				ctx.store.takeWaiters({ contactId: contact.id, eventType: 'replied' }),
				ctx.store.takeWaiters({ contactId: contact.id, eventType: 'replied' }),
			]);
			expect([...first, ...second]).toEqual([waiter]);
			expect(waiter).toMatchObject({ eventTypes: ['survey_completed', 'replied'], executionId: '41', visitId: null });
		});

		it('matches the visit when the waiter names one, and never wakes an expired waiter', async () => {
			const contact = await newContact(ctx.store);
			const { visit: visitA } = await ctx.store.upsertVisit({ externalId: unique('va'), contactId: contact.id, startAt: '2030-01-01T09:00:00Z' });
			const { visit: visitB } = await ctx.store.upsertVisit({ externalId: unique('vb'), contactId: contact.id, startAt: '2030-02-01T09:00:00Z' });
			const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
			const forA = await ctx.store.registerWaiter({
				contactId: contact.id, visitId: visitA.id, eventTypes: ['attendance_marked'], resumeUrl: 'http://x/a', expiresAt: inDays(10),
			});
			await ctx.store.registerWaiter({
				contactId: contact.id, eventTypes: ['attendance_marked'], resumeUrl: 'http://x/expires', expiresAt: inDays(1),
			});
			const twoDaysOn = inDays(2);
			expect(await ctx.store.takeWaiters({ contactId: contact.id, eventType: 'attendance_marked', visitId: visitB.id, now: twoDaysOn })).toEqual([]);
			const taken = await ctx.store.takeWaiters({ contactId: contact.id, eventType: 'attendance_marked', visitId: visitA.id, now: twoDaysOn });
			expect(taken).toEqual([forA]);
		});
	});
}
