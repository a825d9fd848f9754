/**
 * One local HTTP server that accepts the request shapes of Twilio, SMSAPI and the WhatsApp Cloud
 * API and answers in their real success and error formats (from their public API docs). Tests
 * script answers per recipient; every request is recorded as received.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	provider: 'twilio' | 'smsapi' | 'whatsapp';
	method: string;
	path: string;
	headers: http.IncomingHttpHeaders;
	raw: string;
	/** Form fields (Twilio, SMSAPI) or the JSON body (WhatsApp). */
	body: Record<string, unknown>;
	/** The recipient as the provider saw it. */
	to: string;
}

export interface ScriptedAnswer {
	/** 0 closes the connection without an answer, after reading the request. */
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

export const TWILIO_SID = 'AC0123456789abcdef0123456789abcdef';
export const TWILIO_TOKEN = 'twilio-auth-token-secret';
export const SMSAPI_TOKEN = 'smsapi-token-secret';
export const WHATSAPP_TOKEN = 'whatsapp-access-token-secret';
export const WHATSAPP_PHONE_ID = '106540352242922';

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

/** Real error bodies, as the providers document them. */
export const errors = {
	twilioInvalidTo: (to: string): ScriptedAnswer => ({
		status: 400,
		body: { code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, more_info: 'https://www.twilio.com/docs/errors/21211', status: 400 },
	}),
	twilioTooManyRequests: (): ScriptedAnswer => ({
		status: 429,
		headers: { 'retry-after': '0' },
		body: { code: 20429, message: 'Too Many Requests', more_info: 'https://www.twilio.com/docs/errors/20429', status: 429 },
	}),
	twilioServerError: (): ScriptedAnswer => ({
		status: 500,
		body: { code: 20500, message: 'Internal Server Error', more_info: 'https://www.twilio.com/docs/errors/20500', status: 500 },
	}),
	hangUp: (): ScriptedAnswer => ({ status: 0, body: null }),
	smsapiNoValidNumbers: (): ScriptedAnswer => ({ status: 200, body: { error: 13, message: 'No correct phone numbers' } }),
	whatsAppUndeliverable: (): ScriptedAnswer => ({
		status: 400,
		body: {
			error: {
				message: '(#131026) Message Undeliverable.',
				type: 'OAuthException',
				code: 131026,
				error_data: { messaging_product: 'whatsapp', details: 'Message Undeliverable.' },
				fbtrace_id: `A${hex(10)}`,
			},
		},
	}),
	whatsAppRateLimit: (): ScriptedAnswer => ({
		status: 400,
		body: {
			error: {
				message: '(#130429) Rate limit hit',
				type: 'OAuthException',
				code: 130429,
				error_data: { messaging_product: 'whatsapp', details: 'Cloud API message throughput has been reached.' },
				fbtrace_id: `A${hex(10)}`,
			},
		},
	}),
};

export class FakeProviders {
	readonly requests: RecordedRequest[] = [];

	private readonly scripts = new Map<string, ScriptedAnswer[]>();

	private readonly usedIdx = new Set<string>();

	private constructor(
		private readonly server: http.Server,
		readonly url: string,
	) {}

	static async start(): Promise<FakeProviders> {
		const ref: { self?: FakeProviders } = {};
		const server = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => ref.self!.handle(req, Buffer.concat(chunks).toString('utf8'), res));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		ref.self = new FakeProviders(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
		return ref.self;
	}

	/** Answers for the next requests of `provider` to `to` (E.164 without formatting), in order. */
	script(provider: RecordedRequest['provider'], to: string, ...answers: ScriptedAnswer[]): void {
		this.scripts.set(`${provider}:${to.replace(/^\+/, '')}`, answers);
	}

	sent(provider: RecordedRequest['provider']): RecordedRequest[] {
		return this.requests.filter((request) => request.provider === provider);
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private handle(req: http.IncomingMessage, raw: string, res: http.ServerResponse): void {
		const path = req.url ?? '/';
		const reply = (answer: ScriptedAnswer) => {
			if (answer.status === 0) {
				req.socket.destroy();
				return;
			}
			res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
			res.end(JSON.stringify(answer.body));
		};
		if (/^\/2010-04-01\/Accounts\/[^/]+\/Messages\.json$/.test(path)) reply(this.twilio(req, raw, path));
		else if (path === '/sms.do') reply(this.smsapi(req, raw, path));
		else if (/^\/v\d+\.\d+\/[^/]+\/messages$/.test(path)) reply(this.whatsapp(req, raw, path));
		else reply({ status: 404, body: { message: `no such route ${path}` } });
	}

	private record(provider: RecordedRequest['provider'], req: http.IncomingMessage, raw: string, path: string, body: Record<string, unknown>, to: string) {
		this.requests.push({ provider, method: req.method ?? '', path, headers: req.headers, raw, body, to });
		const queue = this.scripts.get(`${provider}:${to.replace(/^\+/, '')}`);
		return queue?.shift();
	}

	private twilio(req: http.IncomingMessage, raw: string, path: string): ScriptedAnswer {
		const form = Object.fromEntries(new URLSearchParams(raw));
		const scripted = this.record('twilio', req, raw, path, form, form.To ?? '');
		const expected = `Basic ${Buffer.from(`${TWILIO_SID}:${TWILIO_TOKEN}`).toString('base64')}`;
		if (req.headers.authorization !== expected) {
			return { status: 401, body: { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 } };
		}
		if (scripted) return scripted;
		return {
			status: 201,
			body: { sid: `SM${hex(16)}`, status: 'queued', to: form.To, from: form.From, body: form.Body, num_segments: '1', error_code: null, error_message: null },
		};
	}

	private smsapi(req: http.IncomingMessage, raw: string, path: string): ScriptedAnswer {
		const form = Object.fromEntries(new URLSearchParams(raw));
		const scripted = this.record('smsapi', req, raw, path, form, form.to ?? '');
		if (req.headers.authorization !== `Bearer ${SMSAPI_TOKEN}`) return { status: 401, body: { error: 101, message: 'Authorization failed' } };
		if (scripted) return scripted;
		if (form.check_idx === '1' && form.idx) {
			if (this.usedIdx.has(form.idx)) return { status: 200, body: { error: 53, message: 'Not unique idx parameter' } };
			this.usedIdx.add(form.idx);
		}
		return {
			status: 200,
			body: { count: 1, list: [{ id: hex(12).toUpperCase(), points: 0.16, number: form.to, date_sent: Math.floor(Date.now() / 1000), submitted_number: form.to, status: 'QUEUE', error: null, idx: form.idx ?? null, parts: 1 }] },
		};
	}

	private whatsapp(req: http.IncomingMessage, raw: string, path: string): ScriptedAnswer {
		const body = JSON.parse(raw || '{}') as Record<string, unknown>;
		const to = String(body.to ?? '');
		const scripted = this.record('whatsapp', req, raw, path, body, to);
		if (req.headers.authorization !== `Bearer ${WHATSAPP_TOKEN}`) {
			return { status: 401, body: { error: { message: 'Invalid OAuth access token - Cannot parse access token', type: 'OAuthException', code: 190, fbtrace_id: `A${hex(10)}` } } };
		}
		if (scripted) return scripted;
		return { status: 200, body: { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id: `wamid.${hex(20)}` }] } };
	}
}
