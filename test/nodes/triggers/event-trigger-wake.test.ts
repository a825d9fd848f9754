/**
 * Waking parked runs: a waiter registered with a resume URL on a tiny local HTTP server is POSTed
 * the event exactly once when the matching event arrives; a run not yet saved as waiting (n8n's
 * 409 "running already") is retried a few times; a failing resume URL is logged, not fatal.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { runtimeRequire } from '../../../simulator/engine/runtime';
import { closeAllStores } from '../../../lib/store';
import { eventHarness, postTwilio, sentMessage, type EventHarness } from './event-support';
import { payloadText, postSigned, type Reply } from './support';

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

interface Answer {
	status: number;
	body?: object;
}

/** n8n's answers (waiting-webhooks.ts) for a run not yet saved as waiting and for a finished one. */
const RUNNING: Answer = { status: 409, body: { code: 409, message: 'The execution "exec-9" is running already.' } };
const FINISHED: Answer = { status: 409, body: { code: 409, message: 'The execution "exec-9 has finished already.' } };

/** Answers the requests in turn with `answers`, the last one from then on. */
async function resumeServer(...answers: Array<Answer | number>): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
	const received: Received[] = [];
	const sequence = (answers.length ? answers : [200]).map((answer) => (typeof answer === 'number' ? { status: answer } : answer));
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			received.push({ url: req.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null') });
			const answer = sequence[Math.min(received.length - 1, sequence.length - 1)];
			res.writeHead(answer.status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(answer.body ?? {}));
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
	describe('a run that registered its waiter but is not yet saved as waiting (409 "running already")', () => {
		async function waitingForPayment(executionId: string) {
			const { contactStoreId } = await sentMessage(t.store, { contactId: 'P-1001', phone: '+48601234567', channel: 'sms' });
			const expiresAt = new Date(t.h.now().getTime() + 3600_000).toISOString();
			await t.store.registerWaiter({ contactId: contactStoreId, eventTypes: ['payment_received'], resumeUrl: `${server.url}/webhook-waiting/${executionId}?signature=secret-token`, executionId, expiresAt });
		}

		async function pay(id: string): Promise<{ reply: Reply; warnings: string[] }> {
			const spy = jest.spyOn(n8nLogger(), 'warn').mockImplementation(() => undefined);
			try {
				const reply = await postSigned(t.h, t.url, JSON.stringify({ type: 'payment_received', id, contact: { id: 'P-1001' } }));
				return { reply, warnings: spy.mock.calls.map((call) => String(call[0])) };
			} finally {
				spy.mockRestore();
			}
		}

		it('is POSTed again until it answers 200: the run is woken, nothing is logged', async () => {
			t = await eventHarness();
			server = await resumeServer(RUNNING, RUNNING, 200);
			await waitingForPayment('exec-9');
			const { reply, warnings } = await pay('p-race');
			expect(reply.body).toMatchObject({ woken: 1 });
			expect(server.received.map((r) => r.url)).toEqual(Array(3).fill('/webhook-waiting/exec-9?signature=secret-token'));
			expect(server.received.every((r) => r.body.event.type === 'payment_received')).toBe(true);
			expect(warnings).toEqual([]);
		});

		it('gives up after 5 tries and logs it without the token', async () => {
			t = await eventHarness();
			server = await resumeServer(RUNNING);
			await waitingForPayment('exec-9');
			const { reply, warnings } = await pay('p-stuck');
			expect(reply).toMatchObject({ status: 200, body: { woken: 0 } });
			expect(server.received).toHaveLength(5);
			expect(warnings).toEqual([expect.stringMatching(/could not resume execution exec-9 for a payment_received event: 409 after 5 tries/)]);
			for (const line of warnings) expect(line).not.toContain('secret-token');
		});

		it('a run that has finished (409 "finished already") is not asked again', async () => {
			t = await eventHarness();
			server = await resumeServer(FINISHED, 200);
			await waitingForPayment('exec-9');
			const { reply, warnings } = await pay('p-late');
			expect(reply.body).toMatchObject({ woken: 0 });
			expect(server.received).toHaveLength(1);
			expect(warnings).toEqual([expect.stringMatching(/could not resume execution exec-9 for a payment_received event: 409$/)]);
		});
	});
});
