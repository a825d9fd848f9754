import Holidays from 'date-holidays';

import { DAY, parseDateOnly, yearOfDay } from './civil';
import { DomainInputError } from './domain-input-error';
import type { HolidayRules } from './types';

/** Public holidays of one country/region, loaded lazily per year: day number → holiday name. */
class PublicHolidays {
	private readonly names = new Map<number, string>();
	private readonly loadedYears = new Set<number>();

	constructor(private readonly source: Holidays) {}

	nameOn(day: number): string | undefined {
		const year = yearOfDay(day);
		this.load(year);
		this.load(year - 1); // a multi-day holiday may spill over New Year
		return this.names.get(day);
	}

	private load(year: number): void {
		if (this.loadedYears.has(year)) return;
		this.loadedYears.add(year);
		for (const holiday of this.source.getHolidays(year)) {
			if (holiday.type !== 'public') continue;
			// The date string is the local calendar date (some calendars start a holiday the evening before).
			const first = parseDateOnly(holiday.date.slice(0, 10));
			if (first === undefined) continue;
			const span = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY));
			for (let day = first; day < first + span; day++) {
				if (!this.names.has(day)) this.names.set(day, holiday.name);
			}
		}
	}
}

const calendars = new Map<string, PublicHolidays>();
let countries: Record<string, string> | undefined;

function publicHolidays(countryInput: string, regionInput: string | undefined): PublicHolidays {
	const country = countryInput.trim().toUpperCase();
	const region = regionInput?.trim().toUpperCase() || undefined;
	const key = region ? `${country}-${region}` : country;
	const cached = calendars.get(key);
	if (cached) return cached;
	countries ??= new Holidays().getCountries();
	if (!countries[country]) {
		throw new DomainInputError('holidays.country', `unknown country code ${JSON.stringify(countryInput)} (expected ISO 3166-1 alpha-2, e.g. PL)`);
	}
	if (region) {
		const states = new Holidays().getStates(country) ?? {};
		if (!states[region]) {
			const known = Object.keys(states).slice(0, 12).join(', ');
			throw new DomainInputError(
				'holidays.region',
				`unknown region ${JSON.stringify(regionInput)} for ${country}${known ? ` (known: ${known}…)` : ' (this country has no regions)'}`,
			);
		}
	}
	const calendar = new PublicHolidays(region ? new Holidays(country, region) : new Holidays(country));
	calendars.set(key, calendar);
	return calendar;
}

/** Answers "is this local day closed, and why?" for one input's holiday rules. */
export type HolidayLookup = (day: number) => string | undefined;

const NO_HOLIDAYS: HolidayLookup = () => undefined;

export function holidayLookup(rules: HolidayRules | undefined): HolidayLookup {
	if (!rules) return NO_HOLIDAYS;
	const country = rules.country?.trim() ? publicHolidays(rules.country, rules.region) : undefined;
	if (!country && rules.region?.trim()) {
		throw new DomainInputError('holidays.region', 'a region needs holidays.country as well');
	}
	const custom = customDays(rules.custom);
	if (!country && custom.size === 0) return NO_HOLIDAYS;
	return (day) => {
		if (custom.has(day)) return 'a custom holiday';
		const name = country?.nameOn(day);
		return name === undefined ? undefined : `a public holiday (${name})`;
	};
}

const parsedDates = new Map<string, number | undefined>();

function parseCustomDate(raw: string): number | undefined {
	if (parsedDates.has(raw)) return parsedDates.get(raw);
	const day = parseDateOnly(raw.trim());
	if (parsedDates.size >= 5000) parsedDates.clear();
	parsedDates.set(raw, day);
	return day;
}

function customDays(dates: readonly string[] | undefined): Set<number> {
	const days = new Set<number>();
	if (dates === undefined || dates === null) return days;
	if (!Array.isArray(dates)) throw new DomainInputError('holidays.custom', 'expected a list of dates YYYY-MM-DD');
	for (const raw of dates) {
		const day = typeof raw === 'string' ? parseCustomDate(raw) : undefined;
		if (day === undefined) {
			throw new DomainInputError('holidays.custom', `expected dates as YYYY-MM-DD, got ${JSON.stringify(raw)}`);
		}
		days.add(day);
	}
	return days;
}
