/**
 * WhatsApp Cloud API webhooks through the Journey Event Trigger over HTTP: Meta's GET verification
 * handshake and the signed POSTs (X-Hub-Signature-256) on the same URL.
 */
import { closeAllStores } from '../../../lib/store';
import { eventHarness, META_VERIFY_TOKEN, postWhatsApp, sentMessage, type EventHarness } from './event-support';
import { jsonOf, payloadText, send } from './support';

describe('Journey Event Trigger: WhatsApp', () => {
	let t: EventHarness;
	const body = payloadText('whatsapp-messages');

	beforeEach(async () => {
		t = await eventHarness();
	});

	afterEach(async () => {
		await t.h.dispose();
		await closeAllStores();
	});

	const emitted = async () => {
		await t.h.settled();
		return t.h.runs.flatMap((run) => jsonOf(t.h.output(run, 'Event')));
	};

	const handshake = (token: string) =>
		fetch(`${t.url}/whatsapp?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=1158201444`);

	it("answers Meta's verification GET with the challenge as plain text, on the URL the POSTs use", async () => {
		const reply = await handshake(META_VERIFY_TOKEN);
		expect(reply.status).toBe(200);
		expect(reply.headers.get('content-type')).toMatch(/^text\/plain/);
		expect(await reply.text()).toBe('1158201444');
		expect(await emitted()).toHaveLength(0);
		// The POST endpoint on the same path still answers as before.
		expect((await postWhatsApp(`${t.url}/whatsapp`, body)).status).toBe(200);
	});

	it('refuses the verification with a wrong or missing verify token, without echoing the challenge', async () => {
		for (const token of ['not-the-verify-token', '']) {
			const reply = await handshake(token);
			expect(reply.status).toBe(403);
			const text = await reply.text();
			expect(JSON.parse(text)).toMatchObject({ error: 'forbidden', reason: 'token_mismatch' });
			expect(text).not.toContain('1158201444');
		}
		const notSubscribe = await fetch(`${t.url}/whatsapp?hub.mode=unsubscribe&hub.verify_token=${META_VERIFY_TOKEN}&hub.challenge=1`);
		expect(notSubscribe.status).toBe(400);
	});

	it('records a Hebrew "yes" reply and a read receipt from one delivery', async () => {
		const { message, contactStoreId } = await sentMessage(t.store, {
			contactId: 'P-3001', phone: '+972525551234', channel: 'whatsapp', provider: 'whatsapp', providerMessageId: 'wamid.HBgMOTcyNTI1NTUxMjM0FQIAERgSQkQ5RjA2QzFCNzA2RTQ3MDI0AA==',
		});
		const reply = await postWhatsApp(`${t.url}/whatsapp`, body);
		expect(reply.status).toBe(200);
		expect(reply.body.recorded.map((r: { type: string; intent: string }) => [r.type, r.intent])).toEqual([['replied', 'yes'], ['opened', 'read']]);

		const events = await t.store.listEvents({ contactId: contactStoreId });
		expect(events.map((event) => [event.type, event.messageId, event.channel])).toEqual(
			expect.arrayContaining([['replied', message.id, 'whatsapp'], ['opened', message.id, 'whatsapp']]),
		);
		// Only the reply is in "Start Workflow On": one execution with one item.
		const items = await emitted();
		expect(items).toEqual([expect.objectContaining({ event: expect.objectContaining({ type: 'replied', intent: 'yes', source: 'whatsapp' }), text: 'כן, אגיע' })]);
		expect(items[0].event.occurredAt).toBe(new Date(1807596000 * 1000).toISOString());
		// The 24-hour customer-service window opens with the reply.
		expect(await t.store.lastInboundAt(contactStoreId, 'whatsapp')).toBe(items[0].event.occurredAt);
	});

	it('a quick-reply button counts by its text or its payload', async () => {
		await sentMessage(t.store, { contactId: 'P-3001', phone: '+972525551234', channel: 'whatsapp' });
		const button = JSON.parse(body);
		button.entry[0].changes[0].value.statuses = [];
		button.entry[0].changes[0].value.messages = [{ from: '972525551234', id: 'wamid.BUTTON1', timestamp: '1807596100', type: 'button', button: { text: '✅', payload: 'CONFIRM' } }];
		const reply = await postWhatsApp(`${t.url}/whatsapp`, JSON.stringify(button));
		expect(reply.body.recorded).toEqual([expect.objectContaining({ type: 'replied', intent: 'yes' })]);
	});

	it('refuses a delivery without or with a wrong X-Hub-Signature-256', async () => {
		const unsigned = await send(`${t.url}/whatsapp`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
		expect(unsigned).toMatchObject({ status: 401, body: { reason: 'missing_signature' } });
		const forged = await postWhatsApp(`${t.url}/whatsapp`, body, 'another-app-secret-000000');
		expect(forged).toMatchObject({ status: 401, body: { reason: 'signature_mismatch' } });
		expect(await emitted()).toHaveLength(0);
		expect(await t.store.findContact({ phone: '+972525551234' })).toBeNull();
	});

	it('acknowledges other WhatsApp webhooks (e.g. account updates) without recording anything', async () => {
		const other = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'account_update', value: { event: 'VERIFIED_ACCOUNT' } }] }] });
		const reply = await postWhatsApp(`${t.url}/whatsapp`, other);
		expect(reply).toMatchObject({ status: 200, body: { received: true, started: false } });
	});
});
