/**
 * Open-pixel, click and one-click-unsubscribe requests (URLs made by lib/tracking for the Send
 * node): the signed token names the message; a click token is bound to its URL, and the URL must
 * also appear in the message as stored, so nobody can use the redirect to send people elsewhere.
 */
import { escapeHtml } from '../../templates/html';
import { UNSUBSCRIBE_SCOPE, verifyTrackingToken } from '../../tracking';
import { queryText, type InboundRequest, type Rejection, type Result } from '../http';

export const TRACKING_ENDPOINTS = ['open', 'click', 'unsubscribe'] as const;
export type TrackingEndpoint = (typeof TRACKING_ENDPOINTS)[number];

export type TrackingRequest =
	| { kind: 'open'; messageId: string }
	| { kind: 'click'; messageId: string; url: string }
	| { kind: 'unsubscribe'; messageId: string };

const MAX_URL = 2048;

const reject = (status: Rejection['status'], reason: string): Result<never> => ({ ok: false, rejection: { status, body: { error: 'invalid_tracking_link', reason } } });

export function readTrackingRequest(endpoint: TrackingEndpoint, request: InboundRequest, secret: string): Result<TrackingRequest> {
	const token = queryText(request, 't');
	if (!token || token.length > 400) return reject(400, 'missing_token');
	if (endpoint === 'click') {
		const url = queryText(request, 'u');
		if (!url || url.length > MAX_URL || !isHttpUrl(url)) return reject(400, 'missing_or_invalid_url');
		const claims = verifyTrackingToken(secret, token, url);
		return claims ? { ok: true, value: { kind: 'click', messageId: claims.messageId, url } } : reject(401, 'token_mismatch');
	}
	const claims = verifyTrackingToken(secret, token, endpoint === 'unsubscribe' ? UNSUBSCRIBE_SCOPE : undefined);
	if (!claims) return reject(401, 'token_mismatch');
	return { ok: true, value: endpoint === 'open' ? { kind: 'open', messageId: claims.messageId } : { kind: 'unsubscribe', messageId: claims.messageId } };
}

export function isHttpUrl(text: string): boolean {
	try {
		const url = new URL(text);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
	} catch {
		return false;
	}
}

/** The URL as written in the stored body: plain, HTML-escaped, or inside a tracked link's u= parameter. */
export function messageContainsUrl(body: string | null, url: string): boolean {
	if (!body) return false;
	return body.includes(url) || body.includes(escapeHtml(url)) || body.includes(`u=${encodeURIComponent(url)}`);
}

/** 1×1 transparent GIF. */
export const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
