/**
 * S3 payment dunning (workflows/payment-dunning.json) on the engine with a virtual clock: the
 * billing system's overdue call over real HTTP, opens, clicks and payments through the Journey
 * Events workflow, collections tasks posted to a local task endpoint. Warsaw is UTC+2 in April.
 */
import { messages, ranAt, summary } from '../../fixtures/scenarios/journal';
import { Scenario } from '../../fixtures/scenarios/scenario';
import { customer, Dunning, invoice } from './support';

const EMAIL = `Email payment reminder: outbox email ${customer.email}`;
const SMS = `SMS payment notice: outbox sms ${customer.phone}`;

let s: Scenario;
let d: Dunning;

async function setUp(start: string): Promise<void> {
	s = await Scenario.create(start);
	d = new Dunning(s);
}

afterEach(async () => await s.dispose());

describe('S3 payment dunning: email, then SMS, then collections', () => {
	beforeEach(async () => await setUp('2027-04-13T08:00:00.000Z'));

	it('email not opened within 48 h → SMS; SMS link clicked and paid → done, no task', async () => {
		const run = await d.overdue();
		s.h.schedule('2027-04-15T10:30:00.000Z', 'the customer taps the pay link in the SMS', d.clickSms(run));
		s.h.schedule('2027-04-15T10:45:00.000Z', 'the payment arrives', d.pay());
		await s.h.runUntilIdle();

		expect(run.status).toBe('success');
		expect(summary(messages(s.h, run))).toEqual([`2027-04-13T08:00:00.000Z ${EMAIL}`, `2027-04-15T08:00:00.000Z ${SMS}`]);
		expect(run.resumedAt.map((at) => at.toISOString())).toEqual([
			'2027-04-15T08:00:00.000Z', // 48 h without an open: time-out
			'2027-04-15T10:30:00.000Z', // the click wakes the run
			'2027-04-15T10:45:00.000Z', // the payment wakes it again
		]);
		const [email, sms] = messages(s.h, run);
		expect(email.text).toMatch(/^Dzień dobry, Jan! .*99\.00 PLN\. Zapłać online: http:\/\/127\.0\.0\.1:\d+\/webhook\/.+\/click\?t=/);
		expect(sms.text).toContain('99.00 PLN');
		expect(sms.text).toContain(encodeURIComponent(invoice.payUrl));
		expect(ranAt(s.h, run, 'Paid?')).toEqual(['2027-04-15T10:30:00.000Z', '2027-04-15T10:45:00.000Z']);
		expect(s.h.output(run, 'Paid?', 1)[0].json.condition).toMatchObject({ outcome: 'Paid' });
		expect(s.tasks.tasks).toEqual([]);
	});

	it('SMS link clicked but not paid within 24 h → a collections task with the customer\'s details', async () => {
		const run = await d.overdue();
		s.h.schedule('2027-04-15T10:30:00.000Z', 'the customer taps the pay link in the SMS', d.clickSms(run));
		await s.h.runUntilIdle();

		expect(run.status).toBe('success');
		expect(summary(messages(s.h, run))).toEqual([`2027-04-13T08:00:00.000Z ${EMAIL}`, `2027-04-15T08:00:00.000Z ${SMS}`]);
		expect(s.tasks.tasks).toEqual([
			{
				at: '2027-04-16T10:30:00.000Z',
				body: {
					team: 'collections',
					reason: 'Invoice INV-2027-04-501 (99.00 PLN) opened the pay link but did not pay',
					contact: { name: 'Jan Kowalski', phone: '+48601234567', email: 'jan.kowalski@example.com' },
					visit: '',
				},
			},
		]);
		expect(ranAt(s.h, run, 'Collections: no reaction')).toEqual([]);
	});

	it('email opened and paid → no SMS, no task', async () => {
		const run = await d.overdue();
		s.h.schedule('2027-04-13T15:00:00.000Z', 'the customer opens the email', d.openEmail(run));
		s.h.schedule('2027-04-13T15:20:00.000Z', 'the payment arrives', d.pay());
		await s.h.runUntilIdle();

		expect(run.status).toBe('success');
		expect(summary(messages(s.h, run))).toEqual([`2027-04-13T08:00:00.000Z ${EMAIL}`]);
		expect(run.resumedAt.map((at) => at.toISOString())).toEqual(['2027-04-13T15:00:00.000Z', '2027-04-13T15:20:00.000Z']);
		expect(s.h.output(run, 'Paid after the email?', 1)).toHaveLength(1);
		expect(s.tasks.tasks).toEqual([]);
	});

	it('paid by transfer without opening the email → no SMS when the 48 h are up', async () => {
		const run = await d.overdue();
		s.h.schedule('2027-04-14T09:00:00.000Z', 'a bank transfer arrives', d.pay());
		await s.h.runUntilIdle();

		expect(summary(messages(s.h, run))).toEqual([`2027-04-13T08:00:00.000Z ${EMAIL}`]);
		expect(ranAt(s.h, run, 'Paid without opening?')).toEqual(['2027-04-15T08:00:00.000Z']);
		expect(s.h.output(run, 'Paid without opening?', 1)).toHaveLength(1);
		expect(s.tasks.tasks).toEqual([]);
	});

	it('no reaction at all → SMS after 48 h, then a collections task 72 h after the SMS', async () => {
		const run = await d.overdue();
		await s.h.runUntilIdle();

		expect(summary(messages(s.h, run))).toEqual([`2027-04-13T08:00:00.000Z ${EMAIL}`, `2027-04-15T08:00:00.000Z ${SMS}`]);
		expect(s.tasks.tasks).toEqual([
			{
				at: '2027-04-18T08:00:00.000Z',
				body: expect.objectContaining({
					team: 'collections',
					reason: 'Invoice INV-2027-04-501 (99.00 PLN) unpaid; the email and SMS links were not opened',
					contact: { name: 'Jan Kowalski', phone: '+48601234567', email: 'jan.kowalski@example.com' },
				}),
			},
		]);
	});

	it('the billing system retries its call: one email, one SMS, one collections task', async () => {
		const first = await d.overdue();
		const second = await d.overdue();
		await s.h.runUntilIdle();

		expect(summary(messages(s.h, first))).toEqual([`2027-04-13T08:00:00.000Z ${EMAIL}`, `2027-04-15T08:00:00.000Z ${SMS}`]);
		expect(messages(s.h, second).map((m) => m.status)).toEqual(['duplicate suppressed']);
		expect(s.h.executedNodes(second).slice(-1)).toEqual(['First report of this invoice?']);
		expect(second.status).toBe('success');
		expect(s.tasks.tasks).toHaveLength(1);
	});
});

