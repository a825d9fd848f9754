import type {
	Channel,
	ConsentAuditEntry,
	ConsentStatus,
	Contact,
	EngagementEvent,
	EventType,
	JsonObject,
	Message,
	MessageStatus,
	Purpose,
	Visit,
	VisitListItem,
	VisitStatus,
} from '../types';
import type { SqlRow } from './driver';

/** Postgres returns Date/boolean/jsonb objects, SQLite strings/0-1/text: these readers make rows identical. */
export const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));
export const isoOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : iso(value));
export const text = (value: unknown): string => String(value);
export const textOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
export const num = (value: unknown): number => Number(value);
export const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
export const bool = (value: unknown): boolean => value === true || value === 1 || value === '1' || value === 't';
export const json = (value: unknown): JsonObject =>
	(typeof value === 'string' ? JSON.parse(value) : (value ?? {})) as JsonObject;

export const toContact = (row: SqlRow): Contact => ({
	id: text(row.id),
	externalId: textOrNull(row.external_id),
	name: textOrNull(row.name),
	email: textOrNull(row.email),
	phone: textOrNull(row.phone),
	timeZone: textOrNull(row.time_zone),
	locale: textOrNull(row.locale),
	customFields: json(row.custom_fields),
	createdAt: iso(row.created_at),
	updatedAt: iso(row.updated_at),
});

export const toVisit = (row: SqlRow): Visit => ({
	id: text(row.id),
	externalId: text(row.external_id),
	contactId: text(row.contact_id),
	service: textOrNull(row.service),
	location: textOrNull(row.location),
	staff: textOrNull(row.staff),
	startAt: iso(row.start_at),
	endAt: isoOrNull(row.end_at),
	status: text(row.status) as VisitStatus,
	version: num(row.version),
	createdAt: iso(row.created_at),
	updatedAt: iso(row.updated_at),
});

export const toVisitListItem = (row: SqlRow): VisitListItem => ({
	...toVisit(row),
	hasFutureVisit: bool(row.has_future_visit),
});

export const toMessage = (row: SqlRow): Message => ({
	id: text(row.id),
	idempotencyKey: text(row.idempotency_key),
	contactId: text(row.contact_id),
	visitId: textOrNull(row.visit_id),
	visitVersion: numOrNull(row.visit_version),
	channel: text(row.channel) as Channel,
	purpose: text(row.purpose) as Purpose,
	provider: textOrNull(row.provider),
	providerMessageId: textOrNull(row.provider_message_id),
	status: text(row.status) as MessageStatus,
	body: textOrNull(row.body),
	error: textOrNull(row.error),
	createdAt: iso(row.created_at),
	updatedAt: iso(row.updated_at),
	sentAt: isoOrNull(row.sent_at),
});

export const toEvent = (row: SqlRow): EngagementEvent => ({
	id: text(row.id),
	contactId: text(row.contact_id),
	messageId: textOrNull(row.message_id),
	visitId: textOrNull(row.visit_id),
	channel: textOrNull(row.channel) as Channel | null,
	type: text(row.type) as EventType,
	intent: textOrNull(row.intent),
	payload: json(row.payload),
	externalEventId: textOrNull(row.external_event_id),
	occurredAt: iso(row.occurred_at),
	recordedAt: iso(row.recorded_at),
});

export const toConsentAudit = (row: SqlRow): ConsentAuditEntry => ({
	id: text(row.id),
	contactId: text(row.contact_id),
	channel: text(row.channel) as Channel,
	purpose: text(row.purpose) as Purpose,
	status: text(row.status) as ConsentStatus,
	source: text(row.source),
	actor: textOrNull(row.actor),
	reason: textOrNull(row.reason),
	occurredAt: iso(row.occurred_at),
	recordedAt: iso(row.recorded_at),
});
