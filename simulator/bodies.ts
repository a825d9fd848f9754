/**
 * The JSON each later event posts: a generic Visit Trigger body for visit changes (built from the
 * input, so the booking system's IDs match), a generic Journey Event Trigger body for engagement.
 */
import { SimulationInputError, VISIT_EVENTS, type SimEvent, type VisitEventName } from './events';

type Json = Record<string, unknown>;

/** Who and what the journey is about, found in the input or the journey's items. */
export interface JourneyRefs {
	contact: { id?: string; email?: string; phone?: string } | null;
	visitId: string | null;
}

export type MessageFinder = (channel: string | undefined) => Promise<string | null>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const eventId = (event: SimEvent) => (typeof event.fields.id === 'string' ? event.fields.id : `sim-${event.index + 1}-${event.type}`);

/** The body posted to the Visit Trigger: `body` as given, the input again (`visit`), or a status/time change of the input's visit. */
export function visitBody(event: SimEvent, input: unknown): Json {
	if (isObject(event.fields.body)) return event.fields.body;
	if (!isObject(input)) throw new SimulationInputError(`event ${event.index + 1}: the input is not a JSON object; give "body"`);
	if (event.type === 'visit') return input;
	const visit = isObject(input.visit) ? input.visit : undefined;
	if (!visit?.id) {
		throw new SimulationInputError(`event ${event.index + 1}: "${event.type}" is built from the input's generic visit (visit.id); for other payload formats give "body"`);
	}
	const type = VISIT_EVENTS[event.type as VisitEventName];
	const changed: Json = { id: visit.id };
	if (event.type === 'reschedule') {
		Object.assign(changed, visit, { start: event.fields.start });
		// A new start without an end keeps the visit's length (Visit Trigger).
		if (typeof event.fields.end === 'string') changed.end = event.fields.end;
		else delete changed.end;
	}
	return { event: { id: eventId(event), type }, contact: input.contact, visit: changed };
}

function contactOf(event: SimEvent, refs: JourneyRefs): Json {
	const contact = isObject(event.fields.contact) ? event.fields.contact : refs.contact;
	if (!contact || !(contact.id || contact.email || contact.phone)) {
		throw new SimulationInputError(`event ${event.index + 1}: no contact found in the input or the journey; give "contact": { "id": … }`);
	}
	return contact;
}

function visitIdOf(event: SimEvent, refs: JourneyRefs): string | undefined {
	if (event.fields.visitId === null) return undefined;
	return typeof event.fields.visitId === 'string' ? event.fields.visitId : (refs.visitId ?? undefined);
}

const optional = (entries: Json) => Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined && value !== null));

/** The generic JSON event posted to the Journey Event Trigger (nodes/JourneyEventTrigger/README.md). */
export async function engagementBody(event: SimEvent, refs: JourneyRefs, findMessage: MessageFinder): Promise<Json> {
	const { fields } = event;
	const base = { id: eventId(event), occurredAt: event.at };
	const where = `event ${event.index + 1}`;
	switch (event.type) {
		case 'event':
			return fields.body as Json;
		case 'attendance': {
			const visitId = visitIdOf(event, refs);
			if (!visitId) throw new SimulationInputError(`${where}: "attendance" needs the visit: give "visitId"`);
			return { type: 'attendance_marked', ...base, visitId, status: fields.status ?? 'attended' };
		}
		case 'reply': {
			const from = typeof fields.from === 'string' ? fields.from : (contactOf(event, refs).phone as string | undefined);
			if (!from) throw new SimulationInputError(`${where}: the contact has no phone; give "from"`);
			return { type: 'inbound', ...base, channel: fields.channel ?? 'sms', from, text: fields.text };
		}
		case 'opened':
		case 'clicked':
		case 'delivered':
		case 'bounced': {
			const channel = typeof fields.channel === 'string' ? fields.channel : undefined;
			const messageId = typeof fields.messageId === 'string' ? fields.messageId : await findMessage(channel);
			if (!messageId) throw new SimulationInputError(`${where}: no message${channel ? ` on ${channel}` : ''} was sent to the contact before ${event.at}`);
			if (event.type === 'delivered' || event.type === 'bounced') return optional({ type: event.type, ...base, messageId, error: fields.error });
			const data = optional({ ...(isObject(fields.data) ? fields.data : {}), url: fields.url });
			return optional({ type: event.type, ...base, contact: contactOf(event, refs), messageId, channel, data });
		}
		case 'opt_out':
			return optional({ type: 'opt_out', ...base, contact: contactOf(event, refs), channel: fields.channel });
		default:
			return optional({
				type: event.type,
				...base,
				contact: contactOf(event, refs),
				visitId: visitIdOf(event, refs),
				data: isObject(fields.data) ? fields.data : undefined,
			});
	}
}
