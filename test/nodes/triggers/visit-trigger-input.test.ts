/**
 * Bad input to the Visit Trigger over HTTP: 400 with field-level messages, nothing emitted, nothing
 * stored. (A body sent as application/json that does not parse gets 422 from n8n itself.)
 */
import { closeAllStores } from '../../../lib/store';
import { timestampedHeader } from '../../../lib/webhooks';
import { fixture, payload, postSigned, SECRET, send, triggerHarness, withParameters, type TriggerHarness } from './support';

const base = fixture('visit-trigger');

describe('Visit Trigger input validation', () => {
	let t: TriggerHarness;
	let url: string;

	beforeEach(async () => {
		t = await triggerHarness();
		const workflow = withParameters(base, 'Visit Trigger', { options: { defaultRegion: 'PL', maxBodySize: 2 } });
		t.h.activate(workflow);
		url = t.h.webhookUrl(workflow, 'Visit Trigger');
	});

	afterEach(async () => {
		await t.h.dispose();
		await closeAllStores();
	});

	async function expectInvalid(body: unknown, fields: Array<{ field: string; message: string | RegExp }>) {
		const reply = await postSigned(t.h, url, typeof body === 'string' ? body : JSON.stringify(body));
		expect(reply.status).toBe(400);
		expect(reply.body.error).toBe('invalid_payload');
		expect(reply.body.fields).toHaveLength(fields.length);
		fields.forEach((expected, index) => {
			expect(reply.body.fields[index].field).toBe(expected.field);
			expect(reply.body.fields[index].message).toMatch(expected.message);
		});
		await t.h.settled();
		expect(t.h.runs).toHaveLength(0);
		expect(await t.store.getVisit({ externalId: 'V-2001' })).toBeNull();
	}

	const good = () => payload('generic-scheduled') as any;

	it('names every missing required field', async () => {
		await expectInvalid({ visit: {} }, [
			{ field: 'event.type', message: /is required/ },
			{ field: 'contact.id', message: /is required, or else a usable contact email or phone/ },
			{ field: 'visit.id', message: 'is required' },
			{ field: 'visit.start', message: 'is required' },
		]);
	});

	it('refuses an unknown event type, an unparsable date and an unknown time zone', async () => {
		const body = good();
		body.event.type = 'booked';
		body.contact.timeZone = 'Europe/Atlantis';
		body.visit.start = '15.04.2027 10:00';
		await expectInvalid(body, [
			{ field: 'event.type', message: /"booked" is not one of/ },
			{ field: 'contact.timeZone', message: /unknown time zone "Europe\/Atlantis"/ },
			{ field: 'visit.start', message: /is not an ISO 8601 date-time/ },
		]);
	});

	it('refuses a local time when the contact has no time zone, and an end before the start', async () => {
		const body = good();
		delete body.contact.timeZone;
		body.visit.end = '2027-04-15T07:00:00Z';
		await expectInvalid(body, [{ field: 'visit.start', message: /has no UTC offset and the contact has no time zone/ }]);
		body.visit.start = '2027-04-15T08:00:00Z';
		await expectInvalid(body, [{ field: 'visit.end', message: 'is before visit.start' }]);
	});

	it('refuses a body that is not JSON (sent as text/plain) and one that is not an object', async () => {
		const at = Math.floor(t.h.now().getTime() / 1000);
		const text = 'visit=V-2001&start=tomorrow';
		const reply = await send(url, { method: 'POST', headers: { 'content-type': 'text/plain', 'x-journey-signature': timestampedHeader(SECRET, at, text) }, body: text });
		expect(reply.status).toBe(400);
		expect(reply.body).toEqual({ error: 'invalid_payload', fields: [{ field: 'body', message: 'is not valid JSON' }] });
		await expectInvalid('[1,2,3]', [{ field: 'body', message: 'must be a JSON object' }]);
	});

	it('gets 422 from n8n for application/json that does not parse, before the node runs', async () => {
		const reply = await send(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"visit": ' });
		expect(reply.status).toBe(422);
	});

	it('refuses a body over the size limit before checking anything else', async () => {
		const body = good();
		body.padding = 'x'.repeat(3000);
		const reply = await send(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		expect(reply.status).toBe(400);
		expect(reply.body.fields).toEqual([{ field: 'body', message: expect.stringMatching(/over the 2 KB limit/) }]);
	});

	it('refuses a status event for a visit the store does not know and gives no start', async () => {
		await expectInvalid({ event: { id: 'e9', type: 'no-show' }, contact: { id: 'P-1001' }, visit: { id: 'V-2001' } }, [
			{ field: 'visit.start', message: /the Journey Store does not know this visit yet/ },
		]);
	});

	it('accepts a booking with a mistyped phone, dropping the phone with a warning', async () => {
		const body = good();
		body.contact.phone = '12';
		const reply = await postSigned(t.h, url, JSON.stringify(body));
		expect(reply.status).toBe(200);
		expect(reply.body.warnings).toEqual([{ field: 'contact.phone', message: expect.stringMatching(/ignored$/) }]);
		expect(await t.store.findContact({ externalId: 'P-1001' })).toMatchObject({ phone: null, email: 'anna.nowak@example.com' });
	});
});
