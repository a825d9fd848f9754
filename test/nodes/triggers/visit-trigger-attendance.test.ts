/**
 * Attendance from the booking system itself, over real HTTP: a journey parked on the Journey
 * Condition ("wait for attendance") continues on Attended / No-show the moment the Visit Trigger
 * receives the booking system's event (generic attended / no-show, Calendly's no-show, Cal.com's
 * MEETING_ENDED), not at its timeout.
 */
import { createHmac } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { closeAllStores } from '../../../lib/store';
import { timestampedHeader, type VisitFormat } from '../../../lib/webhooks';
import { fixture, payloadText, SECRET, send, triggerHarness, withParameters, type Reply, type TriggerHarness } from './support';

const journey = withParameters(fixture('s1-attendance'), 'Attendance', { waitHours: 240 });
const OUTPUT = { Attended: 1, 'No-show': 2 } as const;

/** Signs the body as the booking system does for this format. */
function signed(t: TriggerHarness, format: VisitFormat, body: string): RequestInit {
	const at = Math.floor(t.h.now().getTime() / 1000);
	const header =
		format === 'calcom'
			? { 'x-cal-signature-256': createHmac('sha256', SECRET).update(body).digest('hex') }
			: { [format === 'calendly' ? 'calendly-webhook-signature' : 'x-journey-signature']: timestampedHeader(SECRET, at, body) };
	return { method: 'POST', headers: { 'content-type': 'application/json', ...header }, body };
}

const generic = (type: string) => JSON.stringify({ event: { id: `evt-${type}`, type }, contact: { id: 'P-1001' }, visit: { id: 'V-2001' } });

interface Case {
	format: VisitFormat;
	booking: string;
	/** When the booking system reports how the visit went. */
	at: string;
	marked: string;
	status: string;
	branch: keyof typeof OUTPUT;
}

const cases: Array<[string, Case]> = [
	['generic "attended"', { format: 'generic', booking: payloadText('generic-scheduled'), at: '2027-04-15T08:50:00Z', marked: generic('attended'), status: 'attended', branch: 'Attended' }],
	['generic "no-show"', { format: 'generic', booking: payloadText('generic-scheduled'), at: '2027-04-15T08:30:00Z', marked: generic('no-show'), status: 'no-show', branch: 'No-show' }],
	[
		'Calendly invitee_no_show.created',
		{ format: 'calendly', booking: payloadText('calendly-invitee-created'), at: '2027-04-20T10:15:00Z', marked: payloadText('calendly-invitee-no-show'), status: 'no-show', branch: 'No-show' },
	],
	[
		'Cal.com MEETING_ENDED',
		{ format: 'calcom', booking: payloadText('calcom-booking-created'), at: '2027-04-15T08:46:00Z', marked: payloadText('calcom-meeting-ended'), status: 'completed', branch: 'Attended' },
	],
];

describe('Visit Trigger: attendance from the booking system wakes journeys waiting for it', () => {
	let t: TriggerHarness;

	beforeEach(async () => {
		t = await triggerHarness();
	});

	afterEach(async () => {
		await t.h.dispose();
		await closeAllStores();
	});

	function activate(format: VisitFormat): string {
		const workflow = withParameters(journey, 'Visit Trigger', { format, authentication: format === 'generic' ? 'hmac' : format } as IDataObject);
		t.h.activate(workflow);
		return t.h.webhookUrl(workflow, 'Visit Trigger');
	}

	it.each(cases)('%s resumes the parked journey on the matching branch when it arrives', async (_name, c) => {
		const url = activate(c.format);
		expect((await send(url, signed(t, c.format, c.booking))).body.started).toBe(true);
		await t.h.settled();
		const [run] = t.h.runs;
		expect(run.status).toBe('waiting');

		let marked: Reply | undefined;
		t.h.schedule(c.at, 'the booking system reports attendance', async () => {
			marked = await send(url, signed(t, c.format, c.marked));
		});
		await t.h.runUntilIdle();

		// Only "scheduled" starts this workflow: the attendance event woke the parked run instead.
		expect(marked).toMatchObject({ status: 200, body: { type: c.status, started: false, woken: 1 } });
		expect(run.status).toBe('success');
		expect(run.resumedAt.map((at) => at.toISOString())).toEqual([new Date(c.at).toISOString()]);
		const [routed] = t.h.output(run, 'Attendance', OUTPUT[c.branch]);
		expect(routed.json.condition).toMatchObject({ outcome: c.branch === 'No-show' ? 'No-Show' : 'Attended' });
		expect(routed.json.condition).not.toHaveProperty('timedOut');
		expect(t.h.executedNodes(run)).toContain(c.branch);
		expect(t.h.runs).toHaveLength(1);

		const visit = (await t.store.getVisit({ externalId: (routed.json.visit as IDataObject).id as string }))!;
		expect(visit.status).toBe(c.status);
		expect(await t.store.listEvents({ contactId: visit.contactId, types: ['attendance_marked'] })).toEqual([
			expect.objectContaining({ visitId: visit.id, intent: c.status, payload: { status: c.status, format: c.format } }),
		]);
	});

	it('records attendance once per booking-system event: a retried delivery neither records nor wakes again', async () => {
		const url = activate('generic');
		await send(url, signed(t, 'generic', payloadText('generic-scheduled')));
		await t.h.settled();
		const first = await send(url, signed(t, 'generic', generic('no-show')));
		expect(first.body).toMatchObject({ woken: 1 });
		const retry = await send(url, signed(t, 'generic', generic('no-show')));
		expect(retry.body).toEqual({ received: true, duplicate: true, eventId: 'evt-no-show' });
		await t.h.settled();

		const contact = (await t.store.findContact({ externalId: 'P-1001' }))!;
		expect(await t.store.listEvents({ contactId: contact.id, types: ['attendance_marked'] })).toHaveLength(1);
		expect(t.h.output(t.h.runs[0], 'Attendance', OUTPUT['No-show'])).toHaveLength(1);
	});

	it('a booking or a cancellation wakes nobody waiting for attendance', async () => {
		const url = activate('generic');
		await send(url, signed(t, 'generic', payloadText('generic-scheduled')));
		await t.h.settled();
		const cancelled = await send(url, signed(t, 'generic', generic('cancelled')));
		expect(cancelled.body).toMatchObject({ type: 'cancelled', started: false });
		expect(cancelled.body).not.toHaveProperty('woken');
		await t.h.settled();
		expect(t.h.runs[0].status).toBe('waiting');
		const contact = (await t.store.findContact({ externalId: 'P-1001' }))!;
		expect(await t.store.listEvents({ contactId: contact.id, types: ['attendance_marked'] })).toEqual([]);
	});
});
