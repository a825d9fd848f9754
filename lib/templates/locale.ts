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

/** "Thursday, 15 April" and "08:00" in the contact's zone and locale (luxon + Intl). */
export function formatVisitTime(instant: string, zone: string, tag: string): { date: string; time: string } {
	const at = DateTime.fromISO(instant, { zone }).setLocale(tag);
	if (!at.isValid) return { date: '', time: '' };
	return {
		date: at.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long' }),
		time: at.toLocaleString(DateTime.TIME_SIMPLE),
	};
}

/** "15 April 2027" in the contact's zone and locale. */
export function formatDay(instant: string, zone: string, tag: string): string {
	const at = DateTime.fromISO(instant, { zone }).setLocale(tag);
	return at.isValid ? at.toLocaleString(DateTime.DATE_FULL) : '';
}
