/**
 * simulate() in-process: how each kind of trigger gets the input, how later events reach the
 * journeys (Visit Trigger, Journey Event Trigger), what the simulation never does (send for real,
 * call the network), and the errors a user gets for a wrong input or events file.
 */
import { closeAllStores } from '../../lib/store';
import { formatSimulation, simulate, SimulationInputError, type SimulationResult } from '../../simulator';
import { readWorkflow } from '../harness';

afterAll(async () => await closeAllStores());

const fixture = (name: string) => readWorkflow(`test/fixtures/simulator/${name}.json`);
const ORDER = { customer: { id: 'C-7', name: 'Jan Kowalski', email: 'jan@example.com' } };
const VISIT_DONE = { event: { id: 'e1', type: 'attended' }, contact: { id: 'C-1', name: 'Ewa', timeZone: 'Europe/Warsaw' }, visit: { id: 'V-1', start: '2027-03-01T10:00:00+01:00' } };

const lines = (result: SimulationResult) =>
	result.steps.map((s) => `${s.local.slice(11, 16)} ${s.journey !== undefined ? `#${s.journey}` : s.kind} ${s.node ? `${s.node}: ` : ''}${s.text}`);

describe('simulate()', () => {
	it('posts the input to a stock Webhook (its authentication off), skips the network, sends to the Outbox, and an "opened" event wakes the journey', async () => {
		const result = await simulate({
			workflow: fixture('order-follow-up'),
			input: ORDER,
			start: '2027-03-01T10:00:00+01:00',
			events: [{ at: '2027-03-01T18:00:00+01:00', type: 'opened', channel: 'email' }],
		});
		expect(lines(result)).toEqual([
			'10:00 input input → "Order paid": started journey #1',
			'10:00 #1 Order paid: starts',
			'10:00 #1 Customer: ran (set, 1 item)',
			'10:00 #1 Notify CRM: not run in the simulation (would call POST http://127.0.0.1:9/crm)',
			'10:00 #1 Thank-you email: EMAIL to jan@example.com [Outbox]',
			'10:00 #1 Opened?: waits for opened or clicked until Wed 3 Mar 10:00',
			'18:00 event opened → "Journey events": recorded opened; woke 1 waiting journey',
			'18:00 #1 Opened?: → Opened (woken by the event)',
			'18:00 #1 Tag engaged: tags +"engaged"',
			'18:00 #1 ends',
		]);
		const send = result.steps.find((s) => s.kind === 'send')!;
		// The workflow asks for SMTP; the simulation never sends.
		expect(send.data).toMatchObject({ channel: 'email', to: 'jan@example.com', status: 'outbox', provider: 'outbox', subject: 'Thank you!' });
		expect(result.contacts).toEqual([{ id: 'C-7', name: 'Jan Kowalski', email: 'jan@example.com', phone: null, tags: ['engaged'], counters: {} }]);
	});

	it('gives a polling trigger the input as its items; a reply is parsed and wakes the journey on its branch', async () => {
		const result = await simulate({
			workflow: fixture('polled-contacts'),
			input: [{ contact: { id: 'C-9', name: 'Ola', phone: '+48601234567', timeZone: 'Europe/Warsaw', locale: 'pl' } }],
			start: '2027-03-01T09:00:00+01:00',
			events: [{ at: '2027-03-01T09:30:00', type: 'reply', text: 'Nie' }],
		});
		expect(lines(result).slice(2)).toEqual([
			'09:00 #1 Ask by SMS: SMS to +48601234567 (GSM-7, 1 part) [Outbox]',
			'09:00 #1 Reply?: waits for replied until Tue 2 Mar 09:00',
			'09:30 event reply "Nie" → "Journey events": recorded replied (no); woke 1 waiting journey',
			'09:30 #1 Reply?: → Replied No (woken by the event)',
			'09:30 #1 Tag not delivered: tags +"not delivered"',
			'09:30 #1 ends',
		]);
		// An "at" without an offset is read in the contact's zone.
		expect(result.steps.find((s) => s.kind === 'event')!.at).toBe('2027-03-01T08:30:00.000Z');
	});

	it('shows a send held back by quiet hours with the time it may go', async () => {
		const result = await simulate({ workflow: fixture('polled-contacts'), input: { contact: { id: 'C-9', phone: '+48601234567', timeZone: 'Europe/Warsaw' } }, start: '2027-03-01T22:00:00+01:00' });
		const deferred = result.steps.find((s) => s.kind === 'deferred')!;
		expect(`${deferred.node}: ${deferred.text}`).toBe('Ask by SMS: deferred until Tue 2 Mar 08:00');
		expect(deferred.data).toMatchObject({ status: 'deferred', deferredUntil: '2027-03-02T08:00:00+01:00' });
		expect(deferred.lines?.[0]).toMatch(/^quiet hours: .*22:00 is after the window/);
	});

	it('signs requests as the Visit Trigger is set (here a header token), a retried event starts nothing, counters are reported', async () => {
		const result = await simulate({ workflow: fixture('count-visits'), input: VISIT_DONE, start: '2027-03-01T11:00:00+01:00', events: [{ at: '2027-03-02T08:00:00+01:00', type: 'visit' }] });
		expect(lines(result)).toEqual([
			'11:00 input input → "Visit done": attended; woke 0 waiting journeys; started journey #1',
			'11:00 #1 Visit done: starts: attended visit V-1 on Mon 1 Mar 10:00 for Ewa',
			'11:00 #1 Next day, 09:00: waits until Tue 2 Mar 09:00',
			'08:00 event the input again (a retry) → "Visit done": duplicate of an event already received, nothing started',
			'09:00 #1 Count visit: counter "visits" 0 → 1',
			'09:00 #1 ends',
		]);
		expect(result.contacts[0]).toMatchObject({ id: 'C-1', counters: { visits: 1 } });
		expect(formatSimulation(result)).toContain('contact Ewa (C-1): tags (none); counters "visits" = 1');
	});

	it('stops the clock at "until" and lists the journeys still waiting', async () => {
		const result = await simulate({ workflow: fixture('count-visits'), input: VISIT_DONE, start: '2027-03-01T11:00:00+01:00', until: '2027-03-01T20:00:00+01:00' });
		expect(result.end).toBe('2027-03-01T19:00:00.000Z');
		expect(result.journeys).toEqual([{ number: 1, execution: 'exec-1', status: 'waiting', waitTill: '2027-03-02T08:00:00.000Z', error: null }]);
		expect(lines(result).at(-1)).toBe('20:00 #1 still waiting until Tue 2 Mar 09:00 when the simulation stops');
		expect(formatSimulation(result)).toContain('journey #1 (exec-1): waiting until Tue 2 Mar 09:00');
	});

	it('shows where a journey fails', async () => {
		const result = await simulate({ workflow: fixture('failing'), input: { when: 'next Tuesday' }, start: '2027-03-01T09:00:00+01:00' });
		expect(result.journeys[0]).toMatchObject({ status: 'error', error: expect.stringContaining('next Tuesday') });
		expect(result.steps.filter((s) => s.kind === 'error').map((s) => s.node ?? 'journey')).toEqual(['Wait for the date', 'journey']);
	});

	it('gives the timeline in local time with the offset, and JSON details for every step', async () => {
		const result = await simulate({ workflow: fixture('count-visits'), input: VISIT_DONE, start: '2027-03-01T11:00:00+01:00' });
		const wait = result.steps.find((s) => s.kind === 'wait')!;
		expect(wait).toMatchObject({
			at: '2027-03-01T10:00:00.000Z',
			local: '2027-03-01T11:00:00.000+01:00',
			journey: 1,
			node: 'Next day, 09:00',
			data: { until: '2027-03-02T08:00:00.000Z', scheduledFor: '2027-03-02T09:00:00+01:00' },
		});
		expect(wait.lines).toEqual(['Tue 2 Mar 09:00 Europe/Warsaw: 1 day after the visit, moved to 09:00 (window 08:00–20:00)']);
		expect(JSON.parse(JSON.stringify(result))).toEqual(result);
	});

	describe('refuses what it cannot simulate, saying why', () => {
		const start = '2027-03-01T11:00:00+01:00';
		const run = (input: unknown, events?: unknown, trigger?: string) => simulate({ workflow: fixture('count-visits'), input, events, start, trigger });

		const cases: Array<{ name: string; input: unknown; events?: unknown; trigger?: string; message: RegExp }> = [
			{ name: 'a booking the trigger refuses', input: { ...VISIT_DONE, visit: { start: '2027-03-01T10:00:00+01:00' } }, message: /"Visit done" refused the input: 400 .*visit\.id/ },
			{ name: 'an unknown event type', input: VISIT_DONE, events: [{ at: start, type: 'teleported' }], message: /event 1: unknown "type" "teleported"; expected one of reschedule, cancel/ },
			{ name: 'an event before the start', input: VISIT_DONE, events: [{ at: '2027-02-28T10:00:00+01:00', type: 'cancel' }], message: /event 1: 2027-02-28T09:00:00.000Z is before the simulation starts/ },
			{ name: 'a reschedule without a new time', input: VISIT_DONE, events: [{ at: start, type: 'reschedule' }], message: /"reschedule" needs "start"/ },
			{ name: 'an event without a time', input: VISIT_DONE, events: [{ type: 'cancel' }], message: /event 1: "at" is required/ },
			{ name: 'events that are not a list', input: VISIT_DONE, events: { at: start }, message: /must hold a JSON array/ },
			{ name: 'an "opened" before anything was sent', input: VISIT_DONE, events: [{ at: '2027-03-01T12:00:00+01:00', type: 'opened' }], message: /event 1: no message was sent to the contact before 2027-03-01T11:00:00.000Z/ },
			{ name: 'an unknown trigger', input: VISIT_DONE, trigger: 'Nope', message: /no node named "Nope" \(triggers: "Visit done"\)/ },
		];

		it.each(cases)('$name', async ({ input, events, trigger, message }) => {
			const failure = run(input, events, trigger);
			await expect(failure).rejects.toThrow(message);
			await expect(failure).rejects.toBeInstanceOf(SimulationInputError);
		});
	});
});
