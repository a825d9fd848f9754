/**
 * SMS through SMSAPI (smsapi.pl / smsapi.com): POST form-encoded to {base}/sms.do with a bearer
 * token and format=json. Errors arrive as {error, message} (error codes: https://www.smsapi.pl/docs).
 * The idempotency key goes out as `idx` with check_idx=1, so SMSAPI itself refuses a second copy.
 */
import { createHash } from 'node:crypto';

import { ProviderError, isRetryableStatus, networkError, retryAfterMs } from './errors';
import type { HttpTransport, MessageSender, SendResult, SmsMessage } from './types';

export interface SmsapiCredentials {
	token: string;
	/** Default https://api.smsapi.pl (https://api.smsapi.com for the international service). */
	baseUrl?: string;
}

export interface SmsapiOptions {
	/** A registered sender name; empty uses the account's default. */
	from?: string;
}

export const SMSAPI_DEFAULT_BASE_URL = 'https://api.smsapi.pl';

/** 13: no valid numbers (invalid, landline or blacklisted); 57: recipient on the blacklist. */
const RECIPIENT_CODES = new Set([13, 57]);
/** 53: the idx was already used: SMSAPI has the message already. */
const ALREADY_SENT = 53;
/** 201/999: SMSAPI internal errors worth a retry. */
const RETRYABLE_CODES = new Set([201, 999]);
const MAX_IDX = 255;

export function smsapiSender(transport: HttpTransport, credentials: SmsapiCredentials, options: SmsapiOptions = {}): MessageSender<SmsMessage> {
	if (!credentials.token?.trim()) throw new ProviderError('smsapi', 'smsapi: the credential has no token', { kind: 'failed' });
	const url = `${(credentials.baseUrl || SMSAPI_DEFAULT_BASE_URL).replace(/\/+$/, '')}/sms.do`;
	const authorization = `Bearer ${credentials.token.trim()}`;
	return {
		provider: 'smsapi',
		async send(message: SmsMessage): Promise<SendResult> {
			const form = new URLSearchParams({ to: message.to.replace(/^\+/, ''), message: message.text, format: 'json', encoding: 'utf-8' });
			const from = message.from || options.from;
			if (from) form.set('from', from);
			if (message.idempotencyKey) {
				form.set('idx', idx(message.idempotencyKey));
				form.set('check_idx', '1');
			}
			let response;
			try {
				response = await transport({
					method: 'POST',
					url,
					headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
					body: form.toString(),
				});
			} catch (error) {
				throw networkError('smsapi', error);
			}
			const body = (response.body ?? {}) as { error?: number; message?: string; list?: Array<{ id?: string }> };
			const id = body.list?.[0]?.id;
			if (response.status >= 200 && response.status < 300 && body.error === undefined && id) return { provider: 'smsapi', providerMessageId: String(id) };
			if (body.error === ALREADY_SENT) return { provider: 'smsapi', providerMessageId: null };
			throw smsapiError(response.status, body, response.headers);
		},
	};
}

function idx(key: string): string {
	return key.length <= MAX_IDX ? key : createHash('sha256').update(key).digest('hex');
}

function smsapiError(status: number, body: { error?: number; message?: string }, headers: Record<string, unknown>): ProviderError {
	const code = typeof body.error === 'number' ? body.error : undefined;
	const message = `smsapi: ${body.message ?? `HTTP ${status}`}${code !== undefined ? ` (error ${code})` : ''}`;
	const common = { httpStatus: status, providerCode: code };
	if (code !== undefined && RECIPIENT_CODES.has(code)) return new ProviderError('smsapi', message, { ...common, kind: 'rejected' });
	const retryable = (code !== undefined && RETRYABLE_CODES.has(code)) || isRetryableStatus(status);
	return new ProviderError('smsapi', message, { ...common, kind: 'failed', retryable, retryAfterMs: retryable ? retryAfterMs(headers) : undefined });
}
