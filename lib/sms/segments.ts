import { gsmSeptets } from './gsm7';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegmentInfo {
	encoding: SmsEncoding;
	/** Septets for GSM-7, UTF-16 code units for UCS-2. */
	units: number;
	segments: number;
	/** Capacity of each segment: 160/70 for a single SMS, 153/67 per part once concatenated. */
	perSegment: number;
	/** The first few distinct characters that forced UCS-2. */
	nonGsmChars: string[];
}

const LIMITS = {
	'GSM-7': { single: 160, part: 153 },
	'UCS-2': { single: 70, part: 67 },
} as const;
const MAX_REPORTED = 5;

/** Encoding and segment count of an SMS body, as a GSM network would split it. */
export function countSmsSegments(text: string): SmsSegmentInfo {
	const nonGsmChars: string[] = [];
	const gsmCosts: number[] = [];
	for (const char of text) {
		const cost = gsmSeptets(char);
		if (cost !== undefined) gsmCosts.push(cost);
		else if (nonGsmChars.length < MAX_REPORTED && !nonGsmChars.includes(char)) nonGsmChars.push(char);
	}
	const encoding: SmsEncoding = nonGsmChars.length === 0 ? 'GSM-7' : 'UCS-2';
	// Per character: GSM-7 extension characters take 2 septets, UCS-2 astral characters (emoji) 2 code units.
	const costs = encoding === 'GSM-7' ? gsmCosts : Array.from(text, (char) => char.length);
	const units = costs.reduce((sum, cost) => sum + cost, 0);
	const { single, part } = LIMITS[encoding];
	if (units <= single) return { encoding, units, segments: units === 0 ? 0 : 1, perSegment: single, nonGsmChars };
	return { encoding, units, segments: packInto(costs, part), perSegment: part, nonGsmChars };
}

/** Parts needed when a character (escape sequence or surrogate pair) may not be split across parts. */
function packInto(costs: readonly number[], capacity: number): number {
	let parts = 1;
	let used = 0;
	for (const cost of costs) {
		if (used + cost > capacity) {
			parts++;
			used = 0;
		}
		used += cost;
	}
	return parts;
}
