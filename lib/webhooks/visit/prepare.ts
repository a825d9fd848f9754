/**
 * Everything the Visit Trigger decides before touching the store, as one pure function: size
 * limit, authentication, JSON, normalisation. The fuzz test drives it in-process.
 */
import { checkBodySize, parseJsonObject } from '../body';
import { invalidPayload, unauthorized, type InboundRequest, type Rejection } from '../http';
import { verifyRequest, type AuthConfig } from '../signatures';
import { normaliseCalcom } from './calcom';
import { normaliseCalendly } from './calendly';
import type { VisitEventDraft, VisitFormat } from './draft';
import { deriveEventId } from './event-id';
import { compilePaths, normaliseGeneric, type CompiledPaths, type GenericOptions } from './generic';

export interface VisitTriggerConfig {
	format: VisitFormat;
	auth: AuthConfig;
	maxBodyBytes: number;
	generic?: GenericOptions;
	defaultRegion?: string;
}

export type PreparedVisitRequest =
	| { kind: 'rejected'; rejection: Rejection }
	| { kind: 'ignored'; reason: string }
	| { kind: 'event'; draft: VisitEventDraft; eventId: string; body: Record<string, unknown> };

export function prepareVisitRequest(
	request: InboundRequest,
	config: VisitTriggerConfig,
	nowMs: number,
	compiled?: CompiledPaths,
): PreparedVisitRequest {
	const tooLarge = checkBodySize(request, config.maxBodyBytes);
	if (tooLarge) return { kind: 'rejected', rejection: tooLarge };
	const auth = verifyRequest(config.auth, request, nowMs);
	if (!auth.ok) return { kind: 'rejected', rejection: unauthorized(auth.reason) };
	const body = parseJsonObject(request.rawBody);
	if (!body.ok) return { kind: 'rejected', rejection: body.rejection };
	const region = config.defaultRegion;
	const result =
		config.format === 'calcom'
			? normaliseCalcom(body.value, { defaultRegion: region })
			: config.format === 'calendly'
				? normaliseCalendly(body.value, { defaultRegion: region })
				: normaliseGeneric(body.value, { ...config.generic, defaultRegion: region }, compiled ?? compilePaths(config.generic?.paths));
	if (result.kind === 'invalid') return { kind: 'rejected', rejection: invalidPayload(result.fields) };
	if (result.kind === 'ignored') return result;
	const eventId = result.draft.eventId ?? deriveEventId(result.draft, request.rawBody);
	return { kind: 'event', draft: result.draft, eventId, body: body.value };
}
