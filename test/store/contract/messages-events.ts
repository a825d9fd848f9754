import type { ClaimMessageInput } from '../../../lib/store';
import type { ContractContext } from './context';
import { errorCode, newContact, unique } from './context';

export function messagesContract(ctx: ContractContext): void {
	const claim = (contactId: string, extra: Partial<ClaimMessageInput> = {}) =>
		ctx.store.claimMessage({
			idempotencyKey: unique('key'), contactId, channel: 'sms', purpose: 'service', provider: 'twilio', body: 'Hi', ...extra,
		});

	describe('messages', () => {
		it('exactly one claim per idempotency key; the loser gets the stored row', async () => {
			const contact = await newContact(ctx.store);
			const { visit } = await ctx.store.upsertVisit({ externalId: unique('v'), contactId: contact.id, startAt: '2030-01-01T09:00:00Z' });
			const first = await claim(contact.id, { idempotencyKey: 'reminder-24h', visitId: visit.id, visitVersion: 1, body: 'See you tomorrow' });
			const second = await claim(contact.id, { idempotencyKey: 'reminder-24h', body: 'other text' });
			expect(first.claimed).toBe(true);
			expect(first.message).toMatchObject({
				idempotencyKey: 'reminder-24h', status: 'claimed', visitId: visit.id, visitVersion: 1, body: 'See you tomorrow', sentAt: null,
			});
			expect(second).toEqual({ claimed: false, message: first.message });
		});

		it('records sending results and finds by provider id', async () => {
			const contact = await newContact(ctx.store);
			const { message } = await claim(contact.id);
			const providerMessageId = unique('SM');
			const sent = await ctx.store.updateMessage(message.id, { status: 'sent', providerMessageId });
			expect(sent).toMatchObject({ status: 'sent', providerMessageId, error: null });
			expect(sent.sentAt).not.toBeNull();
			expect(await ctx.store.findMessageByProviderId(providerMessageId)).toEqual(sent);
			expect(await ctx.store.findMessageByProviderId(providerMessageId, 'other')).toBeNull();
			const failed = await ctx.store.updateMessage(message.id, { status: 'failed', error: 'carrier rejected', sentAt: null });
			expect(failed).toMatchObject({ status: 'failed', error: 'carrier rejected', sentAt: null, providerMessageId });
			expect(await ctx.store.getMessage(message.id)).toEqual(failed);
			await expect(ctx.store.updateMessage('missing', { status: 'sent' })).rejects.toEqual(errorCode('NOT_FOUND'));
		});

		it('finds the latest message, optionally per channel and purpose', async () => {
			const contact = await newContact(ctx.store);
			expect(await ctx.store.findLatestMessage({ contactId: contact.id })).toBeNull();
			await claim(contact.id, { channel: 'email' });
			const sms = await claim(contact.id, { channel: 'sms', purpose: 'marketing' });
			const email = await claim(contact.id, { channel: 'email' });
			expect((await ctx.store.findLatestMessage({ contactId: contact.id }))?.id).toBe(email.message.id);
			expect((await ctx.store.findLatestMessage({ contactId: contact.id, channel: 'sms' }))?.id).toBe(sms.message.id);
			expect((await ctx.store.findLatestMessage({ contactId: contact.id, purpose: 'marketing' }))?.id).toBe(sms.message.id);
			expect(await ctx.store.findLatestMessage({ contactId: contact.id, statuses: ['sent'] })).toBeNull();
		});

		it('counts claimed and sent messages of a purpose since an instant', async () => {
			const contact = await newContact(ctx.store);
			const before = new Date(Date.now() - 1000).toISOString();
			await claim(contact.id, { purpose: 'marketing' });
			const sent = await claim(contact.id, { purpose: 'marketing' });
			await ctx.store.updateMessage(sent.message.id, { status: 'sent' });
			const failed = await claim(contact.id, { purpose: 'marketing' });
			await ctx.store.updateMessage(failed.message.id, { status: 'failed' });
			await claim(contact.id, { purpose: 'marketing', status: 'suppressed' });
			await claim(contact.id, { purpose: 'service' });
			expect(await ctx.store.countMessagesSince(contact.id, 'marketing', before)).toBe(2);
			expect(await ctx.store.countMessagesSince(contact.id, 'service', before)).toBe(1);
			expect(await ctx.store.countMessagesSince(contact.id, 'marketing', new Date(Date.now() + 60_000).toISOString())).toBe(0);
		});

		it('rejects unknown contacts or visits', async () => {
			await expect(claim('missing')).rejects.toEqual(errorCode('NOT_FOUND'));
			const contact = await newContact(ctx.store);
			await expect(claim(contact.id, { visitId: 'missing' })).rejects.toEqual(errorCode('NOT_FOUND'));
		});
	});
}

