/** The pure send policy in lib/send: keys, claim/retry semantics on a real store, cap release, the fallback loop, the pool. */
import { chooseChannel } from '../../../lib/channel';
import { ProviderError } from '../../../lib/providers';
import {
	attemptKey,
	buildIdempotencyKey,
	capReleaseTime,
	claimAttempt,
	consentBlocker,
	quietHoursDecision,
	runConcurrently,
	runFallback,
	whatsAppWindowOpen,
	type Attempt,
	type TraceStep,
} from '../../../lib/send';
import { closeAllStores, type JourneyStore, type Message } from '../../../lib/store';
import { storeAt, tempSqlitePath } from './support';

describe('idempotency keys', () => {
	it('differ whenever a part differs, even when parts contain the separator', () => {
		const base = { workflowId: 'wf', nodeName: 'Send', contactId: 'c1', visitId: 'v1', visitVersion: 1, step: 'reminder' };
		const keys = [
			buildIdempotencyKey(base),
			buildIdempotencyKey({ ...base, visitVersion: 2 }),
			buildIdempotencyKey({ ...base, step: 'survey' }),
			buildIdempotencyKey({ ...base, contactId: 'c1|v1', visitId: '' }),
			buildIdempotencyKey({ ...base, visitId: null, visitVersion: null }),
		];
		expect(new Set(keys).size).toBe(keys.length);
		expect(buildIdempotencyKey({ ...base, step: '' })).toBe(buildIdempotencyKey({ ...base, step: 'Send' }));
		expect(attemptKey('k', 1)).toBe('k');
		expect(attemptKey('k', 3)).toBe('k#3');
	});
});

describe('claimAttempt on a real store', () => {
	let store: JourneyStore;
	let contactId: string;

	beforeEach(async () => {
		store = await storeAt(tempSqlitePath());
		contactId = (await store.upsertContact({ externalId: 'c' })).contact.id;
	});

	afterEach(async () => await closeAllStores());

	const input = () => ({ contactId, channel: 'sms' as const, purpose: 'service' as const });

	it('lets exactly one of many concurrent callers claim; the rest see a duplicate', async () => {
		const outcomes = await Promise.all(Array.from({ length: 10 }, () => claimAttempt(store, 'k', input())));
		expect(outcomes.filter((o) => o.kind === 'claimed')).toHaveLength(1);
		expect(outcomes.filter((o) => o.kind === 'duplicate')).toHaveLength(9);
	});

	it('re-claims after failed, suppressed or deferred attempts, but never past a sent or in-flight one', async () => {
		const first = await claimAttempt(store, 'k', input());
		await store.updateMessage((first as { message: Message }).message.id, { status: 'failed' });
		const second = await claimAttempt(store, 'k', input());
		expect(second).toMatchObject({ kind: 'claimed', attempt: 2, message: { idempotencyKey: 'k#2' } });
		await store.updateMessage((second as { message: Message }).message.id, { status: 'deferred' });
		const third = await claimAttempt(store, 'k', input());
		expect(third).toMatchObject({ kind: 'claimed', attempt: 3 });
		expect(await claimAttempt(store, 'k', input())).toMatchObject({ kind: 'duplicate', attempt: 3, message: { status: 'claimed' } });
		await store.updateMessage((third as { message: Message }).message.id, { status: 'sent' });
		expect(await claimAttempt(store, 'k', input())).toMatchObject({ kind: 'duplicate', message: { status: 'sent' } });
	});
});

describe('frequency cap release', () => {
	it('finds the first second at which the oldest counted message leaves the window', async () => {
		const created = ['2027-04-13T08:00:00.250Z', '2027-04-13T09:30:00.000Z'].map(Date.parse);
		const countSince = async (since: string) => created.filter((at) => at >= Date.parse(since)).length;
		const now = Date.parse('2027-04-13T10:00:00Z');
		const cap = { limit: 2, windowHours: 24 };
		expect((await capReleaseTime(countSince, cap, now)).toISOString()).toBe('2027-04-14T08:00:01.000Z');
		expect((await capReleaseTime(countSince, { limit: 3, windowHours: 24 }, now)).toISOString()).toBe('2027-04-13T10:00:00.000Z');
		expect((await capReleaseTime(countSince, { limit: 1, windowHours: 24 }, now)).toISOString()).toBe('2027-04-14T09:30:01.000Z');
	});
});

