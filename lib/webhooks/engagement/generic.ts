/**
 * Generic JSON events (documented in nodes/JourneyEventTrigger/README.md) and the output of n8n's
 * own Form Trigger ({"<field label>": value, …, "submittedAt": …, "formMode": …}) forwarded here.
 */
import { createHash } from 'node:crypto';

import { normalizeEmail, normalizePhone } from '../../channel';
import { CHANNELS, type Channel, type EventType, type JsonObject } from '../../store';
import { isObject } from '../http';
import { FieldReader } from '../visit/reader';
import { invalid, type ParseResult } from './parse-result';
import type { ContactKeys, EngagementDraft } from './types';

const TYPES: Record<string, EventType | 'inbound-message' | 'status'> = {
	survey_completed: 'survey_completed',
	survey: 'survey_completed',
	form_completed: 'survey_completed',
	form_submitted: 'survey_completed',
	payment_received: 'payment_received',
	payment: 'payment_received',
	paid: 'payment_received',
	attendance_marked: 'attendance_marked',
	attendance: 'attendance_marked',
	check_in: 'attendance_marked',
	opened: 'opened',
	clicked: 'clicked',
	opt_out: 'opt_out',
	inbound: 'inbound-message',
	reply: 'inbound-message',
	replied: 'inbound-message',
	delivered: 'status',
	failed: 'status',
	bounced: 'status',
	undelivered: 'status',
	read: 'status',
};

const ATTENDANCE: Record<string, 'attended' | 'no-show'> = { attended: 'attended', 'no-show': 'no-show', no_show: 'no-show', noshow: 'no-show', absent: 'no-show' };
const MAX_DATA_BYTES = 16 * 1024;

/** Names a form field may have for each key, compared without case, spaces, dashes or underscores. */
const FORM_KEYS: Record<'contactId' | 'email' | 'phone' | 'visitId' | 'messageId', string[]> = {
	contactId: ['contactid', 'patientid', 'clientid', 'customerid'],
	email: ['email', 'emailaddress', 'email address'],
	phone: ['phone', 'phonenumber', 'mobile', 'telephone'],
	visitId: ['visitid', 'appointmentid', 'bookingid'],
	messageId: ['messageid'],
};
const fold = (key: string) => key.toLowerCase().replace(/[\s_-]+/g, '');

export const bodyDigest = (rawBody: Buffer) => createHash('sha256').update(rawBody).digest('hex').slice(0, 32);

export function isFormTriggerOutput(body: Record<string, unknown>): boolean {
	return typeof body.submittedAt === 'string' && typeof body.formMode === 'string';
}

export function parseGenericEvent(body: Record<string, unknown>, rawBody: Buffer, defaultRegion?: string): ParseResult {
	return isFormTriggerOutput(body) ? parseForm(body, rawBody, defaultRegion) : parseEvent(body, rawBody, defaultRegion);
}

function parseEvent(body: Record<string, unknown>, rawBody: Buffer, defaultRegion?: string): ParseResult {
	const r = new FieldReader();
	const typeText = r.text(body.type, 'type', 64)?.toLowerCase().replace(/[\s-]+/g, '_');
	if (!typeText) return invalid('type', 'is required (e.g. survey_completed, payment_received, attendance_marked, inbound, delivered)');
	const type = TYPES[typeText];
	if (!type) return invalid('type', `${JSON.stringify(typeText)} is not an event type this trigger records`);
	const id = r.id(body.id, 'id');
	const externalEventId = `generic:${id ?? `body-${bodyDigest(rawBody)}`}`;
	const occurredAt = r.instant(body.occurredAt, 'occurredAt', undefined);
	const channel = readChannel(r, body.channel);
	const messageId = r.id(body.messageId, 'messageId');
	const base = { source: 'generic' as const, externalEventId, ...(occurredAt ? { occurredAt } : {}) };

	if (type === 'inbound-message') {
		const phone = normalizePhone(r.text(body.from, 'from', 64) ?? '', defaultRegion);
		const text = typeof body.text === 'string' ? body.text.slice(0, 2000) : r.error('text', 'is required');
		if (!('e164' in phone)) r.error('from', `is required: the sender's phone number (${phone.error})`);
		if (r.errors.length || !('e164' in phone)) return { kind: 'invalid', fields: r.errors };
		return { kind: 'drafts', drafts: [{ ...base, kind: 'inbound', channel: channel === 'whatsapp' ? 'whatsapp' : 'sms', from: phone.e164, text: text ?? '' }] };
	}
	if (type === 'status') {
		const status = typeText === 'delivered' ? 'delivered' : typeText === 'read' ? 'read' : 'failed';
		const providerMessageId = r.id(body.providerMessageId, 'providerMessageId');
		const provider = r.id(body.provider, 'provider');
		if (!messageId && !providerMessageId) r.error('messageId', 'is required, or providerMessageId');
		if (r.errors.length) return { kind: 'invalid', fields: r.errors };
		const error = r.text(body.error, 'error', 200);
		const draft: EngagementDraft = { ...base, kind: 'status', status, ...(messageId ? { messageId } : {}), ...(providerMessageId ? { providerMessageId } : {}), ...(provider ? { provider } : {}), ...(status === 'failed' ? { error: error ?? typeText } : {}) };
		return { kind: 'drafts', drafts: [draft] };
	}
	const contact = contactKeys(r, isObject(body.contact) ? body.contact : {}, 'contact', defaultRegion);
	const visitId = r.id(body.visitId, 'visitId');
	let visitStatus: 'attended' | 'no-show' | undefined;
	if (type === 'attendance_marked') {
		const status = r.text(body.status, 'status', 32)?.toLowerCase();
		visitStatus = status ? ATTENDANCE[status] : undefined;
		if (!visitStatus) r.error('status', 'must be attended or no-show');
		if (!visitId) r.error('visitId', 'is required for attendance_marked');
	} else if (!contact.id && !contact.email && !contact.phone && !visitId && !messageId) {
		r.error('contact', 'is required: contact.id, contact.email or contact.phone (or visitId / messageId)');
	}
	const payload = readData(r, body.data);
	if (r.errors.length) return { kind: 'invalid', fields: r.errors };
	return {
		kind: 'drafts',
		drafts: [{ ...base, kind: 'event', type, contact, ...(visitId ? { visitId } : {}), ...(messageId ? { messageId } : {}), ...(channel ? { channel } : {}), ...(visitStatus ? { visitStatus, intent: visitStatus } : {}), payload }],
	};
}

