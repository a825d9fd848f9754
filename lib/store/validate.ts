import { inputError } from './errors';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
const E164 = /^\+[1-9]\d{6,14}$/;
const MAX_NAME_LENGTH = 200;

/** Normalises an ISO-8601 instant with an explicit offset to UTC with milliseconds. */
export function toUtcIso(value: string, field: string): string {
	const date = ISO_INSTANT.test(value) ? new Date(value) : undefined;
	const iso = date && !Number.isNaN(date.getTime()) ? date.toISOString() : '';
	if (iso.length !== 24) {
		throw inputError(`${field} must be an ISO-8601 instant with Z or an offset, got ${JSON.stringify(value)}`);
	}
	return iso;
}

export const optionalUtcIso = (value: string | null | undefined, field: string) =>
	value === undefined || value === null ? value : toUtcIso(value, field);

export function requireText(value: unknown, field: string): string {
	if (typeof value !== 'string' || value.trim() === '') throw inputError(`${field} must be a non-empty string`);
	return value.trim();
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
	if (!allowed.includes(value as T)) {
		throw inputError(`${field} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
	}
	return value as T;
}

export function normaliseEmail(value: string): string {
	const email = value.trim().toLowerCase();
	if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw inputError(`email is not an address: ${JSON.stringify(value)}`);
	return email;
}

export function normalisePhone(value: string): string {
	const phone = value.trim();
	if (!E164.test(phone)) throw inputError(`phone must be E.164 (e.g. +4915112345678), got ${JSON.stringify(value)}`);
	return phone;
}

/** Building an Intl.DateTimeFormat costs ~0.1 ms; a clinic's contacts use a handful of zones. */
const canonicalZones = new Map<string, string>();
const ZONE_CACHE_LIMIT = 1000;

export function normaliseTimeZone(value: string): string {
	const key = value.trim();
	const known = canonicalZones.get(key);
	if (known) return known;
	let zone: string;
	try {
		zone = new Intl.DateTimeFormat('en-US', { timeZone: key }).resolvedOptions().timeZone;
	} catch {
		throw inputError(`timeZone is not an IANA time zone: ${JSON.stringify(value)}`);
	}
	if (canonicalZones.size >= ZONE_CACHE_LIMIT) canonicalZones.clear();
	canonicalZones.set(key, zone);
	return zone;
}

export function normaliseLocale(value: string): string {
	try {
		const [locale] = Intl.getCanonicalLocales(value.trim());
		if (locale) return locale;
	} catch {
		// fall through to the error below
	}
	throw inputError(`locale is not a BCP 47 tag: ${JSON.stringify(value)}`);
}

/** Tag and counter names: trimmed, non-empty, at most 200 characters; duplicates dropped. */
export function normaliseNames(values: readonly string[], field: string): string[] {
	return [...new Set(values.map((value) => normaliseName(value, field)))];
}

export function normaliseName(value: unknown, field: string): string {
	const name = requireText(value, field);
	if (name.length > MAX_NAME_LENGTH) throw inputError(`${field} is longer than ${MAX_NAME_LENGTH} characters`);
	return name;
}

export function finiteNumber(value: unknown, field: string): number {
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		throw inputError(`${field} must be a finite number, got ${String(value)}`);
	}
	return value;
}

/** Code-unit order, identical on every backend regardless of database collation. */
export const sortStrings = (values: string[]) => values.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
