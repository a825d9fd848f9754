/**
 * Quiet-Hours Delay on the real engine with a virtual clock: the S1 reminder timeline (08:00 local
 * two days before and on the visit day), across DST changes and holidays, the past-due policies,
 * batches, and the `schedule` the resumed items carry.
 */
import { describeSchedule } from '../../../lib/time';
import { JourneyHarness } from '../../harness';
import { delaySubtitle } from '../../../nodes/QuietHoursDelay/properties';
import { fixture, jsonOf, ranAt, visitItem, withNode } from './support';

let h: JourneyHarness;

afterEach(async () => await h?.dispose());

describe('Quiet-Hours Delay: the S1 reminder timeline', () => {
	it('a visit on Thursday 15 April 10:00 Warsaw: email Tue 13 Apr 08:00 and SMS Thu 15 Apr 08:00, each resumed item carrying its schedule', async () => {
		h = await JourneyHarness.create({ start: '2027-04-10T12:00:00.000Z' });
		const run = await h.start(fixture('s1-reminders'), { items: [visitItem({ start: '2027-04-15T08:00:00.000Z' })] });
		expect(run.status).toBe('waiting');
		expect(run.waitTill?.toISOString()).toBe('2027-04-13T06:00:00.000Z');
		// n8n stores a parked execution as JSON and reads it back to resume it.
		run.data = JSON.parse(JSON.stringify(run.data)) as typeof run.data;

		await h.runUntilIdle();

		expect(run.status).toBe('success');
		expect(ranAt(h, run, 'Email reminder')).toEqual(['2027-04-13T06:00:00.000Z']);
		expect(ranAt(h, run, 'SMS reminder')).toEqual(['2027-04-15T06:00:00.000Z']);
		// On a timed resume n8n does not run the delay again; the schedule rode along in its parked input.
		const [email] = h.output(run, 'Email reminder');
		expect(email.json.schedule).toEqual({
			scheduledFor: '2027-04-13T08:00:00+02:00',
			zone: 'Europe/Warsaw',
			explanation: 'Tue 13 Apr 08:00 Europe/Warsaw: 2 days before the visit, moved to 08:00 (window 08:00–20:00)',
		});
		const [sms] = h.output(run, 'SMS reminder');
		expect(sms.json.schedule).toMatchObject({ scheduledFor: '2027-04-15T08:00:00+02:00' });
		expect(sms.json.visit).toMatchObject({ id: 'v-100', start: '2027-04-15T08:00:00.000Z' });
		expect(h.output(run, 'Skipped')).toEqual([]);
	});

	it.each([
		// [case, visit start (UTC), expected email (UTC), expected SMS (UTC)]
		['Thursday 25 March, the week before spring-forward (CET)', '2027-03-25T09:00:00.000Z', '2027-03-23T07:00:00.000Z', '2027-03-25T07:00:00.000Z'],
		['Thursday 1 April, the week after spring-forward (CEST)', '2027-04-01T08:00:00.000Z', '2027-03-30T06:00:00.000Z', '2027-04-01T06:00:00.000Z'],
		['Monday 29 March: the two days span the clocks going forward', '2027-03-29T08:00:00.000Z', '2027-03-27T07:00:00.000Z', '2027-03-29T06:00:00.000Z'],
		['Monday 1 November: the two days span the clocks going back', '2027-11-01T09:00:00.000Z', '2027-10-30T06:00:00.000Z', '2027-11-01T07:00:00.000Z'],
	])('%s: both reminders at 08:00 local', async (_case, visitStart, emailAt, smsAt) => {
		h = await JourneyHarness.create({ start: new Date(Date.parse(visitStart) - 6 * 86_400_000) });
		const run = await h.start(fixture('s1-reminders'), { items: [visitItem({ start: visitStart })] });
		await h.runUntilIdle();
		expect(run.status).toBe('success');
		expect(ranAt(h, run, 'Email reminder')).toEqual([emailAt]);
		expect(ranAt(h, run, 'SMS reminder')).toEqual([smsAt]);
		const [sms] = h.output(run, 'SMS reminder');
		expect((sms.json.schedule as { scheduledFor: string }).scheduledFor).toMatch(/T08:00:00\+0[12]:00$/);
	});

	it('a reminder falling on a Polish public holiday (Easter Monday 2027) moves to the next day 08:00 and says why', async () => {
		h = await JourneyHarness.create({ start: '2027-03-20T12:00:00.000Z' });
		const workflow = withNode(fixture('delay-single'), 'Delay', { holidayCountry: 'PL' });
		// Visit Wednesday 31 March 10:00: two days before is Easter Monday.
		const run = await h.start(workflow, { items: [visitItem({ start: '2027-03-31T08:00:00.000Z' })] });
		expect(run.waitTill?.toISOString()).toBe('2027-03-30T06:00:00.000Z');
		await h.runUntilIdle();
		const [due] = h.output(run, 'Due');
		expect(due.json.schedule).toMatchObject({ scheduledFor: '2027-03-30T08:00:00+02:00' });
		expect((due.json.schedule as { explanation: string }).explanation).toMatch(/Mon 29 Mar is a public holiday \(.+\)/);
	});

	it("without the contact's zone it uses the workflow's time zone and says so", async () => {
		h = await JourneyHarness.create({ start: '2027-04-10T12:00:00.000Z' });
		const workflow = fixture('delay-single');
		workflow.settings = { ...workflow.settings, timezone: 'America/New_York' };
		const run = await h.start(workflow, { items: [visitItem({ start: '2027-04-15T14:00:00.000Z', timeZone: null })] });
		expect(run.waitTill?.toISOString()).toBe('2027-04-13T12:00:00.000Z');
		await h.runUntilIdle();
		const [due] = h.output(run, 'Due');
		expect(due.json.schedule).toMatchObject({ scheduledFor: '2027-04-13T08:00:00-04:00', zone: 'America/New_York' });
		expect((due.json.schedule as { explanation: string }).explanation).toContain('used the fallback America/New_York');
	});
});

