/**
 * The Visit Trigger over real HTTP in the engine harness, with the generic JSON format: what it
 * emits, what it writes to the Journey Store before the journey starts, dedup and the event filter.
 */
import { closeAllStores } from '../../../lib/store';
import { fixture, jsonOf, payloadText, postSigned, triggerHarness, withParameters, type TriggerHarness } from './support';

const workflow = fixture('visit-trigger');

describe('Visit Trigger (generic JSON over HTTP)', () => {
	let t: TriggerHarness;
	let url: string;

	beforeEach(async () => {
		t = await triggerHarness();
		t.h.activate(workflow);
		url = t.h.webhookUrl(workflow, 'Visit Trigger');
	});

	afterEach(async () => {
		await t.h.dispose();
		await closeAllStores();
	});

	it('starts one execution with the normalized item, after writing contact and visit to the store', async () => {
		const reply = await postSigned(t.h, url, payloadText('generic-scheduled'));
		expect(reply.status).toBe(200);
		expect(reply.body).toMatchObject({ received: true, started: true, eventId: 'evt-1001', type: 'scheduled', visitVersion: 1 });
		await t.h.settled();

		expect(t.h.runs).toHaveLength(1);
		const [item] = jsonOf(t.h.output(t.h.runs[0], 'Journey'));
		expect(item).toMatchObject({
			event: { id: 'evt-1001', type: 'scheduled', source: 'generic', receivedAt: '2027-04-13T06:00:00.000Z' },
			contact: { id: 'P-1001', name: 'Anna Nowak', email: 'anna.nowak@example.com', phone: '+48601234567', timeZone: 'Europe/Warsaw', locale: 'pl-PL' },
			visit: {
				id: 'V-2001',
				service: 'Hygiene',
				location: 'Clinic Centrum',
				staff: 'Dr Maria Kowalska',
				start: '2027-04-15T08:00:00.000Z',
				end: '2027-04-15T08:45:00.000Z',
				status: 'scheduled',
				version: 1,
			},
		});
		expect(item.raw).toMatchObject({ visit: { id: 'V-2001' } });

		const contact = await t.store.findContact({ externalId: 'P-1001' });
		expect(contact).toMatchObject({ phone: '+48601234567', email: 'anna.nowak@example.com', timeZone: 'Europe/Warsaw' });
		expect(await t.store.getVisit({ externalId: 'V-2001' })).toMatchObject({ contactId: contact!.id, status: 'scheduled', version: 1 });
	});

	it('answers a retried delivery with duplicate: true and starts nothing more', async () => {
		const body = payloadText('generic-scheduled');
		expect((await postSigned(t.h, url, body)).body.started).toBe(true);
		const again = await postSigned(t.h, url, body);
		expect(again.status).toBe(200);
		expect(again.body).toEqual({ received: true, duplicate: true, eventId: 'evt-1001' });
		await t.h.settled();
		expect(t.h.runs).toHaveLength(1);
	});

	it('a new time bumps the visit version (keeping its length); a "scheduled" that moves the slot is emitted as rescheduled', async () => {
		const first = JSON.parse(payloadText('generic-scheduled'));
		await postSigned(t.h, url, JSON.stringify(first));
		const moved = { ...first, event: { id: 'evt-1002', type: 'scheduled' }, visit: { ...first.visit, start: '2027-04-16T12:00:00+02:00', end: null } };
		const reply = await postSigned(t.h, url, JSON.stringify(moved));
		expect(reply.body).toMatchObject({ started: true, type: 'rescheduled', visitVersion: 2 });
		await t.h.settled();
		const [item] = jsonOf(t.h.output(t.h.runs[1], 'Journey'));
		expect(item.visit).toMatchObject({ start: '2027-04-16T10:00:00.000Z', end: '2027-04-16T10:45:00.000Z', status: 'rescheduled', version: 2 });
		expect(await t.store.getVisit({ externalId: 'V-2001' })).toMatchObject({ version: 2, status: 'rescheduled' });
	});

	it('a filtered-out cancellation updates the store (waiting journeys see it) but starts nothing', async () => {
		const booked = JSON.parse(payloadText('generic-scheduled'));
		await postSigned(t.h, url, JSON.stringify(booked));
		const cancelled = { event: { id: 'evt-1003', type: 'Canceled' }, contact: { id: 'P-1001' }, visit: { id: 'V-2001' } };
		const reply = await postSigned(t.h, url, JSON.stringify(cancelled));
		expect(reply.status).toBe(200);
		expect(reply.body).toMatchObject({ received: true, started: false, type: 'cancelled' });
		expect(reply.body.reason).toMatch(/do not start this workflow/);
		await t.h.settled();
		expect(t.h.runs).toHaveLength(1);
		expect(await t.store.getVisit({ externalId: 'V-2001' })).toMatchObject({ status: 'cancelled', version: 1 });
	});

	it('starts on the event types chosen in "Start Workflow On"', async () => {
		const onlyCancel = withParameters(workflow, 'Visit Trigger', { events: ['cancelled'] });
		t.h.activate(onlyCancel);
		const cancelUrl = t.h.webhookUrl(onlyCancel, 'Visit Trigger');
		const booked = JSON.parse(payloadText('generic-scheduled'));
		expect((await postSigned(t.h, cancelUrl, JSON.stringify(booked))).body.started).toBe(false);
		const cancelled = { event: { id: 'evt-1004', type: 'cancelled' }, contact: { id: 'P-1001' }, visit: { id: 'V-2001' } };
		expect((await postSigned(t.h, cancelUrl, JSON.stringify(cancelled))).body.started).toBe(true);
		await t.h.settled();
		expect(jsonOf(t.h.output(t.h.runs[0], 'Journey'))[0]).toMatchObject({ event: { type: 'cancelled' }, visit: { status: 'cancelled', start: '2027-04-15T08:00:00.000Z' } });
	});
});
