/**
 * Signed tracking tokens for open pixels, click redirects and one-click unsubscribe links.
 * token = "{messageId}.{signature}", signature = base64url(HMAC-SHA256(secret, "cj-track:v1\n{messageId}\n{url}"))
 * cut to 128 bits. The clicked URL is bound into the signature, so a token cannot be replayed
 * to redirect elsewhere (no open redirect). Tokens do not expire: mail is opened days later.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface TrackingClaims {
	/** The Journey Store message id. */
	messageId: string;
	/** For click tokens: the original URL; for unsubscribe tokens: UNSUBSCRIBE_SCOPE. */
	url?: string;
}

/** The `url` that unsubscribe tokens are signed for. */
export const UNSUBSCRIBE_SCOPE = 'unsubscribe';

const SIGNATURE_CHARS = 22;

function signature(secret: string, messageId: string, url: string | undefined): string {
	return createHmac('sha256', secret)
		.update(`cj-track:v1\n${messageId}\n${url ?? ''}`)
		.digest('base64url')
		.slice(0, SIGNATURE_CHARS);
}

function checkSecret(secret: string): void {
	if (typeof secret !== 'string' || secret.length < 16) throw new Error('tracking: the secret must be at least 16 characters');
}

export function signTrackingToken(secret: string, claims: TrackingClaims): string {
	checkSecret(secret);
	if (!claims.messageId || claims.messageId.includes('.')) throw new Error('tracking: messageId must be non-empty and contain no dot');
	return `${claims.messageId}.${signature(secret, claims.messageId, claims.url)}`;
}

/** The message id when the token is genuine for this URL (or none), else null. Constant-time compare. */
export function verifyTrackingToken(secret: string, token: string, url?: string): { messageId: string } | null {
	checkSecret(secret);
	if (typeof token !== 'string') return null;
	const dot = token.lastIndexOf('.');
	if (dot <= 0) return null;
	const messageId = token.slice(0, dot);
	const given = Buffer.from(token.slice(dot + 1));
	const expected = Buffer.from(signature(secret, messageId, url));
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
	return { messageId };
}