describe('Quiet-Hours Delay: a visit booked less than two days ahead (past-due policies)', () => {
	// Visit Thursday 15 April 10:00 Warsaw; "2 days before at 08:00" (Tue 13 Apr) has passed.
	const visit = () => visitItem({ start: '2027-04-15T08:00:00.000Z' });

	it('"continue now if inside the window": booked Wednesday 12:00, the email goes at once and the SMS on Thursday 08:00', async () => {
		h = await JourneyHarness.create({ start: '2027-04-14T10:00:00.000Z' });
		const run = await h.start(fixture('s1-reminders'), { items: [visit()] });
		expect(ranAt(h, run, 'Email reminder')).toEqual(['2027-04-14T10:00:00.000Z']);
		expect(run.waitTill?.toISOString()).toBe('2027-04-15T06:00:00.000Z');
		const [email] = h.output(run, 'Email reminder');
		expect((email.json.schedule as { explanation: string }).explanation).toContain('target Tue 13 Apr 08:00 already passed: sending now (inside the window)');
		await h.runUntilIdle();
		expect(ranAt(h, run, 'SMS reminder')).toEqual(['2027-04-15T06:00:00.000Z']);
	});

	it('"continue now if inside the window": booked Wednesday 21:00 (quiet hours), the email waits for Thursday 08:00', async () => {
		h = await JourneyHarness.create({ start: '2027-04-14T19:00:00.000Z' });
		const run = await h.start(fixture('s1-reminders'), { items: [visit()] });
		expect(run.waitTill?.toISOString()).toBe('2027-04-15T06:00:00.000Z');
		await h.runUntilIdle();
		expect(ranAt(h, run, 'Email reminder')).toEqual(['2027-04-15T06:00:00.000Z']);
		expect(ranAt(h, run, 'SMS reminder')).toEqual(['2027-04-15T06:00:00.000Z']);
	});

	it('"next window opening": booked Wednesday 12:00, the email waits for Thursday 08:00', async () => {
		h = await JourneyHarness.create({ start: '2027-04-14T10:00:00.000Z' });
		const workflow = withNode(fixture('s1-reminders'), '2 days before at 08:00', { pastDue: 'nextWindow' });
		const run = await h.start(workflow, { items: [visit()] });
		expect(run.waitTill?.toISOString()).toBe('2027-04-15T06:00:00.000Z');
		await h.runUntilIdle();
		expect(ranAt(h, run, 'Email reminder')).toEqual(['2027-04-15T06:00:00.000Z']);
		const [email] = h.output(run, 'Email reminder');
		expect((email.json.schedule as { explanation: string }).explanation).toContain('next window opening');
	});

	it('"skip": booked Wednesday 12:00, the item goes to Skipped at once and no reminder is sent', async () => {
		h = await JourneyHarness.create({ start: '2027-04-14T10:00:00.000Z' });
		const workflow = withNode(fixture('s1-reminders'), '2 days before at 08:00', { pastDue: 'skip' });
		const run = await h.start(workflow, { items: [visit()] });
		expect(run.status).toBe('success');
		expect(h.executedNodes(run)).toEqual(['Start', '2 days before at 08:00', 'Skipped']);
		const [skipped] = h.output(run, 'Skipped');
		expect(skipped.json.schedule).toMatchObject({ skipped: true, scheduledFor: '2027-04-13T08:00:00+02:00' });
		expect((skipped.json.schedule as { explanation: string }).explanation).toMatch(/^Skipped: /);
	});
});

