import { DomainInputError } from '../time/domain-input-error';
import type { TemplateVariables } from './types';

/** `[ … ]` groups (kept literally when they hold no placeholder) and `{name}` placeholders, in one pass. */
const TOKEN = /\[([^[\]]*)\]|\{([A-Za-z][A-Za-z0-9_]*)\}/g;
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

export interface FillOptions {
	/** Names the text in errors, e.g. 'the "reminder" template'. */
	label: string;
	/** Field to name in the error, e.g. 'Template Variables'. */
	field?: string;
	/** Applied to every value, e.g. HTML escaping. */
	escape?: (value: string) => string;
}

function present(vars: TemplateVariables, name: string): string | undefined {
	const value = vars[name];
	if (value === undefined || value === null) return undefined;
	const text = String(value);
	return text.trim() === '' ? undefined : text;
}

/**
 * Puts the values into the placeholders. A group whose placeholders are not all set is dropped; a
 * placeholder outside a group must be set, else DomainInputError lists every missing one.
 * Values are inserted once: a value that looks like a placeholder is not expanded again.
 */
export function fillPlaceholders(text: string, vars: TemplateVariables, options: FillOptions): string {
	const escape = options.escape ?? ((value: string) => value);
	const missing = new Set<string>();
	const out = text.replace(TOKEN, (match, group: string | undefined, name: string | undefined) => {
		if (group !== undefined) {
			const names = [...group.matchAll(PLACEHOLDER)].map((m) => m[1]);
			if (names.length === 0) return match;
			if (names.some((n) => present(vars, n) === undefined)) return '';
			return group.replace(PLACEHOLDER, (_, n: string) => escape(present(vars, n)!));
		}
		const value = present(vars, name!);
		if (value === undefined) {
			missing.add(name!);
			return match;
		}
		return escape(value);
	});
	if (missing.size > 0) {
		const list = [...missing].map((n) => `{${n}}`).join(', ');
		throw new DomainInputError(options.field ?? 'templateVariables', `${options.label} needs ${list}`);
	}
	return out;
}
