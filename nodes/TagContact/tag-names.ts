/**
 * Tag names as users type them: trimmed, empties ignored, case preserved but compared
 * case-insensitively, so "No-Show" and "no-show" are one tag. The spelling already in use wins:
 * first the contact's own, then any contact's (the store's tag list), else the one typed.
 */
import { fieldError } from '../shared/tag-counter-contact';

export const MAX_TAG_LENGTH = 200;
const FIELD = 'Tags';

/** Comparison key (parseTags has already normalised to Unicode NFC). */
export const tagKey = (tag: string) => tag.toLowerCase();

function asTagText(value: unknown): string | undefined {
	if (value === null || value === undefined) return undefined;
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	throw fieldError(FIELD, `expected tag names (text), got ${JSON.stringify(value)}`);
}

/**
 * A comma-separated string ("no-show, active contact") or an array from an expression, whose
 * elements are whole tag names (not split on commas). Duplicates are dropped case-insensitively,
 * keeping the first spelling.
 */
export function parseTags(value: unknown): string[] {
	const raw = Array.isArray(value) ? value.map(asTagText) : (asTagText(value)?.split(',') ?? []);
	const byKey = new Map<string, string>();
	for (const text of raw) {
		const tag = text?.normalize('NFC').trim();
		if (!tag) continue;
		if (tag.length > MAX_TAG_LENGTH) throw fieldError(FIELD, `"${tag.slice(0, 20)}…" is longer than ${MAX_TAG_LENGTH} characters`);
		if (!byKey.has(tagKey(tag))) byKey.set(tagKey(tag), tag);
	}
	return [...byKey.values()];
}

/** The contact's own spellings of the requested tags it has. */
export function matchTags(requested: readonly string[], current: readonly string[]): string[] {
	const wanted = new Set(requested.map(tagKey));
	return current.filter((tag) => wanted.has(tagKey(tag)));
}

/** Spellings in use across the store, loaded once per execution and kept up to date by it. */
export class TagVocabulary {
	private known?: Promise<Map<string, string>>;

	constructor(private readonly load: () => Promise<string[]>) {}

	/** The spelling to store for each tag: the contact's, else the store's, else as typed. */
	async spell(tags: readonly string[], contactTags: readonly string[]): Promise<string[]> {
		this.known ??= this.load().then((names) => new Map(names.map((name) => [tagKey(name), name])));
		const known = await this.known;
		const own = new Map(contactTags.map((tag) => [tagKey(tag), tag]));
		const spelled = tags.map((tag) => own.get(tagKey(tag)) ?? known.get(tagKey(tag)) ?? tag);
		for (const tag of spelled) if (!known.has(tagKey(tag))) known.set(tagKey(tag), tag);
		return spelled;
	}
}
