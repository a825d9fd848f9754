/**
 * Cal.com and Calendly payloads (real shapes, test/fixtures/triggers/payloads) and a booking
 * system's own JSON read through JSON paths, through the Visit Trigger over HTTP.
 */
import { createHmac } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { closeAllStores } from '../../../lib/store';
import { timestampedHeader } from '../../../lib/webhooks';
import { fixture, jsonOf, payloadText, postSigned, SECRET, send, triggerHarness, withParameters, type TriggerHarness } from './support';

const base = fixture('visit-trigger');
const ALL = ['scheduled', 'rescheduled', 'cancelled', 'attended', 'no-show', 'completed'];

describe('Visit Trigger payload formats', () => {
	let t: TriggerHarness;

	beforeEach(async () => {
		t = await triggerHarness();
	});

	afterEach(async () => {
		await t.h.dispose();
		await closeAllStores();
	});

	function activate(parameters: IDataObject) {
		const workflow = withParameters(base, 'Visit Trigger', parameters);
		t.h.activate(workflow);
		return t.h.webhookUrl(workflow, 'Visit Trigger');
	}

	const items = async () => {
		await t.h.settled();
		return t.h.runs.map((run) => jsonOf(t.h.output(run, 'Journey'))[0]);
	};

	describe('Cal.com', () => {
		let url: string;
		const post = (body: string) =>
			send(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-cal-signature-256': createHmac('sha256', SECRET).update(body).digest('hex') }, body });

		beforeEach(() => {
			url = activate({ format: 'calcom', authentication: 'calcom', events: ALL });
		});

		it('follows a booking through reschedule, cancellation and the end of the meeting as one visit', async () => {
			for (const name of ['calcom-booking-created', 'calcom-booking-rescheduled', 'calcom-booking-cancelled', 'calcom-meeting-ended']) {
				const reply = await post(payloadText(name));
				expect([name, reply.status, reply.body.started]).toEqual([name, 200, true]);
			}
			const [created, rescheduled, cancelled, ended] = await items();
			expect(created).toMatchObject({
				event: { type: 'scheduled', source: 'calcom', id: expect.stringMatching(/^derived:[0-9a-f]{32}$/) },
				contact: { id: 'anna.nowak@example.com', name: 'Anna Nowak', email: 'anna.nowak@example.com', phone: '+48601234567', timeZone: 'Europe/Warsaw', locale: 'pl' },
				visit: {
					id: 'qGDMWyZkfkjt3yhcpQGxh8@Cal.com',
					service: 'Hygiene',
					location: 'Clinic Centrum, ul. Marszałkowska 10, Warszawa',
					staff: 'Dr Maria Kowalska',
					start: '2027-04-15T08:00:00.000Z',
					end: '2027-04-15T08:45:00.000Z',
					status: 'scheduled',
					version: 1,
				},
			});
			// Cal.com gives the rescheduled booking a new uid but keeps its iCalUID: the same visit, version 2.
			expect(rescheduled).toMatchObject({ event: { type: 'rescheduled' }, visit: { id: created.visit.id, start: '2027-04-16T12:00:00.000Z', status: 'rescheduled', version: 2 } });
			expect(cancelled).toMatchObject({ event: { type: 'cancelled' }, visit: { status: 'cancelled', version: 2 } });
			expect(ended).toMatchObject({ event: { type: 'completed' }, visit: { status: 'completed', version: 2 } });
			expect(new Set([created, rescheduled, cancelled, ended].map((item) => item.event.id)).size).toBe(4);
		});

		it('answers the PING test and events it does not handle with 200 and starts nothing', async () => {
			const ping = JSON.stringify({ triggerEvent: 'PING', createdAt: '2027-04-13T05:00:00Z', payload: { type: 'Test', title: 'Test trigger event' } });
			expect((await post(ping)).body).toEqual({ received: true, ignored: true, reason: 'Cal.com event "PING" is not a visit event this trigger handles' });
			expect((await items()).length).toBe(0);
		});

		it('a retried delivery (same bytes) is a duplicate; the derived ID is documented, not random', async () => {
			const body = payloadText('calcom-booking-created');
			const first = await post(body);
			const second = await post(body);
			expect(second.body).toEqual({ received: true, duplicate: true, eventId: first.body.eventId });
		});
	});

	describe('Calendly', () => {
		let url: string;
		const post = (body: string) =>
			send(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'calendly-webhook-signature': timestampedHeader(SECRET, Math.floor(t.h.now().getTime() / 1000), body) },
				body,
			});

		beforeEach(() => {
			url = activate({ format: 'calendly', authentication: 'calendly', events: ALL });
		});

		it('a booking, then a reschedule: the old visit is cancelled quietly, the new one starts a "rescheduled" journey', async () => {
			expect((await post(payloadText('calendly-invitee-created'))).body.started).toBe(true);
			const cancelHalf = await post(payloadText('calendly-invitee-canceled-rescheduled'));
			expect(cancelHalf.body).toMatchObject({ started: false, type: 'cancelled', reason: expect.stringMatching(/half of a reschedule/) });
			expect((await post(payloadText('calendly-invitee-created-rescheduled'))).body.started).toBe(true);

			const [created, moved] = await items();
			expect(created).toMatchObject({
				event: { type: 'scheduled', source: 'calendly' },
				contact: { id: 'jan.kowalski@example.com', name: 'Jan Kowalski', phone: '+48602345678', timeZone: 'Europe/Warsaw', locale: null },
				visit: { id: 'AAAAAAAAAAAAAAAA', service: 'Dental check-up', location: 'Clinic Mokotów, ul. Puławska 99', staff: 'Dr Ewa Nowicka', start: '2027-04-20T09:00:00.000Z', end: '2027-04-20T09:30:00.000Z', status: 'scheduled' },
			});
			expect(moved).toMatchObject({ event: { type: 'rescheduled' }, contact: { id: 'jan.kowalski@example.com' }, visit: { id: 'DDDDDDDDDDDDDDDD', start: '2027-04-22T13:00:00.000Z', status: 'rescheduled', version: 1 } });
			expect(await t.store.getVisit({ externalId: 'AAAAAAAAAAAAAAAA' })).toMatchObject({ status: 'cancelled' });
		});

		it('the reschedule halves in the other order end the same way', async () => {
			await post(payloadText('calendly-invitee-created'));
			await post(payloadText('calendly-invitee-created-rescheduled'));
			await post(payloadText('calendly-invitee-canceled-rescheduled'));
			expect(await t.store.getVisit({ externalId: 'AAAAAAAAAAAAAAAA' })).toMatchObject({ status: 'cancelled' });
			expect(await t.store.getVisit({ externalId: 'DDDDDDDDDDDDDDDD' })).toMatchObject({ status: 'rescheduled' });
		});

		it('no-show and cancellation set the status of the visit', async () => {
			await post(payloadText('calendly-invitee-created'));
			expect((await post(payloadText('calendly-invitee-no-show'))).body).toMatchObject({ started: true, type: 'no-show' });
			await post(payloadText('calendly-invitee-created-rescheduled'));
			expect((await post(payloadText('calendly-invitee-canceled'))).body).toMatchObject({ started: true, type: 'cancelled' });
			expect(await t.store.getVisit({ externalId: 'AAAAAAAAAAAAAAAA' })).toMatchObject({ status: 'no-show' });
			expect(await t.store.getVisit({ externalId: 'DDDDDDDDDDDDDDDD' })).toMatchObject({ status: 'cancelled' });
		});
	});

	describe('generic JSON with field mapping', () => {
		it("reads a booking system's own shape through JSON paths and its own event names", async () => {
			const url = activate({
				fieldMapping: {
					eventType: 'action',
					contactId: 'client.number',
					contactName: 'client.fullName',
					contactEmail: 'client.mail',
					contactPhone: 'client.contacts[0].value',
					contactTimeZone: 'client.tz',
					contactLocale: 'client.lang',
					visitId: 'appointment.ref',
					visitService: 'appointment.treatment.name',
					visitLocation: 'appointment.branch',
					visitStaff: 'appointment.practitioner',
					visitStart: 'appointment.when.from',
					visitEnd: 'appointment.when.to',
				},
				eventTypeValues: 'appointment.booked=scheduled, appointment.moved=rescheduled',
			});
			const reply = await postSigned(t.h, url, payloadText('custom-system-booked'));
			expect(reply.body).toMatchObject({ started: true, type: 'scheduled' });
			const [item] = await items();
			expect(item).toMatchObject({
				contact: { id: '5521', name: 'Olga Petrova', email: 'olga.petrova@example.com', phone: '+48603111222', timeZone: 'Europe/Warsaw', locale: 'ru' },
				visit: { id: 'A-77', service: 'Implant check', location: 'Kraków Old Town', staff: 'Dr Jan Wiśniewski', start: '2027-04-19T12:00:00.000Z', end: '2027-04-19T12:30:00.000Z' },
			});
			const broken = JSON.stringify({ action: 'appointment.booked', client: { number: 5521 }, appointment: { ref: 'A-78' } });
			const refused = await postSigned(t.h, url, broken);
			expect(refused.body.fields).toEqual([{ field: 'appointment.when.from', message: 'is required' }]);
		});
	});
});
