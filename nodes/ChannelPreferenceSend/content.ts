/** The text of one item: built-in template or custom text, with {placeholders} from the contact, visit and Template Variables. */
import {
	escapeHtml,
	fillPlaceholders,
	formatVisitTime,
	renderTemplate,
	withGreeting,
	type ResolvedLocale,
	type TemplateVariables,
} from '../../lib/templates';
import type { SendParams } from './params';
import type { ItemVisit, Recipient } from './recipient';

export interface Content {
	subject: string;
	text: string;
	/** Custom HTML with placeholders filled (escaped); undefined builds HTML from the text. */
	html?: string;
	locale: ResolvedLocale;
	variables: TemplateVariables;
}

export function templateVariables(params: SendParams, recipient: Recipient, visit: ItemVisit | null, zone: string): TemplateVariables {
	const when = visit?.start ? formatVisitTime(visit.start, zone, recipient.locale.tag) : { date: '', time: '' };
	return {
		name: recipient.firstName,
		clinic: params.options.clinicName || visit?.location || undefined,
		date: when.date,
		time: when.time,
		...params.variables,
	};
}

export function renderContent(params: SendParams, locale: ResolvedLocale, variables: TemplateVariables): Content {
	if (params.messageSource === 'template') {
		const rendered = renderTemplate(params.template, locale, variables);
		return { ...rendered, locale, variables };
	}
	const values = withGreeting(variables, locale.language);
	const fill = (text: string, field: string, escape?: (value: string) => string) =>
		fillPlaceholders(text, values, { label: `the ${field}`, field, escape });
	if (!params.text.trim()) throw Object.assign(new Error('is empty: write the message text'), { field: 'Text' });
	return {
		subject: fill(params.subject, 'Subject'),
		text: fill(params.text, 'Text'),
		html: params.html.trim() ? fill(params.html, 'HTML', escapeHtml) : undefined,
		locale,
		variables,
	};
}

/** The WhatsApp template's body parameters with placeholders filled. */
export function whatsAppParameters(params: SendParams, content: Content): string[] {
	const values = withGreeting(content.variables, content.locale.language);
	return (params.whatsAppTemplate?.parameters ?? []).map((value, index) =>
		fillPlaceholders(value, values, { label: `WhatsApp body parameter ${index + 1}`, field: 'WhatsApp Template' }),
	);
}