describe('S3 send window: nothing goes out at night', () => {
	it('an invoice reported at 23:10 gets its email at 08:00, the SMS two days later at 08:00', async () => {
		await setUp('2027-04-13T21:10:00.000Z');
		const run = await d.overdue();
		await s.h.runUntilIdle();

		expect(summary(messages(s.h, run)).slice(0, 3)).toEqual([
			'2027-04-13T21:10:00.000Z Email payment reminder: deferred until 2027-04-14T08:00:00+02:00',
			`2027-04-14T06:00:00.000Z ${EMAIL}`,
			`2027-04-16T06:00:00.000Z ${SMS}`,
		]);
		expect(ranAt(s.h, run, 'Email: wait for the send window')).toEqual(['2027-04-13T21:10:00.000Z', '2027-04-14T06:00:00.000Z']);
	});

	it('opened at 21:30 and not paid: the SMS due 72 h later at 21:30 waits until 08:00', async () => {
		await setUp('2027-04-13T08:00:00.000Z');
		const run = await d.overdue();
		s.h.schedule('2027-04-13T19:30:00.000Z', 'the customer opens the email late in the evening', d.openEmail(run));
		await s.h.runUntilIdle();

		expect(summary(messages(s.h, run))).toEqual([
			`2027-04-13T08:00:00.000Z ${EMAIL}`,
			'2027-04-16T19:30:00.000Z SMS payment notice: deferred until 2027-04-17T08:00:00+02:00',
			`2027-04-17T06:00:00.000Z ${SMS}`,
		]);
	});

	it('over the spring DST change: 48 h after Saturday 19:30 CET is Monday 20:30 CEST, so the SMS waits until Tuesday 08:00', async () => {
		await setUp('2027-03-27T18:30:00.000Z');
		const run = await d.overdue();
		await s.h.runUntilIdle({ until: '2027-03-31T00:00:00.000Z' });

		expect(summary(messages(s.h, run))).toEqual([
			`2027-03-27T18:30:00.000Z ${EMAIL}`,
			'2027-03-29T18:30:00.000Z SMS payment notice: deferred until 2027-03-30T08:00:00+02:00',
			`2027-03-30T06:00:00.000Z ${SMS}`,
		]);
	});
});
