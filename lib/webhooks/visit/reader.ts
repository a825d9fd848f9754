/**
 * Reads payload values into normalised fields and collects field-level problems: errors make
 * the request a 400, warnings drop an optional value that cannot be used (e.g. a mistyped phone).
 */
import { normalizeEmail, normalizePhone } from '../../channel';
import { DomainInputError } from '../../time';
import { parseInstant } from '../../time/parse-instant';
import { zoneFor } from '../../time/zone';
import type { FieldIssue } from '../http';
import type { ContactDraft } from './draft';

const MAX_ID = 200;
const MAX_TEXT = 500;
const HAS_TIME = /^\s*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/i;
const HAS_OFFSET = /(?:z|[+-]\d{2}(?::?\d{2})?)\s*$/i;
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

export interface RawContact {
	id?: unknown;
	name?: unknown;
	email?: unknown;
	phone?: unknown;
	timeZone?: unknown;
	locale?: unknown;
}

export class FieldReader {
	readonly errors: FieldIssue[] = [];
	readonly warnings: FieldIssue[] = [];

	/** Set when the contact's time zone was given but unknown: local times then get no second error. */
	private zoneRejected = false;

	error(field: string, message: string): undefined {
		this.errors.push({ field, message });
		return undefined;
	}

	warn(field: string, message: string): undefined {
		this.warnings.push({ field, message });
		return undefined;
	}

	/** Trimmed text; numbers are accepted as text (IDs are often numeric). Empty means absent. */
	text(value: unknown, field: string, max = MAX_TEXT): string | undefined {
		if (value === undefined || value === null) return undefined;
		if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
		if (typeof value !== 'string') return this.error(field, `must be text, got ${typeof value === 'object' ? 'an object' : typeof value}`);
		const text = value.trim();
		if (!text) return undefined;
		if (text.length > max) return this.error(field, `is longer than ${max} characters`);
		return text;
	}

	id(value: unknown, field: string): string | undefined {
		return this.text(value, field, MAX_ID);
	}

	requiredId(value: unknown, field: string): string {
		const id = this.id(value, field);
		if (id === undefined && !this.errors.some((issue) => issue.field === field)) this.error(field, 'is required');
		return id ?? '';
	}

	/** An ISO-8601 date-time as UTC; without an offset it is read in `zoneName`, which must then be given. */
	instant(value: unknown, field: string, zoneName: string | undefined): string | undefined {
		const text = this.text(value, field, 64);
		if (text === undefined) return undefined;
		if (!HAS_TIME.test(text)) return this.error(field, `${JSON.stringify(text)} is not an ISO 8601 date-time (e.g. 2027-04-15T10:00:00+02:00)`);
		const hasOffset = HAS_OFFSET.test(text);
		if (!hasOffset && !zoneName) {
			if (this.zoneRejected) return undefined;
			return this.error(field, `${JSON.stringify(text)} has no UTC offset and the contact has no time zone to read it in`);
		}
		try {
			const ms = parseInstant(text, field, zoneFor(hasOffset ? 'UTC' : zoneName, field));
			if (ms < EARLIEST || ms >= LATEST) return this.error(field, `${JSON.stringify(text)} is outside 1970–2199`);
			return new Date(ms).toISOString();
		} catch (error) {
			if (error instanceof DomainInputError) return this.error(field, withoutField(error));
			throw error;
		}
	}

	/** Contact fields: a bad time zone is an error (times depend on it), bad email/phone/locale are dropped with a warning. */
	contact(raw: RawContact, fields: Record<keyof RawContact, string>, defaultRegion?: string): ContactDraft {
		const draft: ContactDraft = {};
		const set = <K extends keyof ContactDraft>(key: K, value: ContactDraft[K] | undefined) => {
			if (value !== undefined) draft[key] = value;
		};
		set('id', this.id(raw.id, fields.id));
		set('name', this.text(raw.name, fields.name, 200));
		const email = this.text(raw.email, fields.email, 254);
		if (email !== undefined) {
			const result = normalizeEmail(email);
			set('email', 'email' in result ? result.email.toLowerCase() : this.warn(fields.email, `${result.error}; ignored`));
		}
		const phone = this.text(raw.phone, fields.phone, 64);
		if (phone !== undefined) {
			const result = normalizePhone(phone, defaultRegion);
			set('phone', 'e164' in result ? result.e164 : this.warn(fields.phone, `${result.error}; ignored`));
		}
		const zone = this.text(raw.timeZone, fields.timeZone, 64);
		if (zone !== undefined) {
			try {
				set('timeZone', zoneFor(zone, fields.timeZone).name);
			} catch (error) {
				if (!(error instanceof DomainInputError)) throw error;
				this.zoneRejected = true;
				this.error(fields.timeZone, withoutField(error));
			}
		}
		const locale = this.text(raw.locale, fields.locale, 35);
		if (locale !== undefined) set('locale', canonicalLocale(locale) ?? this.warn(fields.locale, `${JSON.stringify(locale)} is not a BCP 47 language tag; ignored`));
		return draft;
	}
}

const withoutField = (error: DomainInputError) => error.message.slice(error.field.length + 2);

function canonicalLocale(text: string): string | undefined {
	try {
		return Intl.getCanonicalLocales(text.replace(/_/g, '-'))[0];
	} catch {
		return undefined;
	}
}
