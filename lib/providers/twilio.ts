/**
 * SMS through Twilio's Messages API: POST form-encoded to /2010-04-01/Accounts/{sid}/Messages.json
 * with HTTP Basic auth (Account SID + auth token, or API key SID + secret), as n8n's twilioApi
 * credential holds them. Errors arrive as {code, message, more_info, status}.
 */
import { ProviderError, isRetryableStatus, networkError, retryAfterMs } from './errors';
import type { HttpTransport, MessageSender, SendResult, SmsMessage } from './types';

export interface TwilioCredentials {
	authType?: 'authToken' | 'apiKey';
	accountSid: string;
	authToken?: string;
	apiKeySid?: string;
	apiKeySecret?: string;
}

export interface TwilioOptions {
	/** Default https://api.twilio.com. */
	baseUrl?: string;
	/** A phone number in E.164 or a Messaging Service SID (MG…). */
	from: string;
	statusCallbackUrl?: string;
}

export const TWILIO_DEFAULT_BASE_URL = 'https://api.twilio.com';

/** Errors about the recipient (https://www.twilio.com/docs/api/errors): another channel may still work. */
const RECIPIENT_CODES = new Set([21211, 21214, 21217, 21401, 21407, 21408, 21421, 21610, 21612, 21614, 21635]);

export function twilioSender(transport: HttpTransport, credentials: TwilioCredentials, options: TwilioOptions): MessageSender<SmsMessage> {
	const sid = credentials.accountSid?.trim();
	if (!sid) throw new ProviderError('twilio', 'twilio: the credential has no Account SID', { kind: 'failed' });
	const [user, password] =
		credentials.authType === 'apiKey' ? [credentials.apiKeySid, credentials.apiKeySecret] : [sid, credentials.authToken];
	const authorization = `Basic ${Buffer.from(`${user ?? ''}:${password ?? ''}`).toString('base64')}`;
	const url = `${(options.baseUrl || TWILIO_DEFAULT_BASE_URL).replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(sid)}/Messages.json`;
	const fromField = /^MG[0-9a-f]{32}$/i.test(options.from) ? 'MessagingServiceSid' : 'From';
	return {
		provider: 'twilio',
		async send(message: SmsMessage): Promise<SendResult> {
			const form = new URLSearchParams({ To: message.to, [fromField]: message.from || options.from, Body: message.text });
			if (options.statusCallbackUrl) form.set('StatusCallback', options.statusCallbackUrl);
			let response;
			try {
				response = await transport({
					method: 'POST',
					url,
					headers: { authorization, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
					body: form.toString(),
				});
			} catch (error) {
				throw networkError('twilio', error);
			}
			const body = (response.body ?? {}) as { sid?: string; code?: number; message?: string; more_info?: string };
			if (response.status >= 200 && response.status < 300 && body.sid) return { provider: 'twilio', providerMessageId: body.sid };
			throw twilioError(response.status, body, response.headers);
		},
	};
}

function twilioError(status: number, body: { code?: number; message?: string; more_info?: string }, headers: Record<string, unknown>): ProviderError {
	const code = typeof body.code === 'number' ? body.code : undefined;
	const text = body.message ? String(body.message) : `HTTP ${status}`;
	const message = `twilio: ${text}${code ? ` (error ${code})` : ''}`;
	const common = { httpStatus: status, providerCode: code, description: body.more_info };
	if (code !== undefined && RECIPIENT_CODES.has(code)) return new ProviderError('twilio', message, { ...common, kind: 'rejected' });
	if (isRetryableStatus(status)) {
		return new ProviderError('twilio', message, { ...common, kind: 'failed', retryable: true, retryAfterMs: retryAfterMs(headers) });
	}
	return new ProviderError('twilio', message, { ...common, kind: 'failed' });
}