function parseForm(body: Record<string, unknown>, rawBody: Buffer, defaultRegion?: string): ParseResult {
	const r = new FieldReader();
	const keys: Partial<Record<keyof typeof FORM_KEYS, string>> = {};
	const answers: JsonObject = {};
	for (const [key, value] of Object.entries(body)) {
		const known = (Object.keys(FORM_KEYS) as Array<keyof typeof FORM_KEYS>).find((name) => FORM_KEYS[name].map(fold).includes(fold(key)));
		if (known && typeof value === 'string' && value.trim() && !keys[known]) keys[known] = value.trim();
		else if (key !== 'formMode') answers[key] = value;
	}
	const contact = contactKeys(r, { id: keys.contactId, email: keys.email, phone: keys.phone }, 'form', defaultRegion);
	if (!contact.id && !contact.email && !contact.phone && !keys.messageId && !keys.visitId) {
		r.error('form', 'needs a field that names the contact: Contact ID, Email or Phone (a hidden field works)');
	}
	const payload = readData(r, answers);
	if (r.errors.length) return { kind: 'invalid', fields: r.errors };
	const occurredAt = r.instant(body.submittedAt, 'submittedAt', undefined);
	const draft: EngagementDraft = {
		kind: 'event',
		source: 'form',
		externalEventId: `form:${bodyDigest(rawBody)}`,
		...(occurredAt ? { occurredAt } : {}),
		type: 'survey_completed',
		contact,
		...(keys.visitId ? { visitId: keys.visitId.slice(0, 200) } : {}),
		...(keys.messageId ? { messageId: keys.messageId.slice(0, 200) } : {}),
		payload,
	};
	return { kind: 'drafts', drafts: [draft] };
}

function readChannel(r: FieldReader, value: unknown): Channel | undefined {
	const text = r.text(value, 'channel', 16)?.toLowerCase();
	if (text === undefined) return undefined;
	if ((CHANNELS as readonly string[]).includes(text)) return text as Channel;
	return r.error('channel', 'must be sms, email or whatsapp');
}

function contactKeys(r: FieldReader, raw: Record<string, unknown>, prefix: string, defaultRegion?: string): ContactKeys {
	const keys: ContactKeys = {};
	const id = r.id(raw.id, `${prefix}.id`);
	if (id) keys.id = id;
	const email = r.text(raw.email, `${prefix}.email`, 254);
	if (email) {
		const result = normalizeEmail(email);
		if ('email' in result) keys.email = result.email.toLowerCase();
		else r.error(`${prefix}.email`, result.error);
	}
	const phone = r.text(raw.phone, `${prefix}.phone`, 64);
	if (phone) {
		const result = normalizePhone(phone, defaultRegion);
		if ('e164' in result) keys.phone = result.e164;
		else r.error(`${prefix}.phone`, result.error);
	}
	return keys;
}

function readData(r: FieldReader, value: unknown): JsonObject {
	if (value === undefined || value === null) return {};
	if (!isObject(value)) return r.error('data', 'must be an object') ?? {};
	if (Buffer.byteLength(JSON.stringify(value)) > MAX_DATA_BYTES) return r.error('data', `is larger than ${MAX_DATA_BYTES / 1024} KB`) ?? {};
	return value;
}