describe('consent, WhatsApp window and quiet hours', () => {
	it('blocks revoked consent always, unknown consent only for marketing unless collected elsewhere', () => {
		expect(consentBlocker('revoked', 'service', true)).toBe('opted out of service messages');
		expect(consentBlocker('unknown', 'service', false)).toBeUndefined();
		expect(consentBlocker('unknown', 'marketing', false)).toBe('no recorded marketing consent');
		expect(consentBlocker('unknown', 'marketing', true)).toBeUndefined();
		expect(consentBlocker('granted', 'marketing', false)).toBeUndefined();
	});

	it('opens the WhatsApp window for 24 hours after the last inbound message', () => {
		const now = Date.parse('2027-04-13T12:00:00Z');
		expect(whatsAppWindowOpen('2027-04-12T12:00:01Z', now)).toBe(true);
		expect(whatsAppWindowOpen('2027-04-12T12:00:00Z', now)).toBe(false);
		expect(whatsAppWindowOpen(null, now)).toBe(false);
	});

	it('lets a send through inside the window and defers it to the next opening outside', () => {
		const rules = { zone: 'Europe/Warsaw', window: { start: '08:00', end: '20:00' }, weekdays: [1, 2, 3, 4, 5] };
		expect(quietHoursDecision(rules, Date.parse('2027-04-13T10:00:00Z'))).toMatchObject({ send: true, at: '2027-04-13T12:00:00+02:00' });
		expect(quietHoursDecision(rules, Date.parse('2027-04-16T18:30:00Z'))).toMatchObject({ send: false, deferredUntil: '2027-04-19T08:00:00+02:00' });
	});
});

describe('runFallback', () => {
	const contact = { phone: '+48601234567', email: 'a@example.com' };
	const message = (n: number) => ({ id: `m${n}` }) as Message;

	it('claims the next attempt before each fallback send and records every attempt', async () => {
		const log: string[] = [];
		const trace: TraceStep[] = [];
		const choose = (blockers: Record<string, string>) => chooseChannel({ policy: 'ordered', order: ['whatsapp', 'sms', 'email'], contact, blockers });
		const first = choose({});
		const result = await runFallback<string>({ channel: 'whatsapp', address: first.address!, message: message(1), attempt: 1 }, {}, trace, {
			choose,
			claim: async (channel, from) => {
				log.push(`claim ${channel} from ${from}`);
				return { kind: 'claimed', message: message(from), attempt: from };
			},
			deliver: async (attempt: Attempt) => {
				log.push(`send ${attempt.channel} ${attempt.message.id}`);
				if (attempt.channel !== 'email') throw new ProviderError(attempt.channel, `${attempt.channel} says no`, { kind: 'rejected' });
				return 'ok';
			},
			record: async (attempt, record) => void log.push(`record ${attempt.message.id} ${record.status}`),
		});
		expect(result).toMatchObject({ status: 'sent', delivery: 'ok', attempt: { channel: 'email', attempt: 3 } });
		expect(log).toEqual([
			'send whatsapp m1',
			'record m1 failed',
			'claim sms from 2',
			'send sms m2',
			'record m2 failed',
			'claim email from 3',
			'send email m3',
			'record m3 sent',
		]);
		expect(trace.map((s) => `${s.channel}:${s.outcome}`)).toEqual(['whatsapp:rejected', 'sms:chosen', 'sms:rejected', 'email:chosen', 'email:sent']);
	});

	it('stops on a duplicate claim, and marks a non-provider error failed before rethrowing it', async () => {
		const choose = (blockers: Record<string, string>) => chooseChannel({ policy: 'preferSms', contact, blockers });
		const duplicate = await runFallback({ channel: 'sms', address: contact.phone, message: message(1), attempt: 1 }, {}, [], {
			choose,
			claim: async () => ({ kind: 'duplicate', message: message(9), attempt: 2 }),
			deliver: async () => {
				throw new ProviderError('twilio', 'no', { kind: 'rejected' });
			},
			record: async () => undefined,
		});
		expect(duplicate).toEqual({ status: 'duplicate', message: message(9) });

		const recorded: string[] = [];
		await expect(
			runFallback({ channel: 'sms', address: contact.phone, message: message(1), attempt: 1 }, {}, [], {
				choose,
				claim: async () => ({ kind: 'exhausted', attempt: 25 }),
				deliver: async () => {
					throw new TypeError('boom');
				},
				record: async (_, record) => void recorded.push(record.status),
			}),
		).rejects.toThrow('boom');
		expect(recorded).toEqual(['failed']);
	});
});

describe('runConcurrently', () => {
	it('keeps at most `limit` tasks running, returns results by index and starts nothing after stop()', async () => {
		let running = 0;
		let peak = 0;
		const started: number[] = [];
		const run = runConcurrently(20, 4, async (index) => {
			started.push(index);
			running++;
			peak = Math.max(peak, running);
			await new Promise((resolve) => setImmediate(resolve));
			running--;
			if (index === 5) throw new Error('five');
			return index * 2;
		});
		expect(await run.result(3)).toBe(6);
		await expect(run.result(5)).rejects.toThrow('five');
		run.stop();
		await run.drain();
		expect(peak).toBe(4);
		expect(started.length).toBeLessThan(20);
	});
});
