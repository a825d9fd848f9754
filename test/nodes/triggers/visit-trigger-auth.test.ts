/**
 * Every authentication scheme of the Visit Trigger, over HTTP: a request that fails gets 401 with
 * a reason (never a secret), starts nothing and leaves the Journey Store untouched.
 */
import { createHmac } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { closeAllStores } from '../../../lib/store';
import { timestampedHeader } from '../../../lib/webhooks';
import { fixture, OLD_SECRET, payloadText, postSigned, SECRET, send, triggerHarness, withParameters, type Reply, type TriggerHarness } from './support';

const base = fixture('visit-trigger');
const generic = payloadText('generic-scheduled');

describe('Visit Trigger authentication', () => {
	let t: TriggerHarness;

	beforeEach(async () => {
		t = await triggerHarness();
	});

	afterEach(async () => {
		await t.h.dispose();
		await closeAllStores();
	});

	function activate(parameters: IDataObject = {}, credentials?: IDataObject) {
		const workflow = withParameters(base, 'Visit Trigger', parameters);
		if (credentials) workflow.nodes[0].credentials = credentials as never;
		t.h.activate(workflow);
		return t.h.webhookUrl(workflow, 'Visit Trigger');
	}

	async function expectRefused(reply: Reply, reason: string) {
		expect(reply.status).toBe(401);
		expect(reply.body).toEqual({ error: 'unauthorized', reason });
		expect(JSON.stringify(reply.body)).not.toContain('whsec_');
		await t.h.settled();
		expect(t.h.runs).toHaveLength(0);
		expect(await t.store.getVisit({ externalId: 'V-2001' })).toBeNull();
		expect(await t.store.findContact({ externalId: 'P-1001' })).toBeNull();
	}

	const post = (url: string, body: string, headers: Record<string, string>) =>
		send(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

	describe('HMAC (t=…,v1=…)', () => {
		it('accepts the current and the previous secret (rotation)', async () => {
			const url = activate();
			expect((await postSigned(t.h, url, generic)).status).toBe(200);
			const second = JSON.stringify({ ...JSON.parse(generic), event: { id: 'evt-2', type: 'scheduled' } });
			expect((await postSigned(t.h, url, second, { secret: OLD_SECRET })).body).toMatchObject({ started: true });
		});

		it('refuses a request without a signature', async () => {
			await expectRefused(await post(activate(), generic, {}), 'missing_signature');
		});

		it('refuses a signature made with another secret', async () => {
			await expectRefused(await postSigned(t.h, activate(), generic, { secret: 'whsec_someone_else_0000000000000000' }), 'signature_mismatch');
		});

		it('refuses a body changed after signing', async () => {
			const at = Math.floor(t.h.now().getTime() / 1000);
			const tampered = generic.replace('V-2001', 'V-9999');
			await expectRefused(await post(activate(), tampered, { 'x-journey-signature': timestampedHeader(SECRET, at, generic) }), 'signature_mismatch');
		});

		it('refuses a replay: a genuine signature older than the tolerance (300 s)', async () => {
			const url = activate();
			const old = Math.floor(t.h.now().getTime() / 1000) - 301;
			await expectRefused(await postSigned(t.h, url, generic, { at: old }), 'timestamp_out_of_tolerance');
			expect((await postSigned(t.h, url, generic, { at: old + 2 })).status).toBe(200);
		});

		it('refuses a malformed header and honours a custom header name and tolerance', async () => {
			const url = activate({ signatureHeader: 'X-Clinic-Signature', options: { timestampTolerance: 30 } });
			await expectRefused(await post(url, generic, { 'x-clinic-signature': 'sha256=abc' }), 'malformed_signature');
			const at = Math.floor(t.h.now().getTime() / 1000) - 31;
			await expectRefused(await postSigned(t.h, url, generic, { at, header: 'x-clinic-signature' }), 'timestamp_out_of_tolerance');
			expect((await postSigned(t.h, url, generic, { header: 'x-clinic-signature' })).status).toBe(200);
		});

		it('a secret replaced in the credential works on its first request, and then the replaced one is refused', async () => {
			// The secrets are kept for a few seconds per process (see lib/webhooks/signatures/secret-cache.ts).
			const credential = { secret: SECRET, previousSecrets: OLD_SECRET };
			await t.h.dispose();
			t = await triggerHarness({ journeyWebhookApi: credential });
			const url = activate();
			expect((await postSigned(t.h, url, generic)).status).toBe(200);
			const NEW_SECRET = 'whsec_rotated_in_place_0000000000000';
			Object.assign(credential, { secret: NEW_SECRET, previousSecrets: '' });
			const next = (id: string) => JSON.stringify({ ...JSON.parse(generic), event: { id, type: 'scheduled' } });
			expect((await postSigned(t.h, url, next('evt-new'), { secret: NEW_SECRET })).body).toMatchObject({ started: true });
			const stale = await postSigned(t.h, url, next('evt-stale'), { secret: SECRET });
			expect(stale.status).toBe(401);
			expect(stale.body).toEqual({ error: 'unauthorized', reason: 'signature_mismatch' });
		});

		it('refuses everything when the node has no secret credential (fails closed)', async () => {
			const url = activate({}, { journeyStoreApi: { id: '1', name: 'Journey Store' } });
			await expectRefused(await postSigned(t.h, url, generic), 'not_configured');
		});
	});

	describe("Cal.com's x-cal-signature-256", () => {
		const body = payloadText('calcom-booking-created');
		const sign = (secret: string) => createHmac('sha256', secret).update(body).digest('hex');

		it('accepts the hex HMAC of the raw body and refuses anything else', async () => {
			const url = activate({ format: 'calcom', authentication: 'calcom' });
			await expectRefused(await post(url, body, {}), 'missing_signature');
			await expectRefused(await post(url, body, { 'x-cal-signature-256': sign('wrong-secret-wrong-secret') }), 'signature_mismatch');
			await expectRefused(await post(url, body, { 'x-cal-signature-256': 'not-hex' }), 'malformed_signature');
			const ok = await post(url, body, { 'x-cal-signature-256': sign(SECRET) });
			expect(ok.status).toBe(200);
			expect(ok.body.started).toBe(true);
		});
	});

	describe("Calendly's Calendly-Webhook-Signature", () => {
		const body = payloadText('calendly-invitee-created');

		it('accepts t=…,v1=… over "t.body" and refuses old or forged ones', async () => {
			const url = activate({ format: 'calendly', authentication: 'calendly' });
			const now = Math.floor(t.h.now().getTime() / 1000);
			await expectRefused(await post(url, body, { 'calendly-webhook-signature': timestampedHeader(SECRET, now - 600, body) }), 'timestamp_out_of_tolerance');
			await expectRefused(await post(url, body, { 'calendly-webhook-signature': timestampedHeader('forged-forged-forged-forged', now, body) }), 'signature_mismatch');
			const ok = await post(url, body, { 'calendly-webhook-signature': timestampedHeader(SECRET, now, body) });
			expect(ok.status).toBe(200);
		});
	});

	describe('header token', () => {
		it('accepts the secret in the header (Bearer allowed) and refuses a wrong one', async () => {
			const url = activate({ authentication: 'headerToken', authHeader: 'Authorization' });
			await expectRefused(await post(url, generic, {}), 'missing_token');
			await expectRefused(await post(url, generic, { authorization: 'Bearer not-the-secret' }), 'token_mismatch');
			expect((await post(url, generic, { authorization: `Bearer ${SECRET}` })).status).toBe(200);
		});
	});

	it('with authentication None anything is accepted', async () => {
		const url = activate({ authentication: 'none' });
		expect((await post(url, generic, {})).body).toMatchObject({ started: true });
	});
});
