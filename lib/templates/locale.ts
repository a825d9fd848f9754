import { DateTime } from 'luxon';

import { TEMPLATE_LANGUAGES, type TemplateLanguage } from './types';

export interface ResolvedLocale {
	/** BCP 47 tag used for dates and the HTML lang attribute, e.g. he-IL. */
	tag: string;
	/** Language of the built-in templates. */
	language: TemplateLanguage;
	dir: 'ltr' | 'rtl';
}

const RTL = new Set(['he', 'ar', 'fa', 'ur', 'yi', 'ps', 'dv', 'ckb']);
const ALIASES: Record<string, string> = { iw: 'he', ji: 'yi' };

function canonical(raw: string): string | undefined {
	try {
		return Intl.getCanonicalLocales(raw.trim().replace(/_/g, '-'))[0];
	} catch {
		return undefined;
	}
}

/** Memoised: Intl's canonicalisation is slow and the same few locales repeat for every item. */
const memo = new Map<string, ResolvedLocale>();

/**
 * The contact's locale for templates, dates and text direction. A language without built-in
 * templates falls back to `fallback` (default en) for both templates and formatting.
 */
export function resolveLocale(raw: string | null | undefined, fallback = 'en'): ResolvedLocale {
	const key = `${raw ?? ''}\u0000${fallback}`;
	let resolved = memo.get(key);
	if (!resolved) {
		if (memo.size > 1000) memo.clear();
		resolved = resolveUncached(raw, fallback);
		memo.set(key, resolved);
	}
	return { ...resolved };
}

function resolveUncached(raw: string | null | undefined, fallback: string): ResolvedLocale {
	const fallbackTag = canonical(fallback) ?? 'en';
	const tag = (raw && canonical(raw)) || fallbackTag;
	const language = languageOf(tag);
	if ((TEMPLATE_LANGUAGES as readonly string[]).includes(language)) return { tag, language: language as TemplateLanguage, dir: RTL.has(language) ? 'rtl' : 'ltr' };
	if (tag !== fallbackTag) return resolveUncached(fallbackTag, 'en');
	return { tag: 'en', language: 'en', dir: 'ltr' };
}

function languageOf(tag: string): string {
	const language = tag.split('-')[0].toLowerCase();
	return ALIASES[language] ?? language;
}

/** "Thursday, 15 April" and "08:00" in the contact's zone and locale. */
export function formatVisitTime(instant: string, zone: string, tag: string): { date: string; time: string } {
	return { date: localized('date', instant, zone, tag), time: localized('time', instant, zone, tag) };
}

/** "15 April 2027" in the contact's zone and locale. */
export function formatDay(instant: string, zone: string, tag: string): string {
	return localized('day', instant, zone, tag);
}

/** '' for an instant luxon cannot read in that zone. */
function localized(kind: keyof typeof FORMATS, instant: string, zone: string, tag: string): string {
	const at = exactInstant(instant);
	const fast = at === null ? null : cachedFormat(kind, tag, zone, at);
	if (fast !== null) return fast;
	const local = DateTime.fromISO(instant, { zone }).setLocale(tag);
	return local.isValid ? local.toLocaleString(FORMATS[kind]) : '';
}

/*
 * The formats as luxon's toLocaleString applies them (Intl with the zone), with the Intl formatter
 * kept per locale and zone: built per item through luxon, formatting was several percent of a
 * 30,000-message campaign. What the fast path does not take goes through luxon as before: a time
 * without an offset (luxon reads it in the contact's zone), UTC or a fixed offset, a zone or
 * locale Intl refuses.
 */
const FORMATS = {
	date: { weekday: 'long', day: 'numeric', month: 'long' },
	time: DateTime.TIME_SIMPLE,
	day: DateTime.DATE_FULL,
} satisfies Record<string, Intl.DateTimeFormatOptions>;

const formatters = new Map<string, Intl.DateTimeFormat | null>();
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function exactInstant(instant: string): Date | null {
	if (!WITH_OFFSET.test(instant)) return null;
	const at = new Date(instant);
	return Number.isNaN(at.getTime()) ? null : at;
}

function cachedFormat(kind: keyof typeof FORMATS, tag: string, zone: string, at: Date): string | null {
	// Luxon formats UTC and fixed offsets its own way (not through the zone's Intl formatter).
	if (!zone.includes('/')) return null;
	const key = `${kind}|${tag}|${zone}`;
	let formatter = formatters.get(key);
	if (formatter === undefined) {
		try {
			formatter = new Intl.DateTimeFormat(tag, { ...FORMATS[kind], timeZone: zone });
		} catch {
			formatter = null;
		}
		if (formatters.size >= 1000) formatters.clear();
		formatters.set(key, formatter);
	}
	return formatter === null ? null : formatter.format(at);
}
