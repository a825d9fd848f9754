/** The default provider sends nothing: an imported workflow runs without accounts and records what it would send. */
import { JourneyHarness } from '../../harness';
import { closeAllStores } from '../../../lib/store';
import { SEND_NODE, journeyItem, messageOf, sendWorkflow, storeAt, tempSqlitePath } from './support';

describe('Channel Preference Send with the default Outbox provider', () => {
	let harness: JourneyHarness;
	let sqlitePath: string;

	beforeEach(async () => {
		sqlitePath = tempSqlitePath();
		// Tuesday 13 April 2027, 10:00 in Warsaw: inside the default 08:00–20:00 window.
		harness = await JourneyHarness.create({ start: '2027-04-13T08:00:00Z', credentials: { journeyStoreApi: { type: 'sqlite', sqlitePath } } });
	});

	afterEach(async () => {
		await harness.dispose();
		await closeAllStores();
	});

	it('records a Polish SMS reminder in the store and the output, with segments and encoding, sending nothing', async () => {
		const run = await harness.start(sendWorkflow({}), { items: [{ json: journeyItem() }] });
		expect(run.status).toBe('success');
		const [item] = harness.output(run, SEND_NODE, 0);
		const message = messageOf(item);
		expect(message).toMatchObject({ status: 'outbox', channel: 'sms', to: '+48601234567', provider: 'outbox', sms: { encoding: 'UCS-2', segments: 2 } });
		expect(message.text).toBe('Dzień dobry, Anna! Przypominamy o Twojej wizycie: Smile Dental, Warszawa, czwartek, 15 kwietnia, godz. 10:30.');
		expect(message.text).not.toMatch(/Root canal/);
		expect(message.trace).toEqual([{ channel: 'sms', outcome: 'chosen', reason: 'valid phone +48601234567' }, { channel: 'sms', outcome: 'sent', reason: 'accepted by the provider' }]);
		expect(item.json.contact).toEqual(journeyItem().contact);

		const store = await storeAt(sqlitePath);
		const stored = await store.getMessage(message.messageId);
		expect(stored).toMatchObject({ status: 'sent', provider: 'outbox', channel: 'sms', purpose: 'service', body: message.text, idempotencyKey: message.idempotencyKey });
	});

	it('reads expressions per item: each item gets its own contact, language and text', async () => {
		const workflow = sendWorkflow({
			channelPolicy: 'emailOnly',
			messageSource: 'custom',
			subject: 'Info',
			text: '={{ $json.note }} ({name}, {time})',
			options: { clinicName: 'Smile Dental' },
		});
		const items = [
			{ ...journeyItem({ contact: { id: 101, name: 'Jan', locale: 'pl' } }), note: 'Pierwszy' },
			{ ...journeyItem({ contact: { id: 'p-2', name: 'Olga', timeZone: 'Europe/Moscow', locale: 'ru' } }), note: 'Второй' },
		];
		const run = await harness.start(workflow, { items: items.map((json) => ({ json })) });
		const messages = harness.output(run, SEND_NODE, 0).map(messageOf);
		expect(messages.map((m) => m.text)).toEqual(['Pierwszy (Jan, 10:30)', 'Второй (Olga, 11:30)']);
		const store = await storeAt(sqlitePath);
		expect((await store.findContact({ externalId: '101' }))?.name).toBe('Jan');
		expect((await store.findContact({ externalId: 'p-2' }))?.name).toBe('Olga');
		expect(new Set(messages.map((m) => m.idempotencyKey)).size).toBe(2);
	});
});
