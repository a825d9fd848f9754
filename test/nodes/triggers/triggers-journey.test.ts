/**
 * Both triggers and the Journey Condition together, over real HTTP: a booking starts a journey that
 * parks until the clinic marks attendance; the clinic's check-in posted to the Journey Event Trigger
 * sets the visit status and wakes the parked run through its n8n resume URL.
 */
import { closeAllStores } from '../../../lib/store';
import { eventHarness, type EventHarness } from './event-support';
import { fixture, payloadText, postSigned } from './support';

const journey = fixture('s1-attendance');

describe('Visit Trigger → Journey Condition (wait for attendance) ← Journey Event Trigger', () => {
	let t: EventHarness;

	beforeEach(async () => {
		t = await eventHarness({ startOn: [] });
		t.h.activate(journey);
	});

	afterEach(async () => {
		await t.h.dispose();
		await closeAllStores();
	});

	it.each([
		['attended', 'Attended'],
		['no-show', 'No-show'],
	])('check-in "%s" resumes the waiting journey on "%s" right away', async (status, branch) => {
		const booked = await postSigned(t.h, t.h.webhookUrl(journey, 'Visit Trigger'), payloadText('generic-scheduled'));
		expect(booked.body.started).toBe(true);
		await t.h.settled();
		const [run] = t.h.runs;
		expect(run.status).toBe('waiting');
		expect(run.waitTill?.toISOString()).toBe('2027-04-16T06:00:00.000Z');

		const checkIn = await postSigned(t.h, t.url, JSON.stringify({ type: 'attendance_marked', id: `checkin-${status}`, visitId: 'V-2001', status }));
		expect(checkIn.body).toMatchObject({ woken: 1, started: false });
		await t.h.settled();

		expect(run.status).toBe('success');
		expect(run.resumedAt.map((at) => at.toISOString())).toEqual(['2027-04-13T06:00:00.000Z']);
		const [resumed] = t.h.output(run, 'Attendance', branch === 'Attended' ? 1 : 2);
		expect(resumed.json.condition).toMatchObject({ outcome: branch === 'Attended' ? 'Attended' : 'No-Show', event: { type: 'attendance_marked', intent: status } });
		expect(t.h.executedNodes(run)).toContain(branch);
		expect(t.h.runs).toHaveLength(1);
	});
});
