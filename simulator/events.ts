/**
 * The later-events file (documented in simulator/README.md): what happens after the journey
 * starts, each at a virtual time. Visit changes go to a Visit Trigger as the booking system would
 * post them; engagement goes to the Journey Event Trigger as generic JSON events.
 */
import { DateTime } from 'luxon';

export const VISIT_EVENTS = {
	reschedule: 'rescheduled',
	cancel: 'cancelled',
	attended: 'attended',
	'no-show': 'no-show',
	completed: 'completed',
} as const;

export const ENGAGEMENT_EVENTS = [
	'attendance',
	'survey_completed',
	'payment_received',
	'reply',
	'opened',
	'clicked',
	'delivered',
	'bounced',
	'opt_out',
] as const;

/** `visit` posts a body (default: the input again) to the Visit Trigger; `event` posts a body to the Journey Event Trigger. */
export const RAW_EVENTS = ['visit', 'event'] as const;

export type VisitEventName = keyof typeof VISIT_EVENTS;
export type EngagementEventName = (typeof ENGAGEMENT_EVENTS)[number];
export type SimEventType = VisitEventName | EngagementEventName | (typeof RAW_EVENTS)[number];

type Json = Record<string, unknown>;

export interface SimEvent {
	/** Virtual instant (ISO 8601, UTC). */
	at: string;
	type: SimEventType;
	/** Position in the file, for messages and default event IDs. */
	index: number;
	/** Everything else the entry said (start, end, status, text, channel, data, body, contact, visitId, messageId, id, url …). */
	fields: Json;
}

export class SimulationInputError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SimulationInputError';
	}
}

const TYPES: readonly string[] = [...Object.keys(VISIT_EVENTS), ...ENGAGEMENT_EVENTS, ...RAW_EVENTS];
const ALIASES: Record<string, SimEventType> = {
	rescheduled: 'reschedule',
	cancelled: 'cancel',
	canceled: 'cancel',
	no_show: 'no-show',
	noshow: 'no-show',
	check_in: 'attendance',
	attendance_marked: 'attendance',
	survey: 'survey_completed',
	form_completed: 'survey_completed',
	payment: 'payment_received',
	inbound: 'reply',
	replied: 'reply',
	open: 'opened',
	click: 'clicked',
	stop: 'opt_out',
};

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An ISO 8601 instant; without an offset it is read in `zone` (the contact's). */
export function parseInstant(value: unknown, zone: string, where: string): string {
	if (typeof value !== 'string' || !value.trim()) throw new SimulationInputError(`${where}: "at" is required (ISO 8601, e.g. 2027-04-15T10:40:00+02:00)`);
	const parsed = DateTime.fromISO(value.trim(), { zone, setZone: true });
	if (!parsed.isValid) throw new SimulationInputError(`${where}: cannot read ${JSON.stringify(value)} as an ISO 8601 time`);
	return parsed.toUTC().toISO()!;
}

function eventType(raw: unknown, where: string): SimEventType {
	const text = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
	const type = (TYPES.includes(text) ? text : ALIASES[text.replace(/[\s-]+/g, '_')] ?? ALIASES[text]) as SimEventType | undefined;
	if (!type) throw new SimulationInputError(`${where}: unknown "type" ${JSON.stringify(raw)}; expected one of ${TYPES.join(', ')}`);
	return type;
}

function checkFields(event: SimEvent, where: string): void {
	const { type, fields } = event;
	if (type === 'reschedule' && typeof fields.start !== 'string') throw new SimulationInputError(`${where}: "reschedule" needs "start" (the new time, ISO 8601)`);
	if (type === 'reply' && typeof fields.text !== 'string') throw new SimulationInputError(`${where}: "reply" needs "text" (what the patient wrote)`);
	if (type === 'event' && !isObject(fields.body)) throw new SimulationInputError(`${where}: "event" needs "body" (the JSON to post to the Journey Event Trigger)`);
	if (type === 'visit' && fields.body !== undefined && !isObject(fields.body)) throw new SimulationInputError(`${where}: "body" must be an object`);
	if (type === 'attendance' && fields.status !== undefined && !['attended', 'no-show'].includes(String(fields.status))) {
		throw new SimulationInputError(`${where}: "status" must be attended or no-show`);
	}
}

/** Reads the events file's JSON: an array of `{ at, type, …payload }`, returned in time order (ties keep file order). */
export function parseEvents(json: unknown, zone: string, start: string): SimEvent[] {
	const list = isObject(json) && Array.isArray(json.events) ? json.events : json;
	if (!Array.isArray(list)) throw new SimulationInputError('the events file must hold a JSON array of { "at": …, "type": … } objects');
	const events = list.map((entry, index) => {
		const where = `event ${index + 1}`;
		if (!isObject(entry)) throw new SimulationInputError(`${where}: expected an object`);
		const { at, type, ...fields } = entry;
		const event: SimEvent = { at: parseInstant(at, zone, where), type: eventType(type, where), index, fields };
		if (Date.parse(event.at) < Date.parse(start)) {
			throw new SimulationInputError(`${where}: ${event.at} is before the simulation starts (${start}); set --start earlier`);
		}
		checkFields(event, where);
		return event;
	});
	return events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.index - b.index);
}

export const isVisitEvent = (type: SimEventType): boolean => type === 'visit' || type in VISIT_EVENTS;
