/**
 * Email open pixel, click redirect and one-click unsubscribe through the Journey Event Trigger over
 * HTTP, with tokens made by lib/tracking as the Send node makes them. No open redirect: a click goes
 * only to a URL its token was signed for and that the stored message contains.
 */
import { closeAllStores } from '../../../lib/store';
import { clickUrl, openPixelUrl, unsubscribeUrl } from '../../../lib/tracking';
import { eventHarness, sentMessage, TRACKING_SECRET, type EventHarness } from './event-support';
import { jsonOf, send } from './support';

const LINK = 'https://clinic.example/booking?visit=V-2001&lang=pl';

describe('Journey Event Trigger: email tracking', () => {
	let t: EventHarness;
	const saved = process.env.JOURNEY_TRACKING_SECRET;

	beforeAll(() => {
		process.env.JOURNEY_TRACKING_SECRET = TRACKING_SECRET;
	});

	afterAll(() => {
		if (saved === undefined) delete process.env.JOURNEY_TRACKING_SECRET;
		else process.env.JOURNEY_TRACKING_SECRET = saved;
	});

	beforeEach(async () => {
		t = await eventHarness({ startOn: ['opened', 'clicked', 'opt_out'] });
	});

	afterEach(async () => {
		await t.h.dispose();
		await closeAllStores();
	});

	const emitted = async () => {
		await t.h.settled();
		return t.h.runs.flatMap((run) => jsonOf(t.h.output(run, 'Event')));
	};

	async function email(purpose: 'service' | 'marketing' = 'marketing') {
		const seeded = await sentMessage(t.store, {
			contactId: 'P-1001', email: 'anna@example.com', channel: 'email', purpose, provider: 'smtp', visitExternalId: 'V-2001',
			body: `Dear Anna, book your check-up: ${LINK}\nClinic Centrum`,
		});
		return { ...seeded, ctx: { baseUrl: t.url, secret: TRACKING_SECRET, messageId: seeded.message.id } };
	}

	it('the open pixel answers a 1×1 GIF and records one "opened" however often it loads', async () => {
		const { ctx, contactStoreId, message } = await email();
		for (let i = 0; i < 3; i++) {
			const reply = await fetch(openPixelUrl(ctx));
			expect(reply.status).toBe(200);
			expect(reply.headers.get('content-type')).toBe('image/gif');
			expect(Buffer.from(await reply.arrayBuffer()).subarray(0, 6).toString('latin1')).toBe('GIF89a');
		}
		expect(await t.store.listEvents({ contactId: contactStoreId, types: ['opened'] })).toEqual([expect.objectContaining({ messageId: message.id, channel: 'email' })]);
		expect((await emitted()).map((item) => item.event.type)).toEqual(['opened']);
	});

	it('a click redirects (302) to the original URL and records "clicked" with it', async () => {
		const { ctx, contactStoreId } = await email();
		const reply = await send(clickUrl(ctx, LINK), { method: 'GET' });
		expect(reply.status).toBe(302);
		expect(reply.headers.get('location')).toBe(LINK);
		expect(await t.store.listEvents({ contactId: contactStoreId, types: ['clicked'] })).toEqual([expect.objectContaining({ payload: { url: LINK } })]);
		expect(await emitted()).toEqual([expect.objectContaining({ event: expect.objectContaining({ type: 'clicked', source: 'tracking' }), visit: expect.objectContaining({ id: 'V-2001' }) })]);
	});

	it('no open redirect: another URL with a genuine token, a forged token, or a URL the message never held', async () => {
		const { ctx, contactStoreId } = await email();
		const genuine = new URL(clickUrl(ctx, LINK));
		const swapped = new URL(genuine);
		swapped.searchParams.set('u', 'https://evil.example/login');
		expect(await send(swapped.href, { method: 'GET' })).toMatchObject({ status: 401, body: { reason: 'token_mismatch' } });

		const forged = clickUrl({ ...ctx, secret: 'someone-elses-secret-000000' }, 'https://evil.example/login');
		expect(await send(forged, { method: 'GET' })).toMatchObject({ status: 401 });

		// Signed with the real secret (e.g. a leaked token for a link in another message), but not in this message.
		const foreign = clickUrl(ctx, 'https://evil.example/login');
		const reply = await send(foreign, { method: 'GET' });
		expect(reply).toMatchObject({ status: 404, body: { reason: 'url_not_in_message' } });
		expect(reply.headers.get('location')).toBeNull();

		const javascript = new URL(genuine);
		javascript.searchParams.set('u', 'javascript:alert(1)');
		expect((await send(javascript.href, { method: 'GET' })).status).toBe(400);
		expect(await t.store.listEvents({ contactId: contactStoreId, types: ['clicked'] })).toHaveLength(0);
	});

	it('one-click unsubscribe (RFC 8058 POST) revokes email consent for the purpose of that message', async () => {
		const { ctx, contactStoreId } = await email('marketing');
		const url = unsubscribeUrl(ctx);
		const reply = await send(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
		expect(reply.status).toBe(200);
		expect(await t.store.getConsent(contactStoreId, 'email', 'marketing')).toMatchObject({ status: 'revoked', source: 'unsubscribe-link' });
		expect(await t.store.getConsent(contactStoreId, 'email', 'service')).toMatchObject({ status: 'unknown' });
		expect((await emitted()).map((item) => item.event.type)).toEqual(['opt_out']);
		// Repeating it changes nothing and starts nothing.
		await send(url, { method: 'POST', body: 'List-Unsubscribe=One-Click' });
		expect(await emitted()).toHaveLength(1);
	});

	it('opening the unsubscribe link (GET, e.g. a mail scanner) only shows a page; its button unsubscribes', async () => {
		const { ctx, contactStoreId } = await email('marketing');
		const url = unsubscribeUrl(ctx);
		const page = await send(url, { method: 'GET' });
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toMatch(/^text\/html/);
		expect(page.body).toContain('<form method="post"');
		expect(page.body).not.toContain('anna@example.com');
		expect(await t.store.getConsent(contactStoreId, 'email', 'marketing')).toMatchObject({ status: 'unknown' });
		expect(await emitted()).toHaveLength(0);

		// The browser submits the form to its action, relative to the page's URL.
		const action = /<form method="post" action="([^"]+)"/.exec(page.body as string)![1];
		const done = await send(new URL(action, url).href, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'List-Unsubscribe=One-Click',
		});
		expect(done.status).toBe(200);
		expect(done.body).toContain('You are unsubscribed');
		expect(await t.store.getConsent(contactStoreId, 'email', 'marketing')).toMatchObject({ status: 'revoked', source: 'unsubscribe-link' });
	});

	it('the unsubscribe page refuses a forged token', async () => {
		const { ctx } = await email();
		const forged = unsubscribeUrl({ ...ctx, secret: 'someone-elses-secret-000000' });
		expect(await send(forged, { method: 'GET' })).toMatchObject({ status: 401, body: { error: 'invalid_tracking_link' } });
	});

	it('a token for one message does not unsubscribe with the open-pixel token', async () => {
		const { ctx } = await email();
		const pixelToken = new URL(openPixelUrl(ctx)).searchParams.get('t')!;
		const reply = await send(`${t.url}/unsubscribe?t=${encodeURIComponent(pixelToken)}`, { method: 'POST', body: 'List-Unsubscribe=One-Click' });
		expect(reply.status).toBe(401);
	});
});
