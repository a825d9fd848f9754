/**
 * Generic JSON events through the Journey Event Trigger over HTTP: surveys (also n8n's Form
 * Trigger output), payments, attendance, delivery reports, opt-outs; "record only" mode; refusals.
 */
import { closeAllStores } from '../../../lib/store';
import { eventHarness, sentMessage, type EventHarness } from './event-support';
import { jsonOf, postSigned, send } from './support';

describe('Journey Event Trigger: generic JSON events', () => {
	let t: EventHarness;

	afterEach(async () => {
		await t.h.dispose();
		await closeAllStores();
	});

	const emitted = async () => {
		await t.h.settled();
		return t.h.runs.flatMap((run) => jsonOf(t.h.output(run, 'Event')));
	};
	const post = (body: object) => postSigned(t.h, t.url, JSON.stringify(body));

	describe('with the default settings', () => {
		beforeEach(async () => {
			t = await eventHarness();
		});

		it('attendance marked by the clinic sets the visit status and records the event against the visit', async () => {
			const { contactStoreId, visitStoreId } = await sentMessage(t.store, { contactId: 'P-1001', channel: 'sms', visitExternalId: 'V-2001' });
			const reply = await post({ type: 'attendance_marked', id: 'checkin-77', visitId: 'V-2001', status: 'no_show', occurredAt: '2027-04-15T10:30:00+02:00' });
			expect(reply.status).toBe(200);
			expect(await t.store.getVisit({ externalId: 'V-2001' })).toMatchObject({ status: 'no-show' });
			const [item] = await emitted();
			expect(item).toMatchObject({
				event: { type: 'attendance_marked', intent: 'no-show', occurredAt: '2027-04-15T08:30:00.000Z', externalId: 'generic:checkin-77' },
				contact: { id: 'P-1001' },
				visit: { id: 'V-2001', status: 'no-show' },
			});
			expect(await t.store.listEvents({ contactId: contactStoreId, visitId: visitStoreId! })).toHaveLength(1);
		});

		it('a survey and a payment are recorded against the contact, with their data', async () => {
			const { contactStoreId } = await sentMessage(t.store, { contactId: 'P-1001', email: 'anna@example.com', channel: 'email' });
			await post({ type: 'survey_completed', id: 'nps-1', contact: { email: 'ANNA@example.com' }, data: { score: 9, comment: 'Great' } });
			await post({ type: 'payment', id: 'pay-1', contact: { id: 'P-1001' }, data: { amount: 25000, currency: 'PLN' } });
			const events = await t.store.listEvents({ contactId: contactStoreId });
			expect(events.map((event) => [event.type, event.payload])).toEqual([
				['survey_completed', { score: 9, comment: 'Great' }],
				['payment_received', { amount: 25000, currency: 'PLN' }],
			]);
			expect((await emitted()).map((item) => item.event.type)).toEqual(['survey_completed', 'payment_received']);
		});

		it("n8n's Form Trigger output, forwarded as is, is a completed survey (the hidden Contact ID field names the contact)", async () => {
			const { contactStoreId } = await sentMessage(t.store, { contactId: 'P-1001', channel: 'email' });
			const form = { 'How was your visit?': '5', 'Contact ID': 'P-1001', Comments: 'Thank you', submittedAt: '2027-04-16T09:12:44.000+02:00', formMode: 'production' };
			expect((await post(form)).status).toBe(200);
			const [item] = await emitted();
			expect(item).toMatchObject({
				event: { type: 'survey_completed', source: 'form', occurredAt: '2027-04-16T07:12:44.000Z' },
				contact: { id: 'P-1001' },
				data: { 'How was your visit?': '5', Comments: 'Thank you', submittedAt: '2027-04-16T09:12:44.000+02:00' },
			});
			expect(await t.store.listEvents({ contactId: contactStoreId, types: ['survey_completed'] })).toHaveLength(1);
		});

		it('a bounce reported by message ID marks the message failed; an opt-out revokes consent', async () => {
			const { message, contactStoreId } = await sentMessage(t.store, { contactId: 'P-1001', email: 'anna@example.com', channel: 'email', purpose: 'marketing' });
			await post({ type: 'bounced', id: 'esp-9', messageId: message.id, error: '550 mailbox unavailable' });
			expect(await t.store.getMessage(message.id)).toMatchObject({ status: 'failed', error: '550 mailbox unavailable' });
			await post({ type: 'opt_out', id: 'crm-optout-1', contact: { id: 'P-1001' }, channel: 'email' });
			expect(await t.store.getConsent(contactStoreId, 'email', 'marketing')).toMatchObject({ status: 'revoked', source: 'webhook' });
			expect(await t.store.getConsent(contactStoreId, 'sms', 'marketing')).toMatchObject({ status: 'unknown' });
		});

		it('names the fields of a bad event and records nothing', async () => {
			const reply = await post({ type: 'attendance_marked', status: 'maybe' });
			expect(reply.status).toBe(400);
			expect(reply.body).toEqual({
				error: 'invalid_payload',
				fields: [
					{ field: 'status', message: 'must be attended or no-show' },
					{ field: 'visitId', message: 'is required for attendance_marked' },
				],
			});
			const unknownVisit = await post({ type: 'attendance_marked', visitId: 'V-404', status: 'attended' });
			expect(unknownVisit.body.fields).toEqual([{ field: 'visitId', message: 'is not a visit in the Journey Store' }]);
			expect((await post({ type: 'teleport' })).body.fields[0]).toMatchObject({ field: 'type' });
			expect(await emitted()).toHaveLength(0);
		});

		it('refuses unsigned and stale requests to the generic endpoint', async () => {
			const body = JSON.stringify({ type: 'payment', id: 'p', contact: { id: 'P-1' } });
			const unsigned = await send(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
			expect(unsigned).toMatchObject({ status: 401, body: { reason: 'missing_signature' } });
			const stale = await postSigned(t.h, t.url, body, { at: Math.floor(t.h.now().getTime() / 1000) - 3600 });
			expect(stale).toMatchObject({ status: 401, body: { reason: 'timestamp_out_of_tolerance' } });
			expect(await t.store.findContact({ externalId: 'P-1' })).toBeNull();
		});
	});

	it('record only: with no event types chosen it records, answers 200 and starts nothing', async () => {
		t = await eventHarness({ startOn: [] });
		const { contactStoreId } = await sentMessage(t.store, { contactId: 'P-1001', channel: 'sms' });
		const reply = await post({ type: 'payment_received', id: 'pay-2', contact: { id: 'P-1001' } });
		expect(reply.body).toMatchObject({ received: true, started: false, recorded: [expect.objectContaining({ type: 'payment_received' })] });
		expect(await emitted()).toHaveLength(0);
		expect(await t.store.listEvents({ contactId: contactStoreId })).toHaveLength(1);
	});
});
