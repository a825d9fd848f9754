/**
 * S6 bonus points reminder (workflows/bonus-points-reminder.json): each completed visit adds its
 * points once; the visit that takes the balance past 2,250 sends the balance and an invitation the
 * next day at 10:00 in the patient's zone, once. A marketing message: it needs recorded consent.
 */
import { messages, summary } from '../../fixtures/scenarios/journal';
import { Scenario } from '../../fixtures/scenarios/scenario';
import { BookingSystem, grantMarketing, olga, type VisitInput } from './support';

const visit = (n: number, day: number): VisitInput => ({ id: `V-${n}`, start: `2027-04-${day}T12:00:00+03:00`, end: `2027-04-${day}T12:45:00+03:00` });
// 2,310 in Russian is written "2 310" with a no-break space.
const BALANCE_TEXT = 'Здравствуйте, Ольга! У вас 2\u00a0310 бонусных баллов (Клиника «Улыбка»). Используйте их при следующем визите! Записаться: https://clinic.example/book?offer=hygiene';

let s: Scenario;
let clinic: BookingSystem;

beforeEach(async () => {
	s = await Scenario.create('2027-04-12T10:00:00.000Z');
	clinic = new BookingSystem(s, s.workflow('bonus-points-reminder.json'), 'Visit completed');
});

afterEach(async () => await s.dispose());

const balance = async () => await s.store.getCounter((await s.store.findContact({ externalId: olga.id }))!.id, 'points');

/** Two earlier visits bring Olga to 2,150 points without any message. */
async function earlierVisits() {
	const runs = [await clinic.send('completed', olga, visit(1, 12), { points: 1200 }), await clinic.send('completed', olga, visit(2, 12), { points: 950 })];
	await s.h.runUntilIdle();
	for (const run of runs) expect(s.h.executedNodes(run!)).toEqual(['Visit completed', "Add the visit's points"]);
	expect(await balance()).toBe(2150);
}

describe('S6 bonus points reminder', () => {
	it('the visit that crosses 2,250 → "you have 2 310 points" by SMS the next day at 10:00 Moscow, once', async () => {
		await grantMarketing(s, olga, ['sms']);
		await earlierVisits();
		s.h.clock.advanceTo(new Date('2027-04-15T10:00:00.000Z'));
		const crossing = (await clinic.send('completed', olga, visit(3, 15), { points: 160 }))!;
		await s.h.runUntilIdle();

		expect(summary(messages(s.h, crossing))).toEqual([`2027-04-16T07:00:00.000Z Remind of the balance: outbox sms ${olga.phone}`]);
		expect(messages(s.h, crossing)[0].text).toBe(BALANCE_TEXT);
		expect(s.h.output(crossing, "Add the visit's points")[0].json.counter).toMatchObject({ previous: 2150, value: 2310, applied: true, milestone: { reached: true, target: 2250 } });

		// Later visits add points but never repeat the reminder.
		const later = (await clinic.send('completed', olga, visit(4, 20), { points: 200 }))!;
		await s.h.runUntilIdle();
		expect(await balance()).toBe(2510);
		expect(s.h.output(later, "Add the visit's points", 1)).toHaveLength(1);
		expect(messages(s.h, later)).toEqual([]);
	});

	it('the crossing visit reported twice (attended, then completed; and a retried call) counts once and sends once', async () => {
		await grantMarketing(s, olga, ['sms']);
		await earlierVisits();
		s.h.clock.advanceTo(new Date('2027-04-15T10:00:00.000Z'));
		const first = (await clinic.send('attended', olga, visit(3, 15), { points: 160 }, 'evt-v3-attended'))!;
		expect(await clinic.send('attended', olga, visit(3, 15), { points: 160 }, 'evt-v3-attended')).toBeUndefined();
		const again = (await clinic.send('completed', olga, visit(3, 15), { points: 160 }, 'evt-v3-completed'))!;
		await s.h.runUntilIdle();

		expect(await balance()).toBe(2310);
		expect(s.h.output(again, "Add the visit's points", 1)[0].json.counter).toMatchObject({ value: 2310, applied: false, milestone: { reached: false } });
		expect(messages(s.h, again)).toEqual([]);
		expect(summary(messages(s.h, first))).toEqual([`2027-04-16T07:00:00.000Z Remind of the balance: outbox sms ${olga.phone}`]);
	});

	it('without recorded marketing consent the balance is counted but no reminder goes out', async () => {
		await earlierVisits();
		s.h.clock.advanceTo(new Date('2027-04-15T10:00:00.000Z'));
		const crossing = (await clinic.send('completed', olga, visit(3, 15), { points: 160 }))!;
		await s.h.runUntilIdle();

		expect(await balance()).toBe(2310);
		const [skipped] = messages(s.h, crossing);
		expect([skipped.at, skipped.status, skipped.channel]).toEqual(['2027-04-16T07:00:00.000Z', 'skipped: no consent', null]);
		expect(skipped.trace.map((step) => `${step.channel}: ${step.reason}`)).toEqual(['sms: no recorded marketing consent', 'email: no recorded marketing consent']);
	});

	it('a visit without points in the payload counts 100', async () => {
		await earlierVisits();
		await clinic.send('completed', olga, visit(3, 15));
		await s.h.runUntilIdle();
		expect(await balance()).toBe(2250);
	});
});
