import { invalidPayload, isObject, type InboundRequest, type Rejection, type Result } from './http';

export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

/** Larger bodies are refused before any signature is computed over them. */
export function checkBodySize(request: InboundRequest, maxBytes: number): Rejection | null {
	if (request.rawBody.length <= maxBytes) return null;
	const limit = maxBytes >= 1024 ? `${Math.floor(maxBytes / 1024)} KB` : `${maxBytes} bytes`;
	return invalidPayload([{ field: 'body', message: `is ${request.rawBody.length} bytes, over the ${limit} limit` }]);
}

/** The body as a JSON object, whatever the content type said. */
export function parseJsonObject(rawBody: Buffer): Result<Record<string, unknown>> {
	const text = rawBody.toString('utf8').replace(/^\uFEFF/, '');
	const fail = (message: string) => ({ ok: false as const, rejection: invalidPayload([{ field: 'body', message }]) });
	if (!text.trim()) return fail('is empty; expected a JSON object');
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return fail('is not valid JSON');
	}
	return isObject(parsed) ? { ok: true, value: parsed } : fail('must be a JSON object');
}

/** application/x-www-form-urlencoded fields; a repeated field keeps its first value. */
export function parseForm(rawBody: Buffer): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const [key, value] of new URLSearchParams(rawBody.toString('utf8'))) {
		if (!(key in fields)) fields[key] = value;
	}
	return fields;
}
