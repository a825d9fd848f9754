/**
 * When sending is allowed (send window, weekdays, holidays, the contact's time zone): written once,
 * used by Quiet-Hours Delay and by Channel Preference Send's send-time guard. `readSendRules`
 * returns the part of lib/time's `SendTimeInput` these parameters fill, and `scheduleFieldError`
 * turns lib/time's DomainInputError into an error naming the parameter as the user sees it.
 */
import Holidays from 'date-holidays';
import type { IDisplayOptions, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { DomainInputError, type SendTimeInput } from '../../lib/time';

export type SendRulesInput = Required<Pick<SendTimeInput, 'window' | 'weekdays' | 'holidays' | 'fallbackZone'>> &
	Pick<SendTimeInput, 'zone'>;

const WEEKDAYS: INodePropertyOptions[] = [
	{ name: 'Monday', value: 1 },
	{ name: 'Tuesday', value: 2 },
	{ name: 'Wednesday', value: 3 },
	{ name: 'Thursday', value: 4 },
	{ name: 'Friday', value: 5 },
	{ name: 'Saturday', value: 6 },
	{ name: 'Sunday', value: 7 },
];

/** date-holidays' countries, sorted by name; '' = no public holidays. */
function holidayCountries(): INodePropertyOptions[] {
	const countries = Object.entries(new Holidays().getCountries('en'))
		.map(([code, name]) => ({ name: `${name} (${code})`, value: code }))
		.sort((a, b) => a.name.localeCompare(b.name));
	return [{ name: 'None', value: '' }, ...countries];
}

/** Parameter display names, by lib/time's field names (used in error messages). */
export const SCHEDULE_FIELD_NAMES: Record<string, string> = {
	zone: 'Time Zone',
	fallbackZone: 'Time Zone',
	'window.start': 'Send Window Start',
	'window.end': 'Send Window End',
	weekdays: 'Allowed Weekdays',
	'holidays.country': 'Holiday Country',
	'holidays.region': 'Holiday Region',
	'holidays.custom': 'Custom Holidays',
};

/** The contact's zone; also used alone by nodes that only need "today" in the contact's zone. */
export const timeZoneProperty: INodeProperties = {
	displayName: 'Time Zone',
	name: 'timeZone',
	type: 'string',
	default: '={{ $json.contact.timeZone }}',
	placeholder: 'Europe/Warsaw',
	description:
		"The contact's IANA time zone; dates and times of day are read in it. When empty, the workflow's time zone (workflow settings) is used.",
};

/**
 * The parameters, optionally shown only under `displayOptions` (e.g. behind a "Send-Time Guard"
 * switch). Parameter names are fixed: two nodes using these share one reader.
 */
export function sendRulesProperties(displayOptions?: IDisplayOptions): INodeProperties[] {
	const properties: INodeProperties[] = [
		timeZoneProperty,
		{
			displayName: 'Send Window Start',
			name: 'sendWindowStart',
			type: 'string',
			default: '08:00',
			placeholder: '08:00',
			description: 'Earliest local time (HH:mm) a message may go out',
		},
		{
			displayName: 'Send Window End',
			name: 'sendWindowEnd',
			type: 'string',
			default: '20:00',
			placeholder: '20:00',
			description: 'Latest local time (HH:mm, or 24:00) a message may go out; must be after the start (no window over midnight)',
		},
		{
			displayName: 'Allowed Weekdays',
			name: 'allowedWeekdays',
			type: 'multiOptions',
			options: WEEKDAYS,
			default: [1, 2, 3, 4, 5, 6, 7],
			description: 'Days on which messages may go out; other days move to the next allowed day',
		},
		{
			displayName: 'Holiday Country',
			name: 'holidayCountry',
			type: 'options',
			options: holidayCountries(),
			default: '',
			description: 'No messages on public holidays of this country (from the date-holidays calendar)',
		},
		{
			displayName: 'Holiday Region',
			name: 'holidayRegion',
			type: 'string',
			default: '',
			placeholder: 'BY',
			description: 'Optional state or region code within the country, e.g. BY (Bavaria) in DE or NY in US',
			displayOptions: { hide: { holidayCountry: [''] } },
		},
		{
			displayName: 'Custom Holidays',
			name: 'customHolidays',
			type: 'string',
			default: '',
			placeholder: '2027-12-24, 2027-12-31',
			description: 'Extra closed days (YYYY-MM-DD in the contact\'s zone), separated by commas, or an expression returning a list',
		},
	];
	if (!displayOptions) return properties;
	return properties.map((property) => {
		const show = { ...displayOptions.show, ...property.displayOptions?.show };
		const hide = { ...displayOptions.hide, ...property.displayOptions?.hide };
		return {
			...property,
			displayOptions: {
				...(Object.keys(show).length > 0 ? { show } : {}),
				...(Object.keys(hide).length > 0 ? { hide } : {}),
			},
		};
	});
}

function customDates(raw: unknown): string[] {
	if (Array.isArray(raw)) return raw.map((date) => String(date).trim()).filter(Boolean);
	if (raw === undefined || raw === null) return [];
	return String(raw)
		.split(/[,;\s]+/)
		.map((date) => date.trim())
		.filter(Boolean);
}

function text(ctx: IExecuteFunctions, name: string, itemIndex: number, fallback = ''): string {
	const value = ctx.getNodeParameter(name, itemIndex, fallback) as unknown;
	return value === undefined || value === null ? '' : String(value).trim();
}

/**
 * The item's send rules as lib/time takes them; validation happens in lib/time. Parameters that
 * are not set (e.g. hidden behind a switch) read as their defaults: 08:00–20:00, every day.
 */
export function readSendRules(ctx: IExecuteFunctions, itemIndex: number): SendRulesInput {
	const weekdays = ctx.getNodeParameter('allowedWeekdays', itemIndex, [1, 2, 3, 4, 5, 6, 7]) as unknown;
	const country = text(ctx, 'holidayCountry', itemIndex);
	return {
		zone: text(ctx, 'timeZone', itemIndex) || null,
		fallbackZone: ctx.getTimezone(),
		window: { start: text(ctx, 'sendWindowStart', itemIndex, '08:00'), end: text(ctx, 'sendWindowEnd', itemIndex, '20:00') },
		weekdays: (Array.isArray(weekdays) ? weekdays : [weekdays]).map(Number),
		holidays: {
			country: country || undefined,
			region: country ? text(ctx, 'holidayRegion', itemIndex) || undefined : undefined,
			custom: customDates(ctx.getNodeParameter('customHolidays', itemIndex, '')),
		},
	};
}

/**
 * lib/time's DomainInputError as an error whose `field` is the parameter's display name (the
 * shared item loop then says "Item 2: Send Window End: must be after…"). Other errors pass through.
 * `names` adds the calling node's own fields (e.g. anchor → 'Date').
 */
export function scheduleFieldError(error: unknown, names: Record<string, string> = {}): unknown {
	if (!(error instanceof DomainInputError)) return error;
	const field = names[error.field] ?? SCHEDULE_FIELD_NAMES[error.field] ?? error.field;
	let message = error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field.length + 2) : error.message;
	// Messages may name other inputs, e.g. "must be after window.start (20:00)".
	for (const [name, shown] of Object.entries({ ...SCHEDULE_FIELD_NAMES, ...names })) {
		if (/[.A-Z]/.test(name)) message = message.split(name).join(shown);
	}
	return Object.assign(new Error(message), { field });
}
