/**
 * Secrets for rotation: the current one plus any older ones still accepted, written in one
 * credential field separated by commas, spaces or new lines (signing secrets never contain them).
 */
export function secretList(...fields: unknown[]): string[] {
	const all = fields
		.filter((value): value is string => typeof value === 'string')
		.flatMap((value) => value.split(/[\s,]+/))
		.map((value) => value.trim())
		.filter(Boolean);
	return [...new Set(all)];
}
