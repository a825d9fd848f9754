/**
 * One item's parameters, read the same way in execute() (any item) and in webhook() (the parked
 * item, which n8n's webhook context resolves as item 0). Errors name the parameter as shown.
 */
import type { ContactLookup } from '../../lib/store';

/** Reads a parameter of the current item; `fallback` when it is not set. */
export type ParameterReader = (name: string, fallback?: unknown) => unknown;

export type FieldError = Error & { field: string };

export function fieldError(field: string, message: string): FieldError {
	return Object.assign(new Error(message), { field });
}

export class ItemParameters {
	constructor(
		readonly get: ParameterReader,
		/** The workflow's zone, for checks that need "today" when the contact has none. */
		readonly workflowZone: string,
	) {}

	text(name: string, fallback = ''): string {
		const value = this.get(name, fallback);
		return value === undefined || value === null ? '' : String(value).trim();
	}

	required(name: string, field: string, what: string): string {
		const value = this.text(name);
		if (!value) throw fieldError(field, `is empty; the item has no ${what}`);
		return value;
	}

	number(name: string, field: string): number {
		const raw = this.get(name);
		const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
		if (typeof value !== 'number' || !Number.isFinite(value)) {
			throw fieldError(field, `must be a number, got ${JSON.stringify(raw) ?? String(raw)}`);
		}
		return value;
	}

	/** As readContactLookup (nodes/shared/contact-properties.ts), over this reader. */
	contactLookup(): ContactLookup {
		const by = this.text('contactLookup', 'externalId') as 'externalId' | 'email' | 'phone';
		const parameter = { externalId: 'contactId', email: 'contactEmail', phone: 'contactPhone' }[by];
		const field = { externalId: 'Contact ID', email: 'Contact Email', phone: 'Contact Phone' }[by];
		if (!parameter) throw fieldError('Find Contact By', `unknown option ${JSON.stringify(by)}`);
		return { [by]: this.required(parameter, field, `contact ${by === 'externalId' ? 'ID' : by}`) };
	}
}
