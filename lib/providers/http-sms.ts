/**
 * SMS through any HTTP gateway: a URL, a method, an optional auth header and a JSON body template
 * whose strings may hold {{to}}, {{text}}, {{from}} and {{key}} (the idempotency key). The template
 * is parsed first and the values put into its strings, so any text is JSON-safe.
 */
import { ProviderError, isRetryableStatus, networkError, retryAfterMs } from './errors';
import type { HttpMethod, HttpTransport, MessageSender, SendResult, SmsMessage } from './types';

export interface HttpSmsCredentials {
	url: string;
	method?: HttpMethod;
	headerName?: string;
	headerSecret?: string;
	bodyTemplate?: string;
	/** Dotted path of the message id in the JSON answer, e.g. "id" or "messages.0.id". */
	idPath?: string;
}

export interface HttpSmsOptions {
	from?: string;
}

export const DEFAULT_HTTP_SMS_TEMPLATE = '{"to": "{{to}}", "text": "{{text}}", "from": "{{from}}"}';

/** Statuses read as "this recipient cannot get SMS here": the next channel may be tried. */
const RECIPIENT_STATUSES = new Set([400, 404, 410, 422]);

export function httpSmsSender(transport: HttpTransport, credentials: HttpSmsCredentials, options: HttpSmsOptions = {}): MessageSender<SmsMessage> {
	const url = credentials.url?.trim();
	if (!url || !/^https?:\/\//i.test(url)) throw new ProviderError('http', 'http: the credential needs an http(s) URL', { kind: 'failed' });
	const template = parseTemplate(credentials.bodyTemplate?.trim() || DEFAULT_HTTP_SMS_TEMPLATE);
	const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
	if (credentials.headerName?.trim()) headers[credentials.headerName.trim()] = credentials.headerSecret ?? '';
	return {
		provider: 'http',
		async send(message: SmsMessage): Promise<SendResult> {
			const values: Record<string, string> = { to: message.to, text: message.text, from: message.from || options.from || '', key: message.idempotencyKey ?? '' };
			let response;
			try {
				response = await transport({
					method: credentials.method ?? 'POST',
					url,
					headers,
					body: JSON.stringify(fill(template, values)),
				});
			} catch (error) {
				throw networkError('http', error);
			}
			if (response.status >= 200 && response.status < 300) {
				const id = pick(response.body, credentials.idPath?.trim() || 'id');
				return { provider: 'http', providerMessageId: id === undefined || id === null ? null : String(id) };
			}
			const detail = describeBody(response.body);
			const text = `http: the SMS gateway answered HTTP ${response.status}${detail ? `: ${detail}` : ''}`;
			if (RECIPIENT_STATUSES.has(response.status)) throw new ProviderError('http', text, { kind: 'rejected', httpStatus: response.status });
			const retryable = isRetryableStatus(response.status);
			throw new ProviderError('http', text, { kind: 'failed', httpStatus: response.status, retryable, retryAfterMs: retryable ? retryAfterMs(response.headers) : undefined });
		},
	};
}

function parseTemplate(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		throw new ProviderError('http', `http: the body template is not valid JSON (${(error as Error).message})`, { kind: 'failed' });
	}
}

function fill(node: unknown, values: Record<string, string>): unknown {
	if (typeof node === 'string') return node.replace(/\{\{\s*(to|text|from|key)\s*\}\}/g, (_, name: string) => values[name]);
	if (Array.isArray(node)) return node.map((child) => fill(child, values));
	if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, fill(child, values)]));
	return node;
}

function pick(body: unknown, path: string): unknown {
	let current = body;
	for (const part of path.split('.')) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[part];
	}
	return current;
}

function describeBody(body: unknown): string {
	if (body && typeof body === 'object') {
		const record = body as Record<string, unknown>;
		const text = record.message ?? record.error ?? record.detail;
		if (typeof text === 'string') return text.slice(0, 200);
		return JSON.stringify(body).slice(0, 200);
	}
	return typeof body === 'string' ? body.slice(0, 200) : '';
}
