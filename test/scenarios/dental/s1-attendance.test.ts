/**
 * S1 on the real engine, through the simulator: the reminders at 08:00 two days before and on the
 * day, then each attendance and survey branch, with the tags the Journey Store holds at the end.
 * Check-ins and survey answers arrive through the Journey Event Trigger as in production.
 */
import { closeAllStores } from '../../../lib/store';
import type { SimulationResult } from '../../../simulator';
import { lines, runS1, sendStep, sends, tagsOf } from './support';

afterAll(async () => await closeAllStores());

const ATTENDED = { at: '2027-04-15T10:50:00+02:00', type: 'attendance', status: 'attended' };

/** Booking to the SMS: identical on every branch. */
const REMINDERS = [
	'2027-04-10T12:00 in input → "Visit booked or moved": scheduled; started journey #1',
	'2027-04-10T12:00 #1 Visit booked or moved: starts: scheduled visit V-2001 on Thu 15 Apr 10:00 for Anna Nowak',
	'2027-04-10T12:00 #1 2 days before, 08:00: waits until Tue 13 Apr 08:00',
	'2027-04-13T08:00 #1 Visit today? (then SMS only): → False',
	'2027-04-13T08:00 #1 Still booked? (email): → Current',
	'2027-04-13T08:00 #1 Email reminder: EMAIL to anna.nowak@example.com [Outbox]',
	'2027-04-13T08:00 #1 On the day, 08:00: waits until Thu 15 Apr 08:00',
	'2027-04-15T08:00 #1 Still booked? (SMS): → Current',
	'2027-04-15T08:00 #1 SMS reminder: SMS to +48601234567 (UCS-2, 2 parts) [Outbox]',
	'2027-04-15T08:00 #1 Attendance marked?: waits for attendance_marked until Fri 16 Apr 20:00',
];

const AFTER_ATTENDED = [
	'2027-04-15T10:50 evt attendance: attended → "Journey events": recorded attendance_marked (attended); woke 1 waiting journey',
	'2027-04-15T10:50 #1 Attendance marked?: → Attended (woken by the event)',
	'2027-04-15T10:50 #1 24 hours after the visit: waits until Fri 16 Apr 10:45',
	'2027-04-16T10:45 #1 Survey email: EMAIL to anna.nowak@example.com [Outbox]',
	'2027-04-16T10:45 #1 Survey filled?: waits for survey_completed until Sun 18 Apr 10:45',
];

