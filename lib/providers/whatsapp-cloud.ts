/**
 * WhatsApp through Meta's Cloud API: POST {base}/v{version}/{phone-number-id}/messages with a
 * bearer token. Approved templates (type "template", language code, body parameters) may go out
 * any time; free text only inside the 24-hour customer-service window (the caller checks it).
 * Errors arrive as {error: {message, type, code, error_subcode, error_data: {details}, fbtrace_id}}.
 */
import { ProviderError, isRetryableStatus, networkError, retryAfterMs } from './errors';
import type { HttpTransport, MessageSender, SendResult, WhatsAppMessage } from './types';

export interface WhatsAppCloudCredentials {
	accessToken: string;
	phoneNumberId: string;
	/** Default https://graph.facebook.com. */
	baseUrl?: string;
	/** Graph API version, default v21.0. */
	apiVersion?: string;
}

export const WHATSAPP_DEFAULT_BASE_URL = 'https://graph.facebook.com';
export const WHATSAPP_DEFAULT_API_VERSION = 'v21.0';

/**
 * Recipient-side refusals (https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes):
 * 131026 undeliverable (not on WhatsApp), 131030 not in the allowed list, 131047 outside the
 * re-engagement window, 131049/131050 Meta or the user stopped marketing messages.
 */
const RECIPIENT_CODES = new Set([131026, 131030, 131047, 131049, 131050]);
/** Throughput and temporary failures: 4/80007/130429/131048/131056 rate limits, 2/131000/131016 service trouble. */
const RETRYABLE_CODES = new Set([2, 4, 80007, 130429, 131000, 131016, 131048, 131056]);

interface GraphError {
	message?: string;
	type?: string;
	code?: number;
	error_subcode?: number;
	error_data?: { details?: string };
	fbtrace_id?: string;
}

export function whatsAppCloudSender(transport: HttpTransport, credentials: WhatsAppCloudCredentials): MessageSender<WhatsAppMessage> {
	if (!credentials.accessToken?.trim() || !credentials.phoneNumberId?.trim()) {
		throw new ProviderError('whatsapp', 'whatsapp: the credential needs an access token and a phone number ID', { kind: 'failed' });
	}
	const version = (credentials.apiVersion?.trim() || WHATSAPP_DEFAULT_API_VERSION).replace(/^(?!v)/, 'v');
	const url = `${(credentials.baseUrl || WHATSAPP_DEFAULT_BASE_URL).replace(/\/+$/, '')}/${version}/${encodeURIComponent(credentials.phoneNumberId.trim())}/messages`;
	const authorization = `Bearer ${credentials.accessToken.trim()}`;
	return {
		provider: 'whatsapp',
		async send(message: WhatsAppMessage): Promise<SendResult> {
			let response;
			try {
				response = await transport({
					method: 'POST',
					url,
					headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
					body: requestBody(message),
				});
			} catch (error) {
				throw networkError('whatsapp', error);
			}
			const body = (response.body ?? {}) as { messages?: Array<{ id?: string }>; error?: GraphError };
			const id = body.messages?.[0]?.id;
			if (response.status >= 200 && response.status < 300 && id) return { provider: 'whatsapp', providerMessageId: id };
			throw whatsAppError(response.status, body.error ?? {}, response.headers);
		},
	};
}

export function requestBody(message: WhatsAppMessage): Record<string, unknown> {
	const common = { messaging_product: 'whatsapp', recipient_type: 'individual', to: message.to.replace(/^\+/, '') };
	if (message.kind === 'text') return { ...common, type: 'text', text: { preview_url: false, body: message.text } };
	return {
		...common,
		type: 'template',
		template: {
			name: message.name,
			language: { code: message.language },
			...(message.parameters.length
				? { components: [{ type: 'body', parameters: message.parameters.map((text) => ({ type: 'text', text })) }] }
				: {}),
		},
	};
}

function whatsAppError(status: number, error: GraphError, headers: Record<string, unknown>): ProviderError {
	const code = typeof error.code === 'number' ? error.code : undefined;
	const details = error.error_data?.details ? ` ${error.error_data.details}` : '';
	const message = `whatsapp: ${error.message ?? `HTTP ${status}`}${code !== undefined ? ` (error ${code})` : ''}${details ? `:${details}` : ''}`;
	const common = { httpStatus: status, providerCode: code, description: error.fbtrace_id ? `fbtrace_id ${error.fbtrace_id}` : undefined };
	if (code !== undefined && RECIPIENT_CODES.has(code)) return new ProviderError('whatsapp', message, { ...common, kind: 'rejected' });
	const retryable = (code !== undefined && RETRYABLE_CODES.has(code)) || isRetryableStatus(status);
	return new ProviderError('whatsapp', message, { ...common, kind: 'failed', retryable, retryAfterMs: retryable ? retryAfterMs(headers) : undefined });
}
