/**
 * The key that makes a send happen once. Default parts: workflow, node, contact, visit, visit
 * version (a rescheduled slot is a new message) and step. Parts are URI-encoded and joined with
 * '|', so no two different part lists give the same key.
 */
export interface IdempotencyParts {
	workflowId: string;
	nodeName: string;
	contactId: string;
	visitId?: string | null;
	visitVersion?: number | null;
	/** Which message of the journey this is, e.g. 'reminder-2d'; defaults to the node name. */
	step?: string | null;
}

export function buildIdempotencyKey(parts: IdempotencyParts): string {
	const values = [
		parts.workflowId,
		parts.nodeName,
		parts.contactId,
		parts.visitId ?? '',
		parts.visitVersion === undefined || parts.visitVersion === null ? '' : String(parts.visitVersion),
		parts.step?.trim() || parts.nodeName,
	];
	return `cj1|${values.map((value) => encodeURIComponent(value)).join('|')}`;
}

/** Attempt n of a message: the key itself first, then key#2, key#3 … (see claim.ts). */
export function attemptKey(key: string, attempt: number): string {
	return attempt <= 1 ? key : `${key}#${attempt}`;
}
