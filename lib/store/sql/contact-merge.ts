import type { Contact, ContactInput, JsonObject } from '../types';
import { normaliseEmail, normaliseLocale, normalisePhone, normaliseTimeZone, requireText } from '../validate';

export type ContactFields = Omit<Contact, 'id' | 'createdAt' | 'updatedAt'>;

const EMPTY: ContactFields = {
	externalId: null,
	name: null,
	email: null,
	phone: null,
	timeZone: null,
	locale: null,
	customFields: {},
};

/** Validates and normalises; undefined stays undefined (= keep), null stays null (= clear). */
export function normaliseContactInput(input: ContactInput): ContactInput {
	const clean = <T>(value: T | null | undefined, fn: (v: T) => string) =>
		value === undefined || value === null ? value : fn(value);
	return {
		externalId: clean(input.externalId, (v) => requireText(v, 'externalId')),
		name: clean(input.name, (v) => requireText(v, 'name')),
		email: clean(input.email, normaliseEmail),
		phone: clean(input.phone, normalisePhone),
		timeZone: clean(input.timeZone, normaliseTimeZone),
		locale: clean(input.locale, normaliseLocale),
		customFields: input.customFields,
	};
}

/** Applies an input onto stored fields (or onto nothing for a new contact). */
export function mergeContact(existing: ContactFields | null, input: ContactInput): { fields: ContactFields; changed: boolean } {
	const base = existing ?? EMPTY;
	const pick = <K extends keyof ContactInput & keyof ContactFields>(key: K) =>
		(input[key] === undefined ? base[key] : input[key]) as ContactFields[K];
	const fields: ContactFields = {
		externalId: pick('externalId'),
		name: pick('name'),
		email: pick('email'),
		phone: pick('phone'),
		timeZone: pick('timeZone'),
		locale: pick('locale'),
		customFields: mergeCustomFields(base.customFields, input.customFields),
	};
	return { fields, changed: existing === null || !sameFields(existing, fields) };
}

function mergeCustomFields(base: JsonObject, patch: JsonObject | undefined): JsonObject {
	if (!patch) return base;
	const merged: JsonObject = { ...base };
	for (const [key, value] of Object.entries(patch)) {
		if (value === null) delete merged[key];
		else if (value !== undefined) merged[key] = value;
	}
	return merged;
}

function sameFields(a: ContactFields, b: ContactFields): boolean {
	return (
		a.externalId === b.externalId &&
		a.name === b.name &&
		a.email === b.email &&
		a.phone === b.phone &&
		a.timeZone === b.timeZone &&
		a.locale === b.locale &&
		stableJson(a.customFields) === stableJson(b.customFields)
	);
}

/** JSON with sorted keys: Postgres jsonb reorders keys, so plain JSON text would differ. */
export function stableJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v as JsonObject).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: v,
	);
}
