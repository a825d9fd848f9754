/** Built-in message templates: one per scenario step, in English, Polish, Hebrew and Russian. */

export const TEMPLATE_NAMES = [
	'reminder',
	'dayOfReminder',
	'visitConfirmation',
	'surveyRequest',
	'surveyNudge',
	'nps',
	'paymentReminder',
	'deliveryQuestion',
	'thanks',
	'apology',
	'recall',
	'bonusPoints',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export const TEMPLATE_LANGUAGES = ['en', 'pl', 'he', 'ru'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

export interface MessageTemplate {
	subject: string;
	/**
	 * One paragraph for SMS, WhatsApp and email. `{name}` placeholders; a `[ … ]` group that holds
	 * a placeholder is left out when that value is missing, a placeholder outside a group is required.
	 */
	text: string;
}

export interface LocaleTexts {
	/** A whole sentence: the text after it starts with a capital letter. */
	greeting(name: string | undefined): string;
	/** Title of the .ics event: clinic only, never the treatment. */
	calendarTitle: string;
	templates: Record<TemplateName, MessageTemplate>;
}

/** Values for the placeholders; empty strings count as missing. */
export type TemplateVariables = Record<string, string | number | null | undefined>;
