import { DateTime } from 'luxon';
/** The built-in texts: every scenario in every language, placeholders filled, minimal health data, right direction. */
import { DomainInputError } from '../../../lib/time';
import { countSmsSegments } from '../../../lib/sms';
import { TEMPLATE_LANGUAGES, TEMPLATE_NAMES, fillPlaceholders, formatDay, formatVisitTime, localeTexts, renderTemplate, resolveLocale, textToHtml, withDocumentLanguage } from '../../../lib/templates';

const FULL = { name: 'Anna', clinic: 'Smile Dental', date: 'Thursday 15 April', time: '10:30', link: 'https://c.example/x', amount: '120 zł', points: '2250', lastVisit: '3 November 2026' };

describe('built-in templates', () => {
	it.each(TEMPLATE_LANGUAGES)('renders all 12 scenarios in %s with every placeholder filled and no treatment named', (language) => {
		const locale = resolveLocale(language);
		for (const name of TEMPLATE_NAMES) {
			const { subject, text } = renderTemplate(name, locale, FULL);
			expect(`${subject} ${text}`).not.toMatch(/[{}[\]]/);
			expect(text.length).toBeLessThan(260);
			expect(localeTexts(language).templates[name].text).not.toContain('{service}');
		}
	});

	it('drops optional parts whose value is missing and insists on required ones', () => {
		const en = resolveLocale('en-GB');
		expect(renderTemplate('paymentReminder', en, { name: 'Jan' }).text).toBe('Hi Jan! A friendly reminder that your payment is still open.');
		expect(renderTemplate('paymentReminder', en, { amount: '£20', link: 'https://pay.example/1' }).text).toBe(
			'Hello! A friendly reminder that your payment of £20 is still open. Pay online: https://pay.example/1',
		);
		expect(() => renderTemplate('surveyRequest', en, { clinic: 'Smile' })).toThrow(new DomainInputError('templateVariables', 'the "surveyRequest" template needs {link}'));
	});

	it('inserts values once: a value that looks like a placeholder stays as written', () => {
		expect(fillPlaceholders('Hi {name} [({clinic})]', { name: '{clinic}' }, { label: 'x' })).toBe('Hi {clinic} ');
		expect(fillPlaceholders('[Clinic] {a}', { a: '<b>' }, { label: 'x', escape: (v) => v.replace('<', '&lt;') })).toBe('[Clinic] &lt;b>');
	});

	it('fits a Polish reminder in two UCS-2 SMS parts and an English one in a single GSM-7 part', () => {
		const pl = renderTemplate('reminder', resolveLocale('pl-PL'), { ...FULL, link: undefined, date: 'czwartek, 15 kwietnia' }).text;
		expect(countSmsSegments(pl)).toMatchObject({ encoding: 'UCS-2', segments: 2 });
		const en = renderTemplate('reminder', resolveLocale('en-GB'), { ...FULL, link: undefined }).text;
		expect(countSmsSegments(en)).toMatchObject({ encoding: 'GSM-7', segments: 1 });
	});
});

describe('locale, dates and direction', () => {
	it('picks the template language from the contact locale, falling back for languages without templates', () => {
		expect(resolveLocale('he-IL')).toEqual({ tag: 'he-IL', language: 'he', dir: 'rtl' });
		expect(resolveLocale('iw')).toMatchObject({ language: 'he', dir: 'rtl' });
		expect(resolveLocale('ru_RU')).toEqual({ tag: 'ru-RU', language: 'ru', dir: 'ltr' });
		expect(resolveLocale('de-DE', 'pl')).toEqual({ tag: 'pl', language: 'pl', dir: 'ltr' });
		expect(resolveLocale(null)).toEqual({ tag: 'en', language: 'en', dir: 'ltr' });
		expect(resolveLocale('not a locale!')).toMatchObject({ language: 'en' });
	});

	it("formats the visit time in the contact's zone and language", () => {
		const start = '2027-10-31T07:30:00Z'; // after the EU clock change: UTC+1 in Warsaw
		expect(formatVisitTime(start, 'Europe/Warsaw', 'pl-PL')).toEqual({ date: 'niedziela, 31 października', time: '08:30' });
		expect(formatVisitTime(start, 'America/New_York', 'en-US')).toEqual({ date: 'Sunday, October 31', time: '3:30 AM' });
		expect(formatVisitTime(start, 'Asia/Jerusalem', 'he-IL').time).toBe('9:30');
	});

	it('formats exactly as luxon does, across zones, locales, clock changes and ISO forms', () => {
		const tags = ['en', 'en-US', 'pl-PL', 'he-IL', 'ru-RU', 'de-DE', 'ar-EG'];
		const zones = ['Europe/Warsaw', 'America/New_York', 'Asia/Jerusalem', 'UTC', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC+3', 'Etc/UTC', 'Etc/GMT-2', 'Not/AZone'];
		const instants = [
			'2027-03-28T00:59:59Z', // the minute before the EU spring change
			'2027-03-28T01:00:00Z',
			'2027-10-31T00:30:00.123Z',
			'2027-04-13T23:30:00+02:00',
			'2027-04-13T08:00', // no offset: luxon reads it in the zone, so the slow path
			'2027-W15-2T08:00:00Z', // an ISO week date: only luxon reads it
			'not a time',
		];
		for (const tag of tags) {
			for (const zone of zones) {
				for (const instant of instants) {
					const local = DateTime.fromISO(instant, { zone }).setLocale(tag);
					const expected = local.isValid
						? { date: local.toLocaleString({ weekday: 'long', day: 'numeric', month: 'long' }), time: local.toLocaleString(DateTime.TIME_SIMPLE) }
						: { date: '', time: '' };
					expect({ tag, zone, instant, ...formatVisitTime(instant, zone, tag) }).toEqual({ tag, zone, instant, ...expected });
					expect({ tag, zone, instant, day: formatDay(instant, zone, tag) }).toEqual({ tag, zone, instant, day: local.isValid ? local.toLocaleString(DateTime.DATE_FULL) : '' });
				}
			}
		}
	});

	it('sets lang and dir on the email root, replacing what a custom document had', () => {
		expect(textToHtml('שלום https://a.example/x?y=1&z=2.', 'he-IL', 'rtl')).toContain('<html lang="he-IL" dir="rtl">');
		expect(textToHtml('see https://a.example/x?y=1&z=2.', 'en', 'ltr')).toContain('<a href="https://a.example/x?y=1&amp;z=2">https://a.example/x?y=1&amp;z=2</a>.');
		expect(withDocumentLanguage('<html lang="en" class="m" dir=ltr><body>x</body></html>', 'he', 'rtl')).toBe('<html class="m" lang="he" dir="rtl"><body>x</body></html>');
		expect(withDocumentLanguage('<p>x</p>', 'ru', 'ltr')).toContain('<html lang="ru" dir="ltr">');
	});
});