describe('S1: a visit on Thursday 15 April 2027 10:00 Europe/Warsaw, booked on Saturday 10 April', () => {
	describe('attended, survey filled after the SMS nudge', () => {
		let result: SimulationResult;

		beforeAll(async () => {
			result = await runS1([ATTENDED, { at: '2027-04-19T12:30:00+02:00', type: 'survey_completed', data: { score: 9 } }]);
		});

		it('follows the exact timeline: email 13 Apr 08:00, SMS 15 Apr 08:00, survey 24 h after the visit, nudge 48 h later, tag', () => {
			expect(lines(result)).toEqual([
				...REMINDERS,
				...AFTER_ATTENDED,
				'2027-04-18T10:45 #1 Survey filled?: → Not Completed (wait over)',
				'2027-04-18T10:45 #1 SMS survey nudge: SMS to +48601234567 (UCS-2, 2 parts) [Outbox]',
				'2027-04-18T10:45 #1 Survey filled after the nudge?: waits for survey_completed until Wed 21 Apr 10:45',
				'2027-04-19T12:30 evt survey_completed → "Journey events": recorded survey_completed; woke 1 waiting journey',
				'2027-04-19T12:30 #1 Survey filled after the nudge?: → Completed (woken by the event)',
				'2027-04-19T12:30 #1 Tag "active contact": tags +"active contact"',
				'2027-04-19T12:30 #1 ends',
			]);
			expect(result.journeys).toEqual([{ number: 1, execution: 'exec-1', status: 'success', waitTill: null, error: null }]);
			expect(tagsOf(result)).toEqual(['active contact']);
		});

		it('sends the reminders at 08:00 Warsaw time (+02:00) in UTC too', () => {
			expect(sendStep(result, 'Email reminder')?.at).toBe('2027-04-13T06:00:00.000Z');
			expect(sendStep(result, 'SMS reminder')?.at).toBe('2027-04-15T06:00:00.000Z');
		});

		it('says clinic, day and time in Polish, never the treatment', () => {
			const email = sendStep(result, 'Email reminder')!.data!;
			expect(email.subject).toContain('15 kwietnia');
			expect(email.text).toEqual(expect.stringContaining('Clinic Centrum'));
			expect(email.text).toEqual(expect.stringContaining('10:00'));
			const sms = sendStep(result, 'SMS reminder')!.data!;
			expect(sms.text).toEqual(expect.stringMatching(/dziś.*10:00/));
			expect(sendStep(result, 'Survey email')!.data!.text).toContain('https://clinic.example/survey?visit=V-2001');
			for (const step of result.steps.filter((s) => s.kind === 'send')) expect(String(step.data!.text)).not.toMatch(/hygiene|higien/i);
		});
	});

	it('attended, survey filled at once: tag "active contact", no nudge', async () => {
		const result = await runS1([ATTENDED, { at: '2027-04-16T18:20:00+02:00', type: 'survey_completed' }]);
		expect(lines(result).slice(REMINDERS.length)).toEqual([
			...AFTER_ATTENDED,
			'2027-04-16T18:20 evt survey_completed → "Journey events": recorded survey_completed; woke 1 waiting journey',
			'2027-04-16T18:20 #1 Survey filled?: → Completed (woken by the event)',
			'2027-04-16T18:20 #1 Tag "active contact": tags +"active contact"',
			'2027-04-16T18:20 #1 ends',
		]);
		expect(sends(result)).toHaveLength(3);
		expect(tagsOf(result)).toEqual(['active contact']);
	});

	it('a survey answered before the survey email (e.g. on the clinic tablet) counts: no wait, no nudge', async () => {
		const result = await runS1([ATTENDED, { at: '2027-04-15T11:00:00+02:00', type: 'survey_completed' }]);
		expect(lines(result).slice(-3)).toEqual([
			'2027-04-16T10:45 #1 Survey filled?: → Completed',
			'2027-04-16T10:45 #1 Tag "active contact": tags +"active contact"',
			'2027-04-16T10:45 #1 ends',
		]);
		expect(tagsOf(result)).toEqual(['active contact']);
	});

	it('attended, survey never filled: the nudge, then the journey ends without a tag', async () => {
		const result = await runS1([ATTENDED]);
		expect(lines(result).slice(REMINDERS.length)).toEqual([
			...AFTER_ATTENDED,
			'2027-04-18T10:45 #1 Survey filled?: → Not Completed (wait over)',
			'2027-04-18T10:45 #1 SMS survey nudge: SMS to +48601234567 (UCS-2, 2 parts) [Outbox]',
			'2027-04-18T10:45 #1 Survey filled after the nudge?: waits for survey_completed until Wed 21 Apr 10:45',
			'2027-04-21T10:45 #1 Survey filled after the nudge?: → Not Completed (wait over)',
			'2027-04-21T10:45 #1 ends',
		]);
		expect(tagsOf(result)).toEqual([]);
	});

	it('marked as no-show by the clinic: tag "no-show" at once, nothing more is sent', async () => {
		const result = await runS1([{ at: '2027-04-15T10:30:00+02:00', type: 'attendance', status: 'no-show' }]);
		expect(lines(result).slice(REMINDERS.length)).toEqual([
			'2027-04-15T10:30 evt attendance: no-show → "Journey events": recorded attendance_marked (no-show); woke 1 waiting journey',
			'2027-04-15T10:30 #1 Attendance marked?: → No-Show (woken by the event)',
			'2027-04-15T10:30 #1 Tag "no-show": tags +"no-show"',
			'2027-04-15T10:30 #1 ends',
		]);
		expect(sends(result)).toHaveLength(2);
		expect(tagsOf(result)).toEqual(['no-show']);
	});

	it('no-show reported by the booking system (Visit Trigger) wakes the journey the same way', async () => {
		const result = await runS1([{ at: '2027-04-15T11:15:00+02:00', type: 'no-show' }]);
		expect(lines(result).slice(REMINDERS.length, REMINDERS.length + 3)).toEqual([
			'2027-04-15T11:15 evt no-show → "Visit booked or moved": no-show; woke 1 waiting journey; started nothing ("no-show" events do not start this workflow; the Journey Store was updated)',
			'2027-04-15T11:15 #1 Attendance marked?: → No-Show (woken by the event)',
			'2027-04-15T11:15 #1 Tag "no-show": tags +"no-show"',
		]);
		expect(tagsOf(result)).toEqual(['no-show']);
	});

	it('nobody marks attendance within 36 h of the SMS: tag "no-show" when the wait is over', async () => {
		const result = await runS1();
		expect(lines(result).slice(REMINDERS.length)).toEqual([
			'2027-04-16T20:00 #1 Attendance marked?: → Unknown (wait over)',
			'2027-04-16T20:00 #1 Still booked? (no-show): → Current',
			'2027-04-16T20:00 #1 Tag "no-show": tags +"no-show"',
			'2027-04-16T20:00 #1 ends',
		]);
		expect(tagsOf(result)).toEqual(['no-show']);
	});
});
