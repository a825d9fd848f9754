import type { ContractContext } from './context';
import { errorCode, newContact } from './context';

export function consentContract(ctx: ContractContext): void {
	describe('consent', () => {
		it('is unknown until something is recorded', async () => {
			const contact = await newContact(ctx.store);
			expect(await ctx.store.getConsent(contact.id, 'sms', 'marketing')).toEqual({
				contactId: contact.id,
				channel: 'sms',
				purpose: 'marketing',
				status: 'unknown',
				source: null,
				updatedAt: null,
			});
		});

		it('tracks the current status and appends every statement to the audit trail', async () => {
			const contact = await newContact(ctx.store);
			const granted = await ctx.store.setConsent({
				contactId: contact.id, channel: 'whatsapp', purpose: 'marketing', status: 'granted',
				source: 'booking-form', actor: 'web', at: '2030-01-01T10:00:00Z',
			});
			const again = await ctx.store.setConsent({
				contactId: contact.id, channel: 'whatsapp', purpose: 'marketing', status: 'granted',
				source: 'front-desk', actor: 'staff:anna', at: '2030-01-02T10:00:00Z',
			});
			const revoked = await ctx.store.setConsent({
				contactId: contact.id, channel: 'whatsapp', purpose: 'marketing', status: 'revoked',
				source: 'sms-reply', reason: 'STOP', at: '2030-01-03T10:00:00+01:00',
			});
			expect([granted.changed, again.changed, revoked.changed]).toEqual([true, false, true]);
			expect(revoked.consent).toMatchObject({ status: 'revoked', source: 'sms-reply', updatedAt: '2030-01-03T09:00:00.000Z' });
			expect(await ctx.store.getConsent(contact.id, 'whatsapp', 'marketing')).toEqual(revoked.consent);
			const audit = await ctx.store.listConsentAudit(contact.id);
			expect(audit.map(({ status, source, actor, reason }) => ({ status, source, actor, reason }))).toEqual([
				{ status: 'granted', source: 'booking-form', actor: 'web', reason: null },
				{ status: 'granted', source: 'front-desk', actor: 'staff:anna', reason: null },
				{ status: 'revoked', source: 'sms-reply', actor: null, reason: 'STOP' },
			]);
			expect(audit[2]!.occurredAt).toBe('2030-01-03T09:00:00.000Z');
		});

		it('an older statement is audited but does not override a newer one', async () => {
			const contact = await newContact(ctx.store);
			const base = { contactId: contact.id, channel: 'email' as const, purpose: 'marketing' as const };
			await ctx.store.setConsent({ ...base, status: 'revoked', source: 'unsubscribe-link', at: '2030-02-01T00:00:00Z' });
			const late = await ctx.store.setConsent({ ...base, status: 'granted', source: 'paper-form', at: '2030-01-01T00:00:00Z' });
			expect(late).toMatchObject({ changed: false, consent: { status: 'revoked' } });
			expect(await ctx.store.listConsentAudit(contact.id, { channel: 'email' })).toHaveLength(2);
		});

		it('keeps channel and purpose apart', async () => {
			const contact = await newContact(ctx.store);
			await ctx.store.setConsent({ contactId: contact.id, channel: 'sms', purpose: 'service', status: 'granted', source: 'x' });
			expect((await ctx.store.getConsent(contact.id, 'sms', 'marketing')).status).toBe('unknown');
			expect((await ctx.store.getConsent(contact.id, 'email', 'service')).status).toBe('unknown');
			expect(await ctx.store.listConsentAudit(contact.id, { purpose: 'marketing' })).toEqual([]);
		});

		it('rejects unknown contacts and bad values', async () => {
			await expect(
				ctx.store.setConsent({ contactId: 'missing', channel: 'sms', purpose: 'service', status: 'granted', source: 'x' }),
			).rejects.toEqual(errorCode('NOT_FOUND'));
			const contact = await newContact(ctx.store);
			await expect(
				ctx.store.setConsent({ contactId: contact.id, channel: 'fax' as 'sms', purpose: 'service', status: 'granted', source: 'x' }),
			).rejects.toEqual(errorCode('INVALID_INPUT'));
		});
	});
}
