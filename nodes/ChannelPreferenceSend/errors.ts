/** Errors as n8n shows them: provider failures as NodeApiError, bad input naming the parameter. */
import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ProviderError } from '../../lib/providers';
import { scheduleFieldError } from '../shared/schedule-properties';

/** The provider's own message, code and status; credentials never reach it (providers redact). */
export function providerApiError(ctx: IExecuteFunctions, error: ProviderError, itemIndex: number): NodeApiError {
	const response: JsonObject = {
		message: error.message,
		provider: error.provider,
		kind: error.kind,
		...(error.details.providerCode !== undefined ? { code: error.details.providerCode } : {}),
	};
	const hint =
		error.kind === 'unknown'
			? 'The provider may have accepted the message. It stays claimed and is not re-sent automatically; check the provider before sending again.'
			: 'Nothing was sent. The message is marked failed, so running the item again re-claims and re-sends it.';
	return new NodeApiError(ctx.getNode(), response, {
		message: error.message,
		description: [hint, error.details.description].filter(Boolean).join(' '),
		httpCode: error.details.httpStatus ? String(error.details.httpStatus) : undefined,
		itemIndex,
	});
}

/** This node's own lib/ field names; the send-rule fields are named by the shared schedule properties. */
const FIELD_NAMES: Record<string, string> = {
	defaultRegion: 'Options: Default Phone Region',
	order: 'Channels in Order',
	policy: 'Channel Policy',
	templateVariables: 'Template Variables',
	template: 'Template',
	'frequencyCap.limit': 'Max Marketing Messages',
	'frequencyCap.windowHours': 'Per Hours',
};

/** A DomainInputError from lib/ with its field renamed to the parameter the user sees. */
export function withFieldName(error: unknown): unknown {
	const named = scheduleFieldError(error, FIELD_NAMES) as Error & { field?: string };
	if (named?.field === 'Template Variables') named.message += `: ${PLACEHOLDER_HINT}`;
	return named;
}

const PLACEHOLDER_HINT =
	"add it under Template Variables ({clinic} also comes from Options → Clinic Name or the visit's location, {date} and {time} from the visit's start)";

export function fieldError(field: string, message: string): Error {
	return Object.assign(new Error(message), { field });
}
