/**
 * How a provider said no. The kind decides what the sender does next:
 * - rejected: the recipient cannot get messages on this channel (invalid number, not on WhatsApp,
 *   mailbox unknown): nothing was sent, the next channel may be tried;
 * - failed: nothing was sent (bad credentials, provider down after retries): a retry may re-claim;
 * - unknown: the request may have reached the provider (timeout after sending): never re-sent
 *   automatically, because a patient must not get the message twice.
 */
export type FailureKind = 'rejected' | 'failed' | 'unknown';

export interface ProviderErrorDetails {
	kind: FailureKind;
	/** Worth retrying after a pause (429, 5xx, transient SMTP 4xx, connection refused). */
	retryable?: boolean;
	/** Delay the provider asked for (Retry-After). */
	retryAfterMs?: number;
	httpStatus?: number;
	/** The provider's own error code, e.g. Twilio 21211, SMSAPI 13, WhatsApp 131026, SMTP 550. */
	providerCode?: string | number;
	/** Link or hint from the provider. */
	description?: string;
}

export class ProviderError extends Error {
	readonly kind: FailureKind;

	readonly retryable: boolean;

	constructor(
		readonly provider: string,
		message: string,
		readonly details: ProviderErrorDetails,
	) {
		super(message);
		this.name = 'ProviderError';
		this.kind = details.kind;
		this.retryable = details.retryable ?? false;
	}
}

/** Connection failures that prove the request never reached the provider. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'ERR_TLS_CERT_ALTNAME_INVALID', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN']);

/** A transport that got no answer: refused connections are retryable failures, the rest may have been delivered. */
export function networkError(provider: string, error: unknown): ProviderError {
	const code = String((error as { code?: unknown })?.code ?? '');
	const reason = error instanceof Error ? error.message : String(error);
	// The low-level cause goes to the description: n8n replaces messages that name error codes.
	const description = `Cause: ${code ? `${code} ` : ''}${reason}`;
	if (NOT_SENT_CODES.has(code)) {
		return new ProviderError(provider, `${provider}: cannot reach the provider, nothing was sent`, {
			kind: 'failed',
			retryable: code === 'ECONNREFUSED' || code === 'EAI_AGAIN',
			description,
		});
	}
	return new ProviderError(provider, `${provider}: no answer from the provider; the message may or may not have been sent`, { kind: 'unknown', description });
}

/** Seconds or an HTTP date in Retry-After, as milliseconds. */
export function retryAfterMs(headers: Record<string, unknown>, now = Date.now()): number | undefined {
	const raw = headers['retry-after'] ?? headers['Retry-After'];
	const value = Array.isArray(raw) ? raw[0] : raw;
	if (value === undefined || value === null || value === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const at = Date.parse(String(value));
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** 429 and 5xx are worth retrying; other statuses are final. */
export function isRetryableStatus(status: number): boolean {
	return status === 429 || status >= 500;
}
