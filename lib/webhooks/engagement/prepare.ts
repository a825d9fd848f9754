/**
 * What the Journey Event Trigger decides before touching the store, per endpoint, as pure
 * functions: size limit, authentication, parsing. The fuzz test drives them in-process.
 */
import { checkBodySize, parseForm, parseJsonObject } from '../body';
import { header, invalidPayload, queryText, unauthorized, type InboundRequest, type Rejection } from '../http';
import { matchesAny, verifyBodyHmac, verifyRequest, verifyTwilioSignature, type AuthConfig } from '../signatures';
import { parseGenericEvent } from './generic';
import type { ParseResult } from './parse-result';
import type { EngagementDraft } from './types';
import { parseTwilio } from './twilio';
import { parseWhatsApp } from './whatsapp';

export type PreparedEngagement =
	| { kind: 'rejected'; rejection: Rejection }
	| { kind: 'ignored'; reason: string }
	| { kind: 'drafts'; drafts: EngagementDraft[] };

export const WHATSAPP_SIGNATURE_HEADER = 'x-hub-signature-256';
export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

function fromParse(result: ParseResult): PreparedEngagement {
	if (result.kind === 'invalid') return { kind: 'rejected', rejection: invalidPayload(result.fields) };
	return result;
}

export interface GenericEndpointConfig {
	auth: AuthConfig;
	maxBodyBytes: number;
	defaultRegion?: string;
}

export function prepareGenericEvent(request: InboundRequest, config: GenericEndpointConfig, nowMs: number): PreparedEngagement {
	const tooLarge = checkBodySize(request, config.maxBodyBytes);
	if (tooLarge) return { kind: 'rejected', rejection: tooLarge };
	const auth = verifyRequest(config.auth, request, nowMs);
	if (!auth.ok) return { kind: 'rejected', rejection: unauthorized(auth.reason) };
	const body = parseJsonObject(request.rawBody);
	if (!body.ok) return { kind: 'rejected', rejection: body.rejection };
	return fromParse(parseGenericEvent(body.value, request.rawBody, config.defaultRegion));
}

export interface TwilioEndpointConfig {
	authTokens: readonly string[];
	/** The URL Twilio requested, as configured in Twilio (n8n's public webhook URL plus the query). */
	url: string;
	maxBodyBytes: number;
}

export function prepareTwilio(request: InboundRequest, config: TwilioEndpointConfig): PreparedEngagement {
	const tooLarge = checkBodySize(request, config.maxBodyBytes);
	if (tooLarge) return { kind: 'rejected', rejection: tooLarge };
	const entries = [...new URLSearchParams(request.rawBody.toString('utf8'))];
	const auth = verifyTwilioSignature({ header: header(request, TWILIO_SIGNATURE_HEADER), url: config.url, fields: entries, authTokens: config.authTokens });
	if (!auth.ok) return { kind: 'rejected', rejection: unauthorized(auth.reason) };
	return fromParse(parseTwilio(parseForm(request.rawBody)));
}

export interface WhatsAppEndpointConfig {
	appSecrets: readonly string[];
	maxBodyBytes: number;
}

export function prepareWhatsApp(request: InboundRequest, config: WhatsAppEndpointConfig): PreparedEngagement {
	const tooLarge = checkBodySize(request, config.maxBodyBytes);
	if (tooLarge) return { kind: 'rejected', rejection: tooLarge };
	const auth = verifyBodyHmac({ header: header(request, WHATSAPP_SIGNATURE_HEADER), rawBody: request.rawBody, secrets: config.appSecrets, prefix: 'sha256=' });
	if (!auth.ok) return { kind: 'rejected', rejection: unauthorized(auth.reason) };
	const body = parseJsonObject(request.rawBody);
	if (!body.ok) return { kind: 'rejected', rejection: body.rejection };
	return fromParse(parseWhatsApp(body.value));
}

/** Meta's subscription handshake: GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=… → the challenge. */
export function verifyWhatsAppHandshake(request: InboundRequest, verifyTokens: readonly string[]): { ok: true; challenge: string } | { ok: false; rejection: Rejection } {
	const mode = queryText(request, 'hub.mode');
	const token = queryText(request, 'hub.verify_token');
	const challenge = queryText(request, 'hub.challenge');
	if (mode !== 'subscribe' || !challenge || challenge.length > 200) return { ok: false, rejection: { status: 400, body: { error: 'bad_request', reason: 'not_a_verification_request' } } };
	if (verifyTokens.length === 0) return { ok: false, rejection: { status: 403, body: { error: 'forbidden', reason: 'not_configured' } } };
	if (!token || !matchesAny(token, verifyTokens)) return { ok: false, rejection: { status: 403, body: { error: 'forbidden', reason: 'token_mismatch' } } };
	return { ok: true, challenge };
}
