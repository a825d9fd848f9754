/**
 * The HTTP request as the webhook triggers see it, independent of n8n/express, and the answers
 * they give. Every rejection is a 4xx with a machine-readable reason and never echoes a secret.
 */
export type HeaderValue = string | string[] | undefined;

export interface InboundRequest {
	method: string;
	/** The body exactly as received: signatures are computed over these bytes. */
	rawBody: Buffer;
	/** Lower-case header names, as Node gives them. */
	headers: Record<string, HeaderValue>;
	query: Record<string, unknown>;
}

export interface FieldIssue {
	/** A dotted path in the payload (e.g. visit.start, payload.startTime) or "body". */
	field: string;
	message: string;
}

export type AuthFailureReason =
	| 'not_configured'
	| 'missing_signature'
	| 'malformed_signature'
	| 'timestamp_out_of_tolerance'
	| 'signature_mismatch'
	| 'missing_token'
	| 'token_mismatch';

export interface Rejection {
	status: 400 | 401 | 403 | 404 | 405 | 413 | 422;
	body: { error: string; reason?: string; fields?: FieldIssue[] };
}

export type Result<T> = { ok: true; value: T } | { ok: false; rejection: Rejection };

export const unauthorized = (reason: AuthFailureReason): Rejection => ({ status: 401, body: { error: 'unauthorized', reason } });

export const invalidPayload = (fields: FieldIssue[]): Rejection => ({ status: 400, body: { error: 'invalid_payload', fields } });

export const badRequest = (reason: string): Rejection => ({ status: 400, body: { error: 'bad_request', reason } });

export function header(request: Pick<InboundRequest, 'headers'>, name: string): string | undefined {
	const value = request.headers[name.toLowerCase()];
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' ? first : undefined;
}

export function queryText(request: Pick<InboundRequest, 'query'>, name: string): string | undefined {
	const value = request.query[name];
	const first = Array.isArray(value) ? value[0] : value;
	return typeof first === 'string' ? first : undefined;
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
