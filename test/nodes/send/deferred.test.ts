/**
 * Nothing goes out at night: the send-time guard sends items outside the window (or on a closed
 * day) to the Deferred output with `deferredUntil`; a Wait on that time brings them back at 08:00.
 * And the marketing frequency cap, counted across workflows, defers or drops the extra message.
 */
import { JourneyHarness, readWorkflow, type WorkflowJson } from '../../harness';
import { closeAllStores, type JourneyStore } from '../../../lib/store';
import { SEND_NODE, journeyItem, messageOf, sendWorkflow, storeAt, tempSqlitePath } from './support';

describe('Channel Preference Send: quiet hours and frequency cap', () => {
	let harness: JourneyHarness;
	let store: JourneyStore;

	async function start(at: string): Promise<void> {
		const sqlitePath = tempSqlitePath();
		harness = await JourneyHarness.create({ start: at, credentials: { journeyStoreApi: { type: 'sqlite', sqlitePath } } });
		store = await storeAt(sqlitePath);
	}

	afterEach(async () => {
		await harness.dispose();
		await closeAllStores();
	});

	async function sentMessages(): Promise<number> {
		const contact = await store.findContact({ externalId: 'patient-1' });
		return contact ? await store.countMessagesSince(contact.id, 'service', '2000-01-01T00:00:00Z') : 0;
	}

	it('defers a 02:30 send to 08:00 local, then sends it when the Wait brings it back', async () => {
		await start('2027-04-13T00:30:00Z'); // 02:30 in Warsaw
		const workflow = readWorkflow('test/fixtures/send/send-deferred-loop.json');
		const run = await harness.start(workflow, { items: [{ json: journeyItem() }] });
		expect(run.status).toBe('waiting');
		const [held] = harness.output(run, SEND_NODE, 1);
		expect(messageOf(held)).toMatchObject({ status: 'deferred', deferredUntil: '2027-04-13T08:00:00+02:00' });
		expect(messageOf(held).reason).toMatch(/^quiet hours: /);
		expect(harness.output(run, SEND_NODE, 0)).toEqual([]);
		expect(await sentMessages()).toBe(0);

		await harness.runUntilIdle();
		expect(run.status).toBe('success');
		expect(run.resumedAt.map((d) => d.toISOString())).toEqual(['2027-04-13T06:00:00.000Z']);
		const [item] = harness.output(run, SEND_NODE, 0);
		expect(messageOf(item)).toMatchObject({ status: 'outbox', channel: 'sms' });
		expect(await sentMessages()).toBe(1);
	});

	it('holds a message on a public holiday (3 May, Poland) until the next working morning', async () => {
		await start('2027-05-03T09:00:00Z'); // Monday 11:00, Constitution Day
		const run = await harness.start(sendWorkflow({ holidayCountry: 'PL', allowedWeekdays: [1, 2, 3, 4, 5] }), { items: [{ json: journeyItem() }] });
		const [held] = harness.output(run, SEND_NODE, 1);
		expect(messageOf(held).deferredUntil).toBe('2027-05-04T08:00:00+02:00');
		expect(messageOf(held).reason).toContain('public holiday');
	});

	it("uses the contact's own zone: 07:30 in Warsaw is already 08:30 in Jerusalem", async () => {
		await start('2027-04-13T05:30:00Z');
		const workflow = sendWorkflow({});
		const contacts = [
			journeyItem({ contact: { id: 'pl', timeZone: 'Europe/Warsaw' } }),
			journeyItem({ contact: { id: 'il', timeZone: 'Asia/Jerusalem', phone: '+972501234567', locale: 'he-IL' } }),
		];
		const run = await harness.start(workflow, { items: contacts.map((json) => ({ json })) });
		expect(harness.output(run, SEND_NODE, 1).map((i) => (i.json.contact as { id: string }).id)).toEqual(['pl']);
		expect(harness.output(run, SEND_NODE, 0).map((i) => (i.json.contact as { id: string }).id)).toEqual(['il']);
		expect(harness.output(run, SEND_NODE, 0)[0].pairedItem).toEqual({ item: 1 });
		expect(harness.output(run, SEND_NODE, 1)[0].pairedItem).toEqual({ item: 0 });
	});

	describe('frequency cap (2 marketing messages per 24 h)', () => {
		const capped = (id: string, step: string, extra: Record<string, unknown> = {}): WorkflowJson => {
			const workflow = sendWorkflow({
				purpose: 'marketing',
				channelPolicy: 'emailOnly',
				template: 'recall',
				step,
				capMessages: 2,
				capHours: 24,
				options: { consentCollectedElsewhere: true, clinicName: 'Smile Dental' },
				...extra,
			});
			return { ...workflow, id };
		};
		/** The message of the one item, from whichever output it took. */
		const send = async (workflow: WorkflowJson) => {
			const run = await harness.start(workflow, { items: [{ json: journeyItem({ visit: null }) }] });
			if (run.status !== 'success') throw new Error(run.errorMessage);
			return messageOf([...harness.output(run, SEND_NODE, 0), ...harness.output(run, SEND_NODE, 1)][0]);
		};

		it('defers the third marketing message of the day, across workflows, until the first is 24 h old', async () => {
			await start('2027-04-13T08:00:00Z');
			expect((await send(capped('recall-flow', 'recall'))).status).toBe('outbox');
			harness.clock.advanceTo(new Date('2027-04-13T09:00:00Z'));
			expect((await send(capped('bonus-flow', 'bonus'))).status).toBe('outbox');
			harness.clock.advanceTo(new Date('2027-04-13T10:00:00Z'));
			const third = await send(capped('nps-flow', 'nps'));
			expect(third).toMatchObject({ status: 'deferred', deferredUntil: '2027-04-14T10:00:01+02:00' });
			expect(third.reason).toBe('frequency cap: 2 marketing messages in the last 24 h (max 2)');
			expect(await store.getMessage(third.messageId)).toMatchObject({ status: 'deferred' });

			const service = await send({ ...sendWorkflow({ channelPolicy: 'emailOnly', template: 'thanks' }), id: 'service-flow' });
			expect(service.status).toBe('outbox');
		});

		it('drops it when the cap action is Drop, and lets it through once the window has passed', async () => {
			await start('2027-04-13T08:00:00Z');
			await send(capped('a', 'a', { capAction: 'drop' }));
			await send(capped('b', 'b', { capAction: 'drop' }));
			const dropped = await send(capped('c', 'c', { capAction: 'drop' }));
			expect(dropped.status).toBe('skipped: frequency cap');
			harness.clock.advanceTo(new Date('2027-04-14T08:00:01Z'));
			expect((await send(capped('d', 'd', { capAction: 'drop' }))).status).toBe('outbox');
		});
	});
});