describe('Quiet-Hours Delay: short waits and batches', () => {
	it('waits under 65 s in process, as the Wait node does, without parking the execution', async () => {
		h = await JourneyHarness.create({ start: '2027-04-13T08:59:58.500Z' });
		const workflow = withNode(fixture('delay-single'), 'Delay', { amount: 0, timeOfDay: '', anchorDate: '2027-04-13T09:00:00.000Z' });
		const run = await h.start(workflow, { items: [visitItem()] });
		expect(run.status).toBe('success');
		expect(run.resumedAt).toEqual([]);
		expect(h.output(run, 'Due')[0].json.schedule).toMatchObject({ scheduledFor: '2027-04-13T11:00:00+02:00' });
	});

	it('several items due at the same instant wait together and all resume with their schedule', async () => {
		h = await JourneyHarness.create({ start: '2027-04-10T12:00:00.000Z' });
		const items = [visitItem({ visitId: 'v-1', start: '2027-04-15T08:00:00.000Z' }), visitItem({ visitId: 'v-2', start: '2027-04-15T12:30:00.000Z' })];
		const run = await h.start(fixture('delay-single'), { items });
		expect(run.waitTill?.toISOString()).toBe('2027-04-13T06:00:00.000Z');
		await h.runUntilIdle();
		expect(jsonOf(h.output(run, 'Due')).map((json) => [(json.visit as { id: string }).id, (json.schedule as { scheduledFor: string }).scheduledFor])).toEqual([
			['v-1', '2027-04-13T08:00:00+02:00'],
			['v-2', '2027-04-13T08:00:00+02:00'],
		]);
	});

	it('items with different send times fail with an error that says how to fan out, before anything waits', async () => {
		h = await JourneyHarness.create({ start: '2027-04-10T12:00:00.000Z' });
		const items = [visitItem({ visitId: 'v-1', start: '2027-04-15T08:00:00.000Z' }), visitItem({ visitId: 'v-2', start: '2027-04-16T08:00:00.000Z' })];
		const run = await h.start(fixture('delay-single'), { items });
		expect(run.status).toBe('error');
		expect(run.errorMessage).toBe('Item 1: has another send time (2027-04-14T08:00:00+02:00) while item 0 continues at 2027-04-13T08:00:00+02:00');
		expect(h.taskData(run, 'Delay')?.error?.description).toMatch(/Execute Workflow node \(mode "Run once for each item"\)/);
	});
});

