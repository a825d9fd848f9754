/**
 * Waking parked runs: a waiter registered with a resume URL on a tiny local HTTP server is POSTed
 * the event exactly once when the matching event arrives; a failing resume URL is logged, not fatal.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { runtimeRequire } from '../../../simulator/engine/runtime';
import { closeAllStores } from '../../../lib/store';
import { eventHarness, postTwilio, sentMessage, type EventHarness } from './event-support';
import { payloadText, postSigned } from './support';

/** The logger n8n-core gives nodes (ctx.logger), the same instance the engine uses. */
function n8nLogger(): { warn: (message: string) => void } {
	const { Container } = runtimeRequire('@n8n/di') as { Container: { get(type: unknown): unknown } };
	const { Logger } = runtimeRequire('@n8n/backend-common') as { Logger: unknown };
	return Container.get(Logger) as { warn: (message: string) => void };
}

interface Received {
	url: string;
	body: any;
}

async function resumeServer(status = 200): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
	const received: Received[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			received.push({ url: req.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') });
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { url: `http://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('Journey Event Trigger: waking waiting journeys', () => {
	let t: EventHarness;
	let server: Awaited<ReturnType<typeof resumeServer>>;

	afterEach(async () => {
		await t.h.dispose();
		await server.close();
		await closeAllStores();
	});

	it("POSTs the reply to the parked run's resume URL, once, and only for the awaited event and visit", async () => {
		t = await eventHarness();
		server = await resumeServer();
		const { contactStoreId, visitStoreId } = await sentMessage(t.store, { contactId: 'P-1001', phone: '+48601234567', channel: 'sms', visitExternalId: 'V-2001' });
		const expiresAt = new Date(t.h.now().getTime() + 24 * 3600_000).toISOString();
		await t.store.registerWaiter({ contactId: contactStoreId, visitId: visitStoreId, eventTypes: ['replied'], resumeUrl: `${server.url}/webhook-waiting/exec-42?signature=tok`, executionId: 'exec-42', expiresAt });
		await t.store.registerWaiter({ contactId: contactStoreId, visitId: null, eventTypes: ['survey_completed'], resumeUrl: `${server.url}/webhook-waiting/exec-43?signature=tok`, executionId: 'exec-43', expiresAt });

		const reply = await postTwilio(`${t.url}/twilio`, payloadText('twilio-inbound-sms.txt').trim());
		expect(reply.status).toBe(200);
		expect(server.received).toEqual([
			{
				url: '/webhook-waiting/exec-42?signature=tok',
				body: expect.objectContaining({
					event: expect.objectContaining({ type: 'replied', intent: 'yes', channel: 'sms' }),
					contact: expect.objectContaining({ id: 'P-1001' }),
					visit: expect.objectContaining({ id: 'V-2001' }),
				}),
			},
		]);
		// The waiter was taken: the same kind of event does not wake it again; the survey waiter still waits.
		await postSigned(t.h, t.url, JSON.stringify({ type: 'inbound', id: 'second', from: '+48601234567', text: 'Tak' }));
		expect(server.received).toHaveLength(1);
		await postSigned(t.h, t.url, JSON.stringify({ type: 'survey_completed', id: 's1', contact: { id: 'P-1001' } }));
		expect(server.received.map((r) => r.url)).toEqual(['/webhook-waiting/exec-42?signature=tok', '/webhook-waiting/exec-43?signature=tok']);
	});

	it('a resume URL that fails is logged without its token; the event is still recorded and answered 200', async () => {
		t = await eventHarness();
		server = await resumeServer(500);
		const { contactStoreId } = await sentMessage(t.store, { contactId: 'P-1001', phone: '+48601234567', channel: 'sms' });
		const expiresAt = new Date(t.h.now().getTime() + 3600_000).toISOString();
		await t.store.registerWaiter({ contactId: contactStoreId, eventTypes: ['payment_received'], resumeUrl: `${server.url}/webhook-waiting/exec-7?signature=secret-token`, executionId: 'exec-7', expiresAt });
		const spy = jest.spyOn(n8nLogger(), 'warn').mockImplementation(() => undefined);
		const reply = await postSigned(t.h, t.url, JSON.stringify({ type: 'payment_received', id: 'p1', contact: { id: 'P-1001' } }));
		const warnings = spy.mock.calls.map((call) => String(call[0]));
		spy.mockRestore();
		expect(reply.status).toBe(200);
		expect(reply.body).toMatchObject({ woken: 0, recorded: [expect.objectContaining({ type: 'payment_received' })] });
		expect(server.received).toHaveLength(1);
		expect(warnings).toEqual([expect.stringMatching(/could not resume execution exec-7 for a payment_received event: 500/)]);
		for (const line of warnings) expect(line).not.toContain('secret-token');
		expect(await t.store.listEvents({ contactId: contactStoreId })).toHaveLength(1);
	});
});
