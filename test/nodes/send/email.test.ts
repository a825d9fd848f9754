/**
 * Email through a real local SMTP server, parsed as a mail client would: language and direction,
 * the .ics attachment, tracking pixel and links with verifiable tokens, RFC 8058 unsubscribe headers.
 */
import { JourneyHarness } from '../../harness';
import { SmtpCapture, type CapturedMail } from '../../lib/providers/support/smtp-capture';
import { closeSmtpTransports } from '../../../lib/providers';
import { closeAllStores } from '../../../lib/store';
import { UNSUBSCRIBE_SCOPE, verifyTrackingToken } from '../../../lib/tracking';
import { SEND_NODE, cred, journeyItem, messageOf, sendWorkflow, tempSqlitePath } from './support';

const SECRET = 'test-tracking-secret-0123456789';
const BASE = 'https://n8n.clinic.example/webhook/abc/journey';
const SURVEY = 'https://clinic.example/survey?visit=1&lang=he';

function header(mail: CapturedMail, name: string): string | undefined {
	const line = mail.parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line;
	return line?.slice(line.indexOf(':') + 1).trim();
}

function tokenIn(url: string): string {
	return new URL(url.replace(/&amp;/g, '&')).searchParams.get('t')!;
}

describe('Channel Preference Send over SMTP', () => {
	let smtp: SmtpCapture;
	let harness: JourneyHarness;
	const previousSecret = process.env.JOURNEY_TRACKING_SECRET;

	beforeAll(async () => {
		process.env.JOURNEY_TRACKING_SECRET = SECRET;
		smtp = await SmtpCapture.start();
	});

	afterAll(async () => {
		await closeSmtpTransports();
		await smtp.close();
		if (previousSecret === undefined) delete process.env.JOURNEY_TRACKING_SECRET;
		else process.env.JOURNEY_TRACKING_SECRET = previousSecret;
	});

	beforeEach(async () => {
		smtp.mails.length = 0;
		harness = await JourneyHarness.create({
			start: '2027-04-16T09:00:00Z',
			credentials: { journeyStoreApi: { type: 'sqlite', sqlitePath: tempSqlitePath() }, smtp: smtp.credential() },
		});
	});

	afterEach(async () => {
		await harness.dispose();
		await closeAllStores();
	});

	const emailParams = (extra: Record<string, unknown>) => ({
		channelPolicy: 'emailOnly',
		emailProvider: 'smtp',
		emailFrom: 'Smile Dental <hello@smile-dental.example>',
		...extra,
	});

	it('sends a Hebrew survey email right-to-left, with a tracking pixel and signed click links, and the visit as .ics', async () => {
		const workflow = sendWorkflow(
			emailParams({
				template: 'surveyRequest',
				templateVariables: { variable: [{ name: 'link', value: SURVEY }] },
				options: { trackingBaseUrl: BASE, attachCalendar: true },
			}),
			{ smtp: cred('SMTP') },
		);
		const contact = { id: 'p-he', name: 'Noa Levi', email: 'noa@example.co.il', phone: null, timeZone: 'Asia/Jerusalem', locale: 'he-IL' };
		const run = await harness.start(workflow, { items: [{ json: journeyItem({ contact }) }] });
		expect(run.status).toBe('success');
		const message = messageOf(harness.output(run, SEND_NODE, 0)[0]);
		expect(message).toMatchObject({ status: 'sent', channel: 'email', provider: 'smtp' });

		expect(smtp.mails).toHaveLength(1);
		const [mail] = smtp.mails;
		expect(mail.to).toEqual(['noa@example.co.il']);
		expect(mail.parsed.subject).toBe('איך היה הביקור?');
		expect(mail.parsed.html).toContain('<html lang="he-IL" dir="rtl">');
		expect(mail.parsed.text).toContain('שלום Noa! תודה שביקרת ב-Smile Dental, Warszawa.');
		expect(`${mail.parsed.text}${mail.parsed.html}`).not.toContain('Root canal');
		expect(header(mail, 'List-Unsubscribe')).toBeUndefined();

		const pixel = /<img src="([^"]+\/open\?t=[^"]+)"/.exec(mail.parsed.html as string)![1];
		expect(verifyTrackingToken(SECRET, tokenIn(pixel))).toEqual({ messageId: message.messageId });

		const href = /<a href="([^"]+)"/.exec(mail.parsed.html as string)![1].replace(/&amp;/g, '&');
		expect(href.startsWith(`${BASE}/click?t=`)).toBe(true);
		const clicked = new URL(href);
		expect(clicked.searchParams.get('u')).toBe(SURVEY);
		expect(verifyTrackingToken(SECRET, clicked.searchParams.get('t')!, SURVEY)).toEqual({ messageId: message.messageId });
		expect(verifyTrackingToken(SECRET, clicked.searchParams.get('t')!, 'https://evil.example/')).toBeNull();
		expect(mail.parsed.text).toContain(`${BASE}/click?t=`);

		const ics = mail.parsed.attachments.find((a) => a.filename === 'visit.ics')!;
		expect(ics.contentType).toBe('text/calendar');
		const event = ics.content.toString('utf8');
		expect(event).toContain('DTSTART:20270415T083000Z');
		expect(event).toContain('DTEND:20270415T091500Z');
		expect(event).toContain('LOCATION:Smile Dental\\, Warszawa');
		expect(event).not.toContain('Root canal');
	});

	it('gives marketing email one-click unsubscribe headers (RFC 8058) with a signed token', async () => {
		const workflow = sendWorkflow(
			emailParams({
				purpose: 'marketing',
				template: 'bonusPoints',
				templateVariables: { variable: [{ name: 'points', value: '2250' }] },
				options: { trackingBaseUrl: BASE, consentCollectedElsewhere: true, clinicName: 'Smile Dental' },
			}),
			{ smtp: cred('SMTP') },
		);
		const contact = { id: 'p-en', name: 'John Smith', email: 'john@example.com', locale: 'en-GB' };
		const run = await harness.start(workflow, { items: [{ json: journeyItem({ contact, visit: null }) }] });
		const message = messageOf(harness.output(run, SEND_NODE, 0)[0]);
		expect(message.status).toBe('sent');
		const [mail] = smtp.mails;
		expect(mail.parsed.subject).toBe('You have 2250 bonus points');
		expect(mail.parsed.html).toContain('<html lang="en-GB" dir="ltr">');
		expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
		const unsubscribe = /^<(.+)>$/.exec(header(mail, 'List-Unsubscribe')!)![1];
		expect(unsubscribe.startsWith(`${BASE}/unsubscribe?t=`)).toBe(true);
		expect(verifyTrackingToken(SECRET, tokenIn(unsubscribe), UNSUBSCRIBE_SCOPE)).toEqual({ messageId: message.messageId });
		expect(verifyTrackingToken(SECRET, tokenIn(unsubscribe))).toBeNull();
	});

	it('keeps a custom HTML body, adding the contact\'s language and direction on its root', async () => {
		const workflow = sendWorkflow(
			emailParams({
				messageSource: 'custom',
				subject: 'Напоминание: {date}',
				text: '{greeting} Ждём вас в {time}.',
				html: '<html><body><h1>{clinic}</h1><p>{greeting} Ждём вас в {time}.</p></body></html>',
				options: { clinicName: 'Клиника <Улыбка>' },
			}),
			{ smtp: cred('SMTP') },
		);
		const contact = { id: 'p-ru', name: 'Ольга', email: 'olga@example.ru', timeZone: 'Europe/Moscow', locale: 'ru' };
		const run = await harness.start(workflow, { items: [{ json: journeyItem({ contact }) }] });
		expect(messageOf(harness.output(run, SEND_NODE, 0)[0]).status).toBe('sent');
		const [mail] = smtp.mails;
		expect(mail.parsed.subject).toBe('Напоминание: четверг, 15 апреля');
		expect(mail.parsed.html).toContain('<html lang="ru" dir="ltr">');
		expect(mail.parsed.html).toContain('<h1>Клиника &lt;Улыбка&gt;</h1>');
		expect(mail.parsed.text).toBe('Здравствуйте, Ольга! Ждём вас в 11:30.');
	});
});
