/**
 * S6 NPS the day after the visit (workflows/nps-after-visit.json): when the clinic marks the visit
 * attended, a 0–10 rating request goes the next day at 11:00 in the patient's zone, by SMS, else
 * email, once per visit. Olga's visit: Thursday 15 April 2027 12:00 Moscow (09:00 UTC).
 */
import { messages, summary } from '../../fixtures/scenarios/journal';
import { Scenario } from '../../fixtures/scenarios/scenario';
import { BookingSystem, olga } from './support';

const VISIT = { id: 'V-900', start: '2027-04-15T12:00:00+03:00', end: '2027-04-15T12:45:00+03:00' };

let s: Scenario;
let clinic: BookingSystem;

beforeEach(async () => {
	s = await Scenario.create('2027-04-15T10:00:00.000Z');
	clinic = new BookingSystem(s, s.workflow('nps-after-visit.json'), 'Visit attended');
});

afterEach(async () => await s.dispose());

describe('S6 NPS after the visit', () => {
	it('marked attended at 13:00 Moscow → the rating request by SMS on Friday 11:00 Moscow', async () => {
		const run = (await clinic.send('attended', olga, VISIT))!;
		expect(run.waitTill?.toISOString()).toBe('2027-04-16T08:00:00.000Z');
		await s.h.runUntilIdle();

		const sent = messages(s.h, run);
		expect(summary(sent)).toEqual([`2027-04-16T08:00:00.000Z NPS question: outbox sms ${olga.phone}`]);
		expect(sent[0].text).toBe(
			'Здравствуйте, Ольга! Насколько вероятно, что вы порекомендуете нас (Клиника «Улыбка») друзьям? Ответьте числом от 0 до 10. Или здесь: https://clinic.example/nps?visit=V-900',
		);
	});

	it('a Warsaw patient without a mobile number gets it by email at 11:00 Warsaw', async () => {
		const anna = { id: 'P-80', name: 'Anna Nowak', email: 'anna.nowak@example.com', timeZone: 'Europe/Warsaw', locale: 'pl-PL' };
		const run = (await clinic.send('completed', anna, { id: 'V-901', start: '2027-04-15T10:00:00+02:00' }))!;
		await s.h.runUntilIdle();

		expect(summary(messages(s.h, run))).toEqual(['2027-04-16T09:00:00.000Z NPS question: outbox email anna.nowak@example.com']);
		expect(messages(s.h, run)[0].trace[0]).toEqual({ channel: 'sms', outcome: 'skipped', reason: 'phone: no phone number' });
	});

	it('the clinic marks the visit attended and later completed, and retries a call: one rating request', async () => {
		const attended = (await clinic.send('attended', olga, VISIT, {}, 'evt-attended'))!;
		expect(await clinic.send('attended', olga, VISIT, {}, 'evt-attended')).toBeUndefined();
		s.h.schedule('2027-04-15T15:00:00.000Z', 'the visit is closed as completed', async () => {
			await clinic.send('completed', olga, VISIT, {}, 'evt-completed');
		});
		await s.h.runUntilIdle();

		const runs = s.runsOf(clinic.workflow);
		expect(runs).toHaveLength(2);
		expect(summary(messages(s.h, attended))).toEqual([`2027-04-16T08:00:00.000Z NPS question: outbox sms ${olga.phone}`]);
		expect(messages(s.h, runs[1]).map((m) => [m.at, m.status])).toEqual([['2027-04-16T08:00:00.000Z', 'duplicate suppressed']]);
	});

	it('attendance marked only on Monday evening: the request waits for Tuesday 08:00 rather than going out at night', async () => {
		s.h.clock.advanceTo(new Date('2027-04-19T18:30:00.000Z'));
		const run = (await clinic.send('attended', olga, VISIT))!;
		expect(run.waitTill?.toISOString()).toBe('2027-04-20T05:00:00.000Z');
		await s.h.runUntilIdle();

		expect(summary(messages(s.h, run))).toEqual([`2027-04-20T05:00:00.000Z NPS question: outbox sms ${olga.phone}`]);
	});

	it('a no-show starts nothing', async () => {
		expect(await clinic.send('no-show', olga, VISIT)).toBeUndefined();
		expect(s.runsOf(clinic.workflow)).toEqual([]);
	});
});
