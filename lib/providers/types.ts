/** What every message provider shares: an injected HTTP transport, the messages, the result. */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

export interface HttpRequest {
	method: HttpMethod;
	url: string;
	headers?: Record<string, string>;
	/** A string is sent as is (set content-type); an object is sent as JSON. */
	body?: string | Record<string, unknown>;
	timeoutMs?: number;
}

export interface HttpResponse {
	status: number;
	headers: Record<string, unknown>;
	/** Parsed JSON when the answer was JSON, else the text. */
	body: unknown;
}

/**
 * Sends one request and resolves with any HTTP status (4xx/5xx included); rejects only when no
 * answer arrived (the error's `code` says why, e.g. ECONNREFUSED, ETIMEDOUT).
 */
export type HttpTransport = (request: HttpRequest) => Promise<HttpResponse>;

export interface SmsMessage {
	/** E.164. */
	to: string;
	text: string;
	from?: string;
	/** The send's idempotency key, for providers that can deduplicate on it. */
	idempotencyKey?: string;
}

export interface EmailAttachment {
	filename: string;
	content: string;
	contentType: string;
}

export interface EmailMessage {
	to: string;
	from: string;
	replyTo?: string;
	subject: string;
	text: string;
	html?: string;
	headers?: Record<string, string>;
	attachments?: EmailAttachment[];
}

export type WhatsAppMessage =
	| { to: string; kind: 'text'; text: string }
	| { to: string; kind: 'template'; name: string; language: string; parameters: string[] };

export interface SendResult {
	provider: string;
	providerMessageId: string | null;
}

export interface MessageSender<M> {
	readonly provider: string;
	send(message: M): Promise<SendResult>;
}
