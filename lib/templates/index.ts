export { TEMPLATE_LANGUAGES, TEMPLATE_NAMES, type LocaleTexts, type MessageTemplate, type TemplateLanguage, type TemplateName, type TemplateVariables } from './types';
export { fillPlaceholders, type FillOptions } from './fill';
export { formatDay, formatVisitTime, resolveLocale, type ResolvedLocale } from './locale';
export { localeTexts, renderTemplate, withGreeting, type RenderedTemplate } from './render';
export { escapeHtml, findUrls, textToHtml, withDocumentLanguage } from './html';
export { visitCalendarEvent, type VisitCalendarInput } from './calendar';
