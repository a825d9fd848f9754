/**
 * The documented generic JSON (nodes/VisitTrigger/README.md), optionally read from other places
 * in the body through JSON paths, so any booking system can post its own shape.
 */
import type { VisitEventType } from '../../journey/item';
import { getPath, parseJsonPath } from '../json-path';
import { STATUS_ONLY_TYPES, type NormaliseResult } from './draft';
import { readEventType } from './event-types';
import { FieldReader } from './reader';

export const GENERIC_FIELDS = [
	'event.id',
	'event.type',
	'contact.id',
	'contact.name',
	'contact.email',
	'contact.phone',
	'contact.timeZone',
	'contact.locale',
	'visit.id',
	'visit.previousId',
	'visit.service',
	'visit.location',
	'visit.staff',
	'visit.start',
	'visit.end',
] as const;
export type GenericField = (typeof GENERIC_FIELDS)[number];

export interface GenericOptions {
	/** Where each field is read; unset fields use their own name (e.g. visit.start). */
	paths?: Partial<Record<GenericField, string>>;
	/** The sender's event type values → ours, e.g. { booked: 'scheduled' }. */
	typeValues?: Record<string, VisitEventType>;
	/** Region for phone numbers written without +country, e.g. PL. */
	defaultRegion?: string;
}

export type CompiledPaths = Record<GenericField, { path: string; steps: Array<string | number> }>;

/** Throws on a path that cannot be read: a mistake in the node's settings. */
export function compilePaths(paths: GenericOptions['paths'] = {}): CompiledPaths {
	const compiled = {} as CompiledPaths;
	for (const field of GENERIC_FIELDS) {
		const path = paths[field]?.trim() || field;
		const steps = parseJsonPath(path);
		if (!steps || steps.length === 0) throw new Error(`Field Mapping: ${JSON.stringify(path)} (for ${field}) is not a JSON path such as booking.client.phone`);
		compiled[field] = { path, steps };
	}
	return compiled;
}

export function normaliseGeneric(body: Record<string, unknown>, options: GenericOptions = {}, compiled = compilePaths(options.paths)): NormaliseResult {
	const r = new FieldReader();
	const at = (field: GenericField) => getPath(body, compiled[field].steps);
	const name = (field: GenericField) => compiled[field].path;

	const typeText = r.text(at('event.type'), name('event.type'), 64);
	let type: VisitEventType | undefined;
	if (typeText === undefined) r.error(name('event.type'), 'is required (scheduled, rescheduled, cancelled, attended, no-show or completed)');
	else if (!(type = readEventType(typeText, options.typeValues))) {
		r.error(name('event.type'), `${JSON.stringify(typeText)} is not one of scheduled, rescheduled, cancelled, attended, no-show, completed`);
	}
	const contact = r.contact(
		{ id: at('contact.id'), name: at('contact.name'), email: at('contact.email'), phone: at('contact.phone'), timeZone: at('contact.timeZone'), locale: at('contact.locale') },
		{ id: name('contact.id'), name: name('contact.name'), email: name('contact.email'), phone: name('contact.phone'), timeZone: name('contact.timeZone'), locale: name('contact.locale') },
		options.defaultRegion,
	);
	if (!contact.id && !contact.email && !contact.phone && !r.errors.some((e) => e.field.startsWith('contact'))) {
		r.error(name('contact.id'), 'is required, or else a usable contact email or phone');
	}
	const visitId = r.requiredId(at('visit.id'), name('visit.id'));
	const start = r.instant(at('visit.start'), name('visit.start'), contact.timeZone);
	const end = r.instant(at('visit.end'), name('visit.end'), contact.timeZone);
	if (start === undefined && !r.errors.some((e) => e.field === name('visit.start')) && !(type && STATUS_ONLY_TYPES.includes(type))) {
		r.error(name('visit.start'), 'is required');
	}
	if (start && end && end < start) r.error(name('visit.end'), 'is before visit.start');
	const visit = {
		id: visitId,
		previousId: r.id(at('visit.previousId'), name('visit.previousId')),
		service: r.text(at('visit.service'), name('visit.service'), 200),
		location: r.text(at('visit.location'), name('visit.location'), 200),
		staff: r.text(at('visit.staff'), name('visit.staff'), 200),
		start,
		end,
	};
	const eventId = r.id(at('event.id'), name('event.id')) ?? null;
	if (r.errors.length || !type) return { kind: 'invalid', fields: r.errors };
	return { kind: 'event', draft: { source: 'generic', type, eventId, contact, visit: dropUndefined(visit), startsExecution: true, warnings: r.warnings } };
}

export function dropUndefined<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
