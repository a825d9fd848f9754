import { type CountryCode, ParseError, isSupportedCountry, parsePhoneNumberWithError } from 'libphonenumber-js/max';

import { DomainInputError } from '../time/domain-input-error';

export type PhoneResult = { e164: string; country?: string; type?: string } | { error: string };

const PARSE_ERRORS: Record<string, string> = {
	NOT_A_NUMBER: 'not a phone number',
	INVALID_COUNTRY: 'no country code: write it as +48… or set a default region',
	TOO_SHORT: 'too short',
	TOO_LONG: 'too long',
	INVALID_LENGTH: 'wrong length',
};

/** Region code for numbers written without +country; throws when the code is unknown (a configuration error). */
export function checkRegion(defaultRegion: string | undefined): CountryCode | undefined {
	const region = defaultRegion?.trim().toUpperCase();
	if (!region) return undefined;
	if (!isSupportedCountry(region)) {
		throw new DomainInputError('defaultRegion', `unknown region ${JSON.stringify(defaultRegion)} (expected ISO 3166-1 alpha-2, e.g. PL)`);
	}
	return region;
}

const RECENT_LIMIT = 1024;
const recent = new Map<string, PhoneResult>();

/**
 * E.164 form of a phone number (full metadata, so unallocated ranges are rejected), or why it is unusable.
 * The whole text must be a number: "call 601 234 567" is rejected rather than guessed at.
 */
export function normalizePhone(raw: unknown, defaultRegion?: string): PhoneResult {
	const region = checkRegion(defaultRegion);
	if (typeof raw !== 'string' || raw.trim() === '') return { error: 'no phone number' };
	if (raw.length > 64) return { error: 'too long' };
	// A send reads each recipient's number twice (recipient, then channel policy); parsing with
	// full metadata is the costly part, so the last answers are kept (copies handed out).
	const key = `${region ?? ''}|${raw}`;
	let result = recent.get(key);
	if (!result) {
		result = parse(raw, region);
		if (recent.size >= RECENT_LIMIT) recent.clear();
		recent.set(key, result);
		// Its E.164 form reads the same in any region: the policy's second read is then a hit.
		if ('e164' in result) recent.set(`${region ?? ''}|${result.e164}`, result);
	}
	return { ...result };
}

function parse(raw: string, region: CountryCode | undefined): PhoneResult {
	try {
		const phone = parsePhoneNumberWithError(raw.trim(), { defaultCountry: region, extract: false });
		if (!phone.isValid()) {
			return { error: phone.country ? `not a valid ${phone.country} number` : 'not a valid number' };
		}
		return { e164: phone.number, country: phone.country, type: phone.getType() };
	} catch (error) {
		if (error instanceof ParseError) return { error: PARSE_ERRORS[error.message] ?? 'not a phone number' };
		throw error;
	}
}

export function validatePhone(raw: unknown, defaultRegion?: string): boolean {
	return 'e164' in normalizePhone(raw, defaultRegion);
}
