/**
 * The HTTP providers against a local server speaking Twilio's, SMSAPI's and WhatsApp Cloud API's
 * formats, through the axios transport the tests and benchmarks use: request shapes, and how each
 * real error format is classified (recipient rejected → fallback, failed, retryable, unknown).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	ProviderError,
	createAxiosTransport,
	httpSmsSender,
	smsapiSender,
	twilioSender,
	whatsAppCloudSender,
	withRetries,
} from '../../../lib/providers';
import { FakeProviders, SMSAPI_TOKEN, TWILIO_SID, TWILIO_TOKEN, WHATSAPP_PHONE_ID, WHATSAPP_TOKEN, errors } from './support/fake-providers';

const transport = createAxiosTransport();

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof ProviderError) return error;
		throw error;
	}
	throw new Error('expected a ProviderError');
}

describe('HTTP message providers', () => {
	let fake: FakeProviders;

	beforeAll(async () => {
		fake = await FakeProviders.start();
	});

	afterAll(async () => await fake.close());

	beforeEach(() => {
		fake.requests.length = 0;
	});

	describe('Twilio', () => {
		const twilio = (from = '+48600000000') =>
			twilioSender(transport, { authType: 'authToken', accountSid: TWILIO_SID, authToken: TWILIO_TOKEN }, { from, baseUrl: fake.url });

		it('posts To/From/Body form-encoded and returns the message SID', async () => {
			const result = await twilio().send({ to: '+48601234567', text: 'Zażółć gęślą jaźń & co' });
			expect(result.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
			expect(fake.sent('twilio')[0].raw).toBe(new URLSearchParams({ To: '+48601234567', From: '+48600000000', Body: 'Zażółć gęślą jaźń & co' }).toString());
		});

		it('sends from a Messaging Service when From is an MG… SID', async () => {
			await twilio('MG0123456789abcdef0123456789abcdef').send({ to: '+48601234567', text: 'hi' });
			expect(fake.sent('twilio')[0].body).toEqual({ To: '+48601234567', MessagingServiceSid: 'MG0123456789abcdef0123456789abcdef', Body: 'hi' });
		});

		it('reads 21211 as a rejected recipient and 20003 as a failure, never echoing the secret', async () => {
			fake.script('twilio', '+15005550001', errors.twilioInvalidTo('+15005550001'));
			const rejected = await failure(twilio().send({ to: '+15005550001', text: 'x' }));
			expect(rejected.details).toMatchObject({ kind: 'rejected', httpStatus: 400, providerCode: 21211, description: 'https://www.twilio.com/docs/errors/21211' });

			const wrongKey = twilioSender(transport, { authType: 'apiKey', accountSid: TWILIO_SID, apiKeySid: 'SKwrong', apiKeySecret: 'very-secret-value' }, { from: '+1', baseUrl: fake.url });
			const denied = await failure(wrongKey.send({ to: '+48601234567', text: 'x' }));
			expect(denied.message).toBe('twilio: Authenticate (error 20003)');
			expect(denied).toMatchObject({ kind: 'failed', retryable: false });
			expect(fake.sent('twilio')[1].headers.authorization).toBe(`Basic ${Buffer.from('SKwrong:very-secret-value').toString('base64')}`);
		});

		it('retries 429 (Retry-After) and 5xx, then gives up after the bound', async () => {
			fake.script('twilio', '+48601234567', errors.twilioTooManyRequests(), errors.twilioServerError());
			const waits: number[] = [];
			const sleep = async (ms: number) => void waits.push(ms);
			const result = await withRetries(() => twilio().send({ to: '+48601234567', text: 'x' }), { maxRetries: 3, sleep });
			expect(result.providerMessageId).toMatch(/^SM/);
			expect(waits).toEqual([0, 1000]);

			fake.script('twilio', '+48601234567', errors.twilioServerError(), errors.twilioServerError());
			const error = await failure(withRetries(() => twilio().send({ to: '+48601234567', text: 'x' }), { maxRetries: 1, sleep }));
			expect(error).toMatchObject({ kind: 'failed', retryable: true, message: 'twilio: Internal Server Error (error 20500)' });
		});

		it('says "may or may not have been sent" when the connection drops after the request', async () => {
			fake.script('twilio', '+48601234567', errors.hangUp());
			const error = await failure(twilio().send({ to: '+48601234567', text: 'x' }));
			expect(error.kind).toBe('unknown');
			expect(error.message).toBe('twilio: no answer from the provider; the message may or may not have been sent');
		});

		it('says "nothing was sent" when the provider cannot be reached', async () => {
			const closed = http.createServer();
			await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
			const port = (closed.address() as AddressInfo).port;
			await new Promise<void>((resolve) => closed.close(() => resolve()));
			const sender = twilioSender(transport, { accountSid: TWILIO_SID, authToken: TWILIO_TOKEN }, { from: '+1', baseUrl: `http://127.0.0.1:${port}` });
			const error = await failure(sender.send({ to: '+48601234567', text: 'x' }));
			expect(error).toMatchObject({ kind: 'failed', retryable: true, message: 'twilio: cannot reach the provider, nothing was sent' });
			expect(error.details.description).toContain('ECONNREFUSED');
		});
	});

	describe('SMSAPI', () => {
		const smsapi = (token = SMSAPI_TOKEN) => smsapiSender(transport, { token, baseUrl: fake.url }, { from: 'SMILE' });

		it('posts to sms.do with a bearer token, format=json and the key as idx; a repeated idx (53) counts as already sent', async () => {
			const first = await smsapi().send({ to: '+48601234567', text: 'Wizyta jutro', idempotencyKey: 'cj1|k' });
			expect(first.providerMessageId).toMatch(/^[0-9A-F]{24}$/);
			expect(fake.sent('smsapi')[0].body).toEqual({ to: '48601234567', message: 'Wizyta jutro', format: 'json', encoding: 'utf-8', from: 'SMILE', idx: 'cj1|k', check_idx: '1' });
			const second = await smsapi().send({ to: '+48601234567', text: 'Wizyta jutro', idempotencyKey: 'cj1|k' });
			expect(second).toEqual({ provider: 'smsapi', providerMessageId: null });
		});

		it('reads error 13 as a rejected recipient and 101 as a failure', async () => {
			fake.script('smsapi', '48601234567', errors.smsapiNoValidNumbers());
			expect((await failure(smsapi().send({ to: '+48601234567', text: 'x' }))).details).toMatchObject({ kind: 'rejected', providerCode: 13 });
			const denied = await failure(smsapi('wrong-token').send({ to: '+48601234567', text: 'x' }));
			expect(denied).toMatchObject({ kind: 'failed', retryable: false, message: 'smsapi: Authorization failed (error 101)' });
		});
	});

	describe('WhatsApp Cloud API', () => {
		const whatsapp = () => whatsAppCloudSender(transport, { accessToken: WHATSAPP_TOKEN, phoneNumberId: WHATSAPP_PHONE_ID, baseUrl: fake.url, apiVersion: '21.0' });

		it('sends an approved template with language and body parameters and returns the wamid', async () => {
			const result = await whatsapp().send({ to: '+48601234567', kind: 'template', name: 'visit_confirmation', language: 'ru', parameters: ['Ольга', '15 апреля'] });
			expect(result.providerMessageId).toMatch(/^wamid\./);
			const [request] = fake.sent('whatsapp');
			expect(request.path).toBe(`/v21.0/${WHATSAPP_PHONE_ID}/messages`);
			expect(request.body).toEqual({
				messaging_product: 'whatsapp',
				recipient_type: 'individual',
				to: '48601234567',
				type: 'template',
				template: {
					name: 'visit_confirmation',
					language: { code: 'ru' },
					components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ольга' }, { type: 'text', text: '15 апреля' }] }],
				},
			});
		});

		it('reads 131026 as a rejected recipient and 130429 as a retryable throughput limit', async () => {
			fake.script('whatsapp', '48601234567', errors.whatsAppUndeliverable(), errors.whatsAppRateLimit());
			const undeliverable = await failure(whatsapp().send({ to: '+48601234567', kind: 'text', text: 'x' }));
			expect(undeliverable).toMatchObject({ kind: 'rejected', message: 'whatsapp: (#131026) Message Undeliverable. (error 131026): Message Undeliverable.' });
			const limited = await failure(whatsapp().send({ to: '+48601234567', kind: 'text', text: 'x' }));
			expect(limited).toMatchObject({ kind: 'failed', retryable: true, details: expect.objectContaining({ providerCode: 130429 }) });
		});
	});

	describe('generic HTTP gateway', () => {
		let gateway: http.Server;
		let url: string;
		const bodies: unknown[] = [];
		let answer = { status: 200, body: { result: { messageId: 'gw-1' } } as unknown };

		beforeAll(async () => {
			gateway = http.createServer((req, res) => {
				let raw = '';
				req.on('data', (chunk) => (raw += chunk));
				req.on('end', () => {
					bodies.push({ headers: req.headers, body: JSON.parse(raw) });
					res.writeHead(answer.status, { 'content-type': 'application/json' });
					res.end(JSON.stringify(answer.body));
				});
			});
			await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
			url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
		});

		afterAll(async () => await new Promise<void>((resolve) => gateway.close(() => resolve())));

		it('fills the JSON template safely (quotes, newlines, Hebrew) and reads the id from the configured path', async () => {
			const sender = httpSmsSender(transport, {
				url,
				headerName: 'X-Api-Key',
				headerSecret: 'k-123',
				bodyTemplate: '{"recipient": {"msisdn": "{{to}}"}, "content": "{{text}}", "sender": "{{from}}", "ref": "{{key}}"}',
				idPath: 'result.messageId',
			});
			const text = 'שלום "נועה"!\nמחר ב-10:00';
			const result = await sender.send({ to: '+972501234567', text, from: 'CLINIC', idempotencyKey: 'key-1' });
			expect(result).toEqual({ provider: 'http', providerMessageId: 'gw-1' });
			expect(bodies[0]).toMatchObject({ headers: { 'x-api-key': 'k-123' }, body: { recipient: { msisdn: '+972501234567' }, content: text, sender: 'CLINIC', ref: 'key-1' } });
		});

		it('reads 422 as a rejected recipient and refuses a template that is not JSON', async () => {
			answer = { status: 422, body: { message: 'invalid msisdn' } };
			const error = await failure(httpSmsSender(transport, { url }).send({ to: '+1', text: 'x' }));
			expect(error).toMatchObject({ kind: 'rejected', message: 'http: the SMS gateway answered HTTP 422: invalid msisdn' });
			expect(() => httpSmsSender(transport, { url, bodyTemplate: '{"to": {{to}}' })).toThrow(/body template is not valid JSON/);
		});
	});
});
