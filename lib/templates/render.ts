import { fillPlaceholders } from './fill';
import type { ResolvedLocale } from './locale';
import { en } from './locales/en';
import { he } from './locales/he';
import { pl } from './locales/pl';
import { ru } from './locales/ru';
import { TEMPLATE_NAMES, type LocaleTexts, type TemplateLanguage, type TemplateName, type TemplateVariables } from './types';
import { DomainInputError } from '../time/domain-input-error';

const LOCALES: Record<TemplateLanguage, LocaleTexts> = { en, pl, he, ru };

export interface RenderedTemplate {
	subject: string;
	text: string;
}

export function localeTexts(language: TemplateLanguage): LocaleTexts {
	return LOCALES[language];
}

/** Adds the locale's greeting ({greeting}) to the variables; {name} is the contact's first name. */
export function withGreeting(vars: TemplateVariables, language: TemplateLanguage): TemplateVariables {
	const name = vars.name === undefined || vars.name === null ? undefined : String(vars.name).trim() || undefined;
	return { ...vars, greeting: LOCALES[language].greeting(name) };
}

export function renderTemplate(name: TemplateName, locale: ResolvedLocale, vars: TemplateVariables): RenderedTemplate {
	if (!TEMPLATE_NAMES.includes(name)) {
		throw new DomainInputError('template', `unknown template ${JSON.stringify(name)} (expected one of ${TEMPLATE_NAMES.join(', ')})`);
	}
	const template = LOCALES[locale.language].templates[name];
	const values = withGreeting(vars, locale.language);
	const label = `the "${name}" template`;
	return {
		subject: fillPlaceholders(template.subject, values, { label }),
		text: fillPlaceholders(template.text, values, { label }),
	};
}
