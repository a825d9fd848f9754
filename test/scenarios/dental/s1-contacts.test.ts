/**
 * S1 for contacts who are not the default: no phone (the SMS steps fall back to email), opted out
 * (nothing is sent at all), Hebrew (UCS-2 SMS, right-to-left email checked as a mail client sees it).
 */
import type { INode } from 'n8n-workflow';

import { closeSmtpTransports } from '../../../lib/providers';
import { closeAllStores } from '../../../lib/store';
import { SmtpCapture } from '../../lib/providers/support/smtp-capture';
import { lines, runS1, sendStep, sends, tagsOf, WORKFLOW } from './support';

afterAll(async () => await closeAllStores());

const ATTENDED = { at: '2027-04-15T10:50:00+02:00', type: 'attendance', status: 'attended' };

describe('S1 for other contacts', () => {
	it('without a phone: the SMS reminder and the SMS nudge go by email', async () => {
		const result = await runS1([ATTENDED], { booking: { contact: { phone: null } } });
		expect(sends(result)).toEqual([
			'2027-04-13T08:00 #1 Email reminder: email anna.nowak@example.com',
			'2027-04-15T08:00 #1 SMS reminder: email anna.nowak@example.com',
			'2027-04-16T10:45 #1 Survey email: email anna.nowak@example.com',
			'2027-04-18T10:45 #1 SMS survey nudge: email anna.nowak@example.com',
		]);
		const trace = sendStep(result, 'SMS reminder')!;
		expect(trace.data).toMatchObject({ channel: 'email', status: 'outbox' });
		expect(String(trace.data!.text)).toMatch(/dziś o godz\. 10:00/);
	});

	it('with a phone the booking system mistyped: the trigger says so and the SMS steps use email', async () => {
		const result = await runS1([], { booking: { contact: { phone: '+48 12' } }, until: '2027-04-15T12:00:00+02:00' });
		expect(lines(result)[0]).toMatch(/^2027-04-10T12:00 in input → "Visit booked or moved": scheduled; started journey #1; warning: contact\.phone /);
		expect(sends(result)).toEqual([
			'2027-04-13T08:00 #1 Email reminder: email anna.nowak@example.com',
			'2027-04-15T08:00 #1 SMS reminder: email anna.nowak@example.com',
		]);
	});

	it('opted out (STOP) right after booking: every step runs, nothing is sent, the decisions are recorded', async () => {
		const result = await runS1([{ at: '2027-04-10T12:05:00+02:00', type: 'opt_out' }, ATTENDED, { at: '2027-04-19T09:00:00+02:00', type: 'survey_completed' }]);
		expect(sends(result)).toEqual([]);
		expect(result.steps.filter((s) => s.kind === 'not-sent').map((s) => `${s.local.slice(0, 16)} ${s.node}: ${s.text}`)).toEqual([
			'2027-04-13T08:00 Email reminder: not sent: skipped: opted out',
			'2027-04-15T08:00 SMS reminder: not sent: skipped: opted out',
			'2027-04-16T10:45 Survey email: not sent: skipped: opted out',
			'2027-04-18T10:45 SMS survey nudge: not sent: skipped: opted out',
		]);
		// A survey filled elsewhere (at the clinic) still counts.
		expect(tagsOf(result)).toEqual(['active contact']);
	});

	it('opted out of SMS only: the SMS steps fall back to email', async () => {
		const result = await runS1([{ at: '2027-04-10T12:05:00+02:00', type: 'opt_out', channel: 'sms' }], { until: '2027-04-15T12:00:00+02:00' });
		expect(sends(result)).toEqual([
			'2027-04-13T08:00 #1 Email reminder: email anna.nowak@example.com',
			'2027-04-15T08:00 #1 SMS reminder: email anna.nowak@example.com',
		]);
	});

	describe('Hebrew contact in Jerusalem', () => {
		const noa = { name: 'Noa Levi', email: 'noa@example.co.il', phone: '+972502345678', timeZone: 'Asia/Jerusalem', locale: 'he-IL' };
		let smtp: SmtpCapture;

		beforeAll(async () => {
			smtp = await SmtpCapture.start();
		});

		afterAll(async () => {
			await closeSmtpTransports();
			await smtp.close();
		});

		/** The shipped workflow with its two emails sent over SMTP (to the local capture), the SMS steps still in the Outbox. */
		function overSmtp() {
			const workflow = structuredClone(WORKFLOW);
			for (const node of workflow.nodes.filter((n: INode) => ['Email reminder', 'Survey email'].includes(n.name))) {
				Object.assign(node.parameters, { emailProvider: 'smtp', emailFrom: 'Clinic Centrum <hello@clinic.example>' });
				node.credentials = { smtp: { id: 'smtp', name: 'SMTP' } };
			}
			return workflow;
		}

		it('gets the reminders at 08:00 Jerusalem time, a UCS-2 SMS and a right-to-left email', async () => {
			const result = await runS1([ATTENDED], {
				workflow: overSmtp(),
				booking: { contact: noa },
				keepProviders: true,
				credentials: { smtp: smtp.credential() },
				until: '2027-04-16T12:00:00+02:00',
			});
			expect(result.zone).toBe('Asia/Jerusalem');
			expect(sends(result)).toEqual([
				'2027-04-13T08:00 #1 Email reminder: email noa@example.co.il',
				'2027-04-15T08:00 #1 SMS reminder: sms +972502345678',
				'2027-04-16T11:45 #1 Survey email: email noa@example.co.il',
			]);
			expect(sendStep(result, 'Email reminder')!.at).toBe('2027-04-13T05:00:00.000Z');

			const sms = sendStep(result, 'SMS reminder')!.data!;
			expect(sms.sms).toEqual({ encoding: 'UCS-2', segments: 1 });
			expect(sms.text).toMatch(/^שלום Noa!/);
			expect(sms.text).toContain('11:00');

			expect(smtp.mails.map((mail) => mail.to)).toEqual([['noa@example.co.il'], ['noa@example.co.il']]);
			const [reminder, survey] = smtp.mails;
			expect(reminder.parsed.html).toContain('<html lang="he-IL" dir="rtl">');
			expect(reminder.parsed.subject).toMatch(/^תזכורת: התור שלך ב-/);
			expect(reminder.parsed.text).toContain('11:00');
			expect(survey.parsed.html).toContain('dir="rtl"');
		});
	});
});
