/**
 * S1 when the booking changes: a reschedule or a cancellation while the journey waits (posted to
 * the workflow's own Visit Trigger as the booking system would), a late booking, a retried webhook.
 */
import { closeAllStores } from '../../../lib/store';
import { booking, lines, runS1, sends, tagsOf } from './support';

afterAll(async () => await closeAllStores());

describe('S1 when the booking changes', () => {
	it('rescheduled on Sunday to Friday 16 April 09:00: no reminder for the old slot, new ones follow the new date', async () => {
		const result = await runS1(
			[
				{ at: '2027-04-11T09:00:00+02:00', type: 'reschedule', start: '2027-04-16T09:00:00+02:00', end: '2027-04-16T09:45:00+02:00' },
				{ at: '2027-04-16T09:50:00+02:00', type: 'attendance', status: 'attended' },
				{ at: '2027-04-17T12:00:00+02:00', type: 'survey_completed' },
			],
		);
		expect(sends(result)).toEqual([
			'2027-04-14T08:00 #2 Email reminder: email anna.nowak@example.com',
			'2027-04-16T08:00 #2 SMS reminder: sms +48601234567',
			'2027-04-17T09:45 #2 Survey email: email anna.nowak@example.com',
		]);
		expect(lines(result)).toEqual(
			expect.arrayContaining([
				'2027-04-11T09:00 evt reschedule to Fri 16 Apr 09:00 → "Visit booked or moved": rescheduled; started journey #2',
				'2027-04-11T09:00 #2 Visit booked or moved: starts: rescheduled visit V-2001 on Fri 16 Apr 09:00 for Anna Nowak',
				'2027-04-13T08:00 #1 Still booked? (email): → Stale',
				'2027-04-13T08:00 #1 ends',
			]),
		);
		expect(result.steps.find((s) => s.journey === 1 && s.node === 'Still booked? (email)')?.lines).toEqual([
			'visit V-2001 was moved (slot version 2 in the Journey Store, 1 in the item)',
		]);
		const email = result.steps.find((s) => s.kind === 'send' && s.node === 'Email reminder')!;
		expect(email.data!.text).toEqual(expect.stringMatching(/16 kwietnia.*09:00/));
		expect(result.journeys.map((j) => j.status)).toEqual(['success', 'success']);
		expect(tagsOf(result)).toEqual(['active contact']);
	});

	it('rescheduled after the email: the old journey stops before the SMS, the new one reminds again for the new date', async () => {
		const result = await runS1(
			[{ at: '2027-04-14T16:00:00+02:00', type: 'reschedule', start: '2027-04-22T15:00:00+02:00' }],
			{ until: '2027-04-22T16:00:00+02:00' },
		);
		expect(sends(result)).toEqual([
			'2027-04-13T08:00 #1 Email reminder: email anna.nowak@example.com',
			'2027-04-20T08:00 #2 Email reminder: email anna.nowak@example.com',
			'2027-04-22T08:00 #2 SMS reminder: sms +48601234567',
		]);
		expect(lines(result)).toContain('2027-04-15T08:00 #1 Still booked? (SMS): → Stale');
	});

	it('cancelled while the journey waits: nothing more is sent, no tag', async () => {
		const result = await runS1([{ at: '2027-04-12T15:00:00+02:00', type: 'cancel' }]);
		expect(lines(result)).toEqual([
			'2027-04-10T12:00 in input → "Visit booked or moved": scheduled; started journey #1',
			'2027-04-10T12:00 #1 Visit booked or moved: starts: scheduled visit V-2001 on Thu 15 Apr 10:00 for Anna Nowak',
			'2027-04-10T12:00 #1 2 days before, 08:00: waits until Tue 13 Apr 08:00',
			'2027-04-12T15:00 evt cancel → "Visit booked or moved": cancelled; started nothing ("cancelled" events do not start this workflow; the Journey Store was updated)',
			'2027-04-13T08:00 #1 Visit today? (then SMS only): → False',
			'2027-04-13T08:00 #1 Still booked? (email): → Stale',
			'2027-04-13T08:00 #1 ends',
		]);
		expect(tagsOf(result)).toEqual([]);
	});

	it('cancelled on the morning of the visit, after the SMS: no "no-show" tag when the attendance wait runs out', async () => {
		const result = await runS1([{ at: '2027-04-15T09:00:00+02:00', type: 'cancel' }]);
		expect(lines(result).slice(-3)).toEqual([
			'2027-04-16T20:00 #1 Attendance marked?: → Unknown (wait over)',
			'2027-04-16T20:00 #1 Still booked? (no-show): → Stale',
			'2027-04-16T20:00 #1 ends',
		]);
		expect(tagsOf(result)).toEqual([]);
	});

	it('booked on Wednesday 14 April 15:00, less than 2 days ahead: the email goes at once, the SMS on the day at 08:00', async () => {
		const result = await runS1([], { start: '2027-04-14T15:00:00+02:00', until: '2027-04-15T12:00:00+02:00' });
		expect(sends(result)).toEqual([
			'2027-04-14T15:00 #1 Email reminder: email anna.nowak@example.com',
			'2027-04-15T08:00 #1 SMS reminder: sms +48601234567',
		]);
		expect(result.steps.find((s) => s.node === '2 days before, 08:00')?.lines?.[0]).toContain('target Tue 13 Apr 08:00 already passed: sending now (inside the window)');
	});

	it('booked on the day at 07:00: only the SMS, at 08:00 (never two messages at once)', async () => {
		const result = await runS1([], { start: '2027-04-15T07:00:00+02:00', until: '2027-04-15T12:00:00+02:00' });
		expect(sends(result)).toEqual(['2027-04-15T08:00 #1 SMS reminder: sms +48601234567']);
		expect(lines(result)).toContain('2027-04-15T08:00 #1 Visit today? (then SMS only): → True');
	});

	it('booked on Wednesday 14 April at 22:30, after the send window: no email the next morning, the SMS alone at 08:00', async () => {
		const result = await runS1([], { start: '2027-04-14T22:30:00+02:00', until: '2027-04-15T12:00:00+02:00' });
		expect(sends(result)).toEqual(['2027-04-15T08:00 #1 SMS reminder: sms +48601234567']);
	});

	it('the same booking webhook delivered twice (a retry): one journey, one set of messages', async () => {
		const result = await runS1([{ at: '2027-04-10T12:01:00+02:00', type: 'visit' }], { until: '2027-04-15T12:00:00+02:00' });
		expect(lines(result)).toContain('2027-04-10T12:01 evt the input again (a retry) → "Visit booked or moved": duplicate of an event already received, nothing started');
		expect(result.journeys).toHaveLength(1);
		expect(sends(result)).toEqual([
			'2027-04-13T08:00 #1 Email reminder: email anna.nowak@example.com',
			'2027-04-15T08:00 #1 SMS reminder: sms +48601234567',
		]);
	});

	it('the same booking sent again under a new event ID: a second journey starts, but every message still goes once', async () => {
		const result = await runS1(
			[{ at: '2027-04-10T12:01:00+02:00', type: 'visit', body: booking({ event: { id: 'evt-1001-resent' } }) }],
			{ until: '2027-04-15T12:00:00+02:00' },
		);
		expect(result.journeys).toHaveLength(2);
		expect(sends(result)).toEqual([
			'2027-04-13T08:00 #1 Email reminder: email anna.nowak@example.com',
			'2027-04-15T08:00 #1 SMS reminder: sms +48601234567',
		]);
		expect(result.steps.filter((s) => s.kind === 'not-sent').map((s) => `${s.local.slice(0, 16)} #${s.journey} ${s.node}: ${s.text}`)).toEqual([
			'2027-04-13T08:00 #2 Email reminder: not sent: duplicate suppressed',
			'2027-04-15T08:00 #2 SMS reminder: not sent: duplicate suppressed',
		]);
	});
});