describe('Quiet-Hours Delay: bad input names the field and the item', () => {
	const start = '2027-04-10T12:00:00.000Z';
	const good = () => visitItem({ visitId: 'v-ok' });

	it.each([
		['a missing date', { visit: { id: 'v-bad', start: null, version: 1 } }, {}, 'Item 1: Date: is empty; the item has no date to count from (e.g. no visit.start)'],
		['an unparsable date', { visit: { id: 'v-bad', start: 'next Thursday', version: 1 } }, {}, /^Item 1: Date: cannot read "next Thursday" as a date-time/],
		['an unknown zone', { contact: { id: 'p-x', timeZone: 'Europe/Atlantis' } }, {}, /^Item 1: Time Zone: unknown time zone "Europe\/Atlantis"/],
		[
			'a window ending before it starts',
			{ window: { end: '08:00' } },
			{ sendWindowStart: '20:00', sendWindowEnd: "={{ $json.window?.end ?? '21:00' }}" },
			/^Item 1: Send Window End: must be after Send Window Start \(20:00\)/,
		],
	])('%s stops the run with a NodeOperationError', async (_case, override, parameters, message) => {
		h = await JourneyHarness.create({ start });
		const bad = visitItem({ visitId: 'v-bad' });
		Object.assign(bad.json, override);
		const run = await h.start(withNode(fixture('delay-single'), 'Delay', parameters), { items: [good(), bad] });
		expect(run.status).toBe('error');
		expect(run.errorMessage).toEqual(message instanceof RegExp ? expect.stringMatching(message) : message);
		const error = h.taskData(run, 'Delay')?.error as unknown as { context: { itemIndex: number }; name: string };
		expect(error.context.itemIndex).toBe(1);
		expect(error.name).toBe('NodeOperationError');
	});

	it('with "continue (using error output)" the bad item goes to the error output and the good one waits', async () => {
		h = await JourneyHarness.create({ start });
		const bad = visitItem({ visitId: 'v-bad' });
		(bad.json.contact as { timeZone: string }).timeZone = 'Europe/Atlantis';
		const workflow = withNode(fixture('delay-single'), 'Delay', {}, { onError: 'continueErrorOutput' });
		const run = await h.start(workflow, { items: [bad] });
		expect(run.status).toBe('success');
		expect(h.output(run, 'Errors')[0].json.error).toMatch(/^Item 0: Time Zone: unknown time zone/);
		expect(h.output(run, 'Due')).toEqual([]);
	});

	it('with "continue" the bad item rides along on the Due output, marked with its error, and the good one still waits', async () => {
		h = await JourneyHarness.create({ start });
		const workflow = withNode(fixture('delay-single'), 'Delay', {}, { onError: 'continueRegularOutput' });
		const bad = visitItem({ visitId: 'v-bad' });
		(bad.json.visit as { start: string }).start = '';
		const run = await h.start(workflow, { items: [good(), bad] });
		expect(run.waitTill?.toISOString()).toBe('2027-04-13T06:00:00.000Z');
		await h.runUntilIdle();
		const due = jsonOf(h.output(run, 'Due'));
		expect(due).toHaveLength(2);
		expect(due[0].schedule).toMatchObject({ scheduledFor: '2027-04-13T08:00:00+02:00' });
		expect(due[1]).toEqual({ error: 'Item 1: Date: is empty; the item has no date to count from (e.g. no visit.start)' });
	});
});

describe('Quiet-Hours Delay: subtitle', () => {
	it.each([
		[{ direction: 'before', amount: 2, unit: 'days', timeOfDay: '08:00' }],
		[{ direction: 'after', amount: 3, unit: 'months', timeOfDay: '' }],
		[{ direction: 'after', amount: 1, unit: 'hours', timeOfDay: '' }],
		[{ direction: 'before', amount: 0, unit: 'days', timeOfDay: '08:00' }],
		[{ direction: 'before', amount: 0, unit: 'days', timeOfDay: '' }],
	])('matches lib/time describeSchedule for %j', (parameters) => {
		const expected = describeSchedule({
			offset: { direction: parameters.direction as 'before' | 'after', amount: parameters.amount, unit: parameters.unit as 'days' },
			localTime: parameters.timeOfDay,
		});
		expect(delaySubtitle({ anchor: 'field', ...parameters })).toBe(expected);
	});

	it('reads "2 days before · 08:00" for the S1 first reminder', () => {
		expect(delaySubtitle({ anchor: 'field', direction: 'before', amount: 2, unit: 'days', timeOfDay: '08:00' })).toBe('2 days before · 08:00');
	});
});