export function eventsContract(ctx: ContractContext): void {
	describe('engagement events', () => {
		it('dedups by external event id only', async () => {
			const contact = await newContact(ctx.store);
			const externalEventId = unique('twilio:EV');
			const input = { contactId: contact.id, type: 'delivered' as const, channel: 'sms' as const, externalEventId, payload: { a: 1 } };
			const first = await ctx.store.recordEvent(input);
			const again = await ctx.store.recordEvent({ ...input, payload: { a: 2 } });
			expect(first).toMatchObject({ recorded: true, event: { externalEventId, payload: { a: 1 } } });
			expect(again).toEqual({ recorded: false, event: first.event });
			const plain = { contactId: contact.id, type: 'opened' as const };
			expect((await ctx.store.recordEvent(plain)).recorded).toBe(true);
			expect((await ctx.store.recordEvent(plain)).recorded).toBe(true);
		});

		it('lists events by visit, message, type and time', async () => {
			const contact = await newContact(ctx.store);
			const { visit } = await ctx.store.upsertVisit({ externalId: unique('v'), contactId: contact.id, startAt: '2030-01-01T09:00:00Z' });
			const { message } = await ctx.store.claimMessage({ idempotencyKey: unique('k'), contactId: contact.id, channel: 'sms', purpose: 'service' });
			await ctx.store.recordEvent({ contactId: contact.id, type: 'clicked', messageId: message.id, occurredAt: '2030-01-01T08:00:00Z' });
			await ctx.store.recordEvent({
				contactId: contact.id, type: 'replied', intent: 'confirm', visitId: visit.id, messageId: message.id,
				channel: 'sms', occurredAt: '2030-01-01T07:00:00Z',
			});
			await ctx.store.recordEvent({ contactId: contact.id, type: 'attendance_marked', visitId: visit.id, occurredAt: '2030-01-01T09:05:00Z' });
			const all = await ctx.store.listEvents({ contactId: contact.id });
			expect(all.map((e) => e.type)).toEqual(['replied', 'clicked', 'attendance_marked']);
			expect(all[0]).toMatchObject({ intent: 'confirm', channel: 'sms', payload: {} });
			expect((await ctx.store.listEvents({ contactId: contact.id, visitId: visit.id })).map((e) => e.type)).toEqual(['replied', 'attendance_marked']);
			expect((await ctx.store.listEvents({ contactId: contact.id, messageId: message.id })).map((e) => e.type)).toEqual(['replied', 'clicked']);
			expect((await ctx.store.listEvents({ contactId: contact.id, types: ['clicked', 'opened'] })).map((e) => e.type)).toEqual(['clicked']);
			expect((await ctx.store.listEvents({ contactId: contact.id, since: '2030-01-01T08:00:00Z' })).map((e) => e.type)).toEqual(['clicked', 'attendance_marked']);
		});

		it('knows the last inbound message per channel', async () => {
			const contact = await newContact(ctx.store);
			expect(await ctx.store.lastInboundAt(contact.id, 'whatsapp')).toBeNull();
			await ctx.store.recordEvent({ contactId: contact.id, type: 'inbound', channel: 'whatsapp', occurredAt: '2030-01-01T10:00:00Z' });
			await ctx.store.recordEvent({ contactId: contact.id, type: 'replied', channel: 'whatsapp', occurredAt: '2030-01-02T10:00:00Z' });
			await ctx.store.recordEvent({ contactId: contact.id, type: 'delivered', channel: 'whatsapp', occurredAt: '2030-01-03T10:00:00Z' });
			await ctx.store.recordEvent({ contactId: contact.id, type: 'inbound', channel: 'sms', occurredAt: '2030-01-04T10:00:00Z' });
			expect(await ctx.store.lastInboundAt(contact.id, 'whatsapp')).toBe('2030-01-02T10:00:00.000Z');
		});

		it('claims a webhook event once per source', async () => {
			const id = unique('evt');
			expect(await ctx.store.claimEvent('stripe', id)).toBe(true);
			expect(await ctx.store.claimEvent('stripe', id)).toBe(false);
			expect(await ctx.store.claimEvent('calendly', id)).toBe(true);
		});

		it('rejects unknown contacts and event types', async () => {
			await expect(ctx.store.recordEvent({ contactId: 'missing', type: 'opened' })).rejects.toEqual(errorCode('NOT_FOUND'));
			const contact = await newContact(ctx.store);
			await expect(ctx.store.recordEvent({ contactId: contact.id, type: 'liked' as 'opened' })).rejects.toEqual(errorCode('INVALID_INPUT'));
		});
	});
}
