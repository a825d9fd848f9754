/**
 * Exactly once: the idempotency key is claimed in the Journey Store before anything is sent, so
 * concurrent executions, re-runs and retries never send twice; a send that surely failed is marked
 * failed and re-claimed by the next run; an unclear outcome is never re-sent automatically.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { JourneyHarness, type WorkflowJson } from '../../harness';
import { FakeProviders, TWILIO_SID, TWILIO_TOKEN, errors } from '../../lib/providers/support/fake-providers';
import { SmtpCapture } from '../../lib/providers/support/smtp-capture';
import { createTestDatabase, dropTestDatabase } from '../../support/postgres';
import { closeSmtpTransports } from '../../../lib/providers';
import { closeAllStores, getStore, type JourneyStore, type PostgresStoreConfig } from '../../../lib/store';
import { SEND_NODE, cred, journeyItem, messageOf, sendWorkflow, storeAt, tempSqlitePath } from './support';

const NOW = '2027-04-13T08:00:00Z';

describe('Channel Preference Send exactly once', () => {
	let smtp: SmtpCapture;
	let providers: FakeProviders;

	beforeAll(async () => {
		smtp = await SmtpCapture.start();
		providers = await FakeProviders.start();
	});

	afterAll(async () => {
		await closeSmtpTransports();
		await Promise.all([smtp.close(), providers.close()]);
	});

	beforeEach(() => {
		smtp.mails.length = 0;
		providers.requests.length = 0;
	});

	afterEach(async () => await closeAllStores());

	const emailWorkflow = () =>
		sendWorkflow({ channelPolicy: 'emailOnly', emailProvider: 'smtp', emailFrom: 'hello@smile-dental.example' }, { smtp: cred('SMTP') });
	const twilioWorkflow = (options: Record<string, unknown> = {}) =>
		sendWorkflow(
			{ channelPolicy: 'smsOnly', smsProvider: 'twilio', smsFrom: '+48600000000', options: { twilioBaseUrl: providers.url, maxRetries: 1, ...options } },
			{ twilioApi: cred('Twilio') },
		);

	async function harnessWith(journeyStoreApi: ICredentialDataDecryptedObject): Promise<JourneyHarness> {
		return await JourneyHarness.create({
			start: NOW,
			credentials: {
				journeyStoreApi,
				smtp: smtp.credential(),
				twilioApi: { authType: 'authToken', accountSid: TWILIO_SID, authToken: TWILIO_TOKEN },
			},
		});
	}

	async function twoAtOnce(harness: JourneyHarness, workflow: WorkflowJson) {
		const runs = await Promise.all([1, 2].map(() => harness.start(workflow, { items: [{ json: journeyItem() }] })));
		return runs.map((run) => messageOf(harness.output(run, SEND_NODE, 0)[0]));
	}

	describe('on SQLite', () => {
		let harness: JourneyHarness;
		let sqlitePath: string;
		let store: JourneyStore;

		beforeEach(async () => {
			sqlitePath = tempSqlitePath();
			harness = await harnessWith({ type: 'sqlite', sqlitePath });
			store = await storeAt(sqlitePath);
		});

		afterEach(async () => await harness.dispose());

		it('sends once when two executions get the same event at the same time; the other is "duplicate suppressed"', async () => {
			const messages = await twoAtOnce(harness, emailWorkflow());
			expect(messages.map((m) => m.status).sort()).toEqual(['duplicate suppressed', 'sent']);
			expect(messages[0].messageId).toBe(messages[1].messageId);
			expect(smtp.mails).toHaveLength(1);
		});

		it('suppresses a re-run of the same step, but sends again for a new visit slot (rescheduled → version 2)', async () => {
			const workflow = emailWorkflow();
			await harness.start(workflow, { items: [{ json: journeyItem() }] });
			const rerun = await harness.start(workflow, { items: [{ json: journeyItem() }] });
			expect(messageOf(harness.output(rerun, SEND_NODE, 0)[0])).toMatchObject({ status: 'duplicate suppressed', reason: expect.stringMatching(/^already sent at 2027-04-13T08:00:00/) });

			const { contact } = await store.upsertContact({ externalId: 'patient-1' });
			await store.upsertVisit({ externalId: 'visit-1', contactId: contact.id, startAt: '2027-04-15T08:30:00.000Z', endAt: '2027-04-15T09:15:00.000Z' });
			await store.upsertVisit({ externalId: 'visit-1', contactId: contact.id, startAt: '2027-04-16T12:00:00.000Z', endAt: '2027-04-16T12:45:00.000Z' });
			const stale = await harness.start(workflow, { items: [{ json: journeyItem() }] });
			expect(messageOf(harness.output(stale, SEND_NODE, 0)[0])).toMatchObject({ status: 'skipped: visit changed' });

			const moved = await harness.start(workflow, { items: [{ json: journeyItem({ visit: { start: '2027-04-16T12:00:00.000Z', end: '2027-04-16T12:45:00.000Z', version: 2 } }) }] });
			expect(messageOf(harness.output(moved, SEND_NODE, 0)[0]).status).toBe('sent');
			expect(smtp.mails).toHaveLength(2);
			expect(smtp.mails[1].parsed.text).toContain('piątek, 16 kwietnia, godz. 14:00');
		});

		it('does not send a reminder for a cancelled visit', async () => {
			const { contact } = await store.upsertContact({ externalId: 'patient-1' });
			await store.upsertVisit({ externalId: 'visit-1', contactId: contact.id, startAt: '2027-04-15T08:30:00.000Z', status: 'cancelled' });
			const run = await harness.start(emailWorkflow(), { items: [{ json: journeyItem() }] });
			expect(messageOf(harness.output(run, SEND_NODE, 0)[0])).toMatchObject({ status: 'skipped: visit changed', reason: 'the visit is cancelled' });
			expect(smtp.mails).toHaveLength(0);
		});

		it("fails with the provider's message when Twilio keeps failing, then a later run re-claims and sends exactly once", async () => {
			providers.script('twilio', '+48601234567', errors.twilioServerError(), errors.twilioServerError());
			const failed = await harness.start(twilioWorkflow(), { items: [{ json: journeyItem() }] });
			expect(failed.status).toBe('error');
			expect(failed.errorMessage).toBe('twilio: Internal Server Error (error 20500)');
			expect(failed.errorMessage).not.toContain(TWILIO_TOKEN);
			expect(providers.sent('twilio')).toHaveLength(2);

			const retried = await harness.start(twilioWorkflow(), { items: [{ json: journeyItem() }] });
			const message = messageOf(harness.output(retried, SEND_NODE, 0)[0]);
			expect(message).toMatchObject({ status: 'sent', channel: 'sms' });
			const again = await harness.start(twilioWorkflow(), { items: [{ json: journeyItem() }] });
			expect(messageOf(harness.output(again, SEND_NODE, 0)[0]).status).toBe('duplicate suppressed');

			expect(providers.sent('twilio')).toHaveLength(3);
			const contact = (await store.findContact({ externalId: 'patient-1' }))!;
			const first = await store.findLatestMessage({ contactId: contact.id, statuses: ['failed'] });
			expect(first).toMatchObject({ idempotencyKey: message.idempotencyKey, error: 'twilio: Internal Server Error (error 20500)' });
			expect(await store.getMessage(message.messageId)).toMatchObject({ status: 'sent', idempotencyKey: `${message.idempotencyKey}#2` });
		});

		it('retries a 429 from Twilio and sends once', async () => {
			providers.script('twilio', '+48601234567', errors.twilioTooManyRequests());
			const run = await harness.start(twilioWorkflow(), { items: [{ json: journeyItem() }] });
			expect(messageOf(harness.output(run, SEND_NODE, 0)[0]).status).toBe('sent');
			expect(providers.sent('twilio')).toHaveLength(2);
		});

		it('with "continue on fail" reports the item as failed on the main output, keeping its data', async () => {
			providers.script('twilio', '+48601234567', errors.twilioServerError(), errors.twilioServerError());
			const workflow = twilioWorkflow();
			workflow.nodes.find((node) => node.name === SEND_NODE)!.onError = 'continueRegularOutput';
			const run = await harness.start(workflow, { items: [{ json: journeyItem() }] });
			expect(run.status).toBe('success');
			const [item] = harness.output(run, SEND_NODE, 0);
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(item.json.contact).toEqual(journeyItem().contact);
			expect(messageOf(item)).toMatchObject({ status: 'failed', channel: 'sms', provider: 'twilio', error: 'twilio: Internal Server Error (error 20500)' });
		});

		it('never re-sends a message whose outcome is unknown (the connection dropped after the request)', async () => {
			providers.script('twilio', '+48601234567', errors.hangUp());
			const unclear = await harness.start(twilioWorkflow(), { items: [{ json: journeyItem() }] });
			expect(unclear.status).toBe('error');
			expect(unclear.errorMessage).toBe('twilio: no answer from the provider; the message may or may not have been sent');
			const rerun = await harness.start(twilioWorkflow(), { items: [{ json: journeyItem() }] });
			expect(messageOf(harness.output(rerun, SEND_NODE, 0)[0])).toMatchObject({ status: 'duplicate suppressed' });
			expect(providers.sent('twilio')).toHaveLength(1);
			const contact = (await store.findContact({ externalId: 'patient-1' }))!;
			const row = await store.findLatestMessage({ contactId: contact.id });
			expect(row).toMatchObject({ status: 'claimed' });
			expect(row!.error).toMatch(/^outcome unknown: /);
		});
	});

	describe('on PostgreSQL (shared by several workers)', () => {
		let config: PostgresStoreConfig;
		let harness: JourneyHarness;

		beforeAll(async () => {
			config = await createTestDatabase();
		});

		afterAll(async () => {
			await closeAllStores();
			await dropTestDatabase(config);
		});

		beforeEach(async () => {
			harness = await harnessWith({ type: 'postgres', host: config.host, port: config.port, database: config.database, user: config.user, password: config.password ?? '', ssl: 'disable' });
		});

		afterEach(async () => await harness.dispose());

		it('sends once when two executions race on the same key', async () => {
			const messages = await twoAtOnce(harness, emailWorkflow());
			expect(messages.map((m) => m.status).sort()).toEqual(['duplicate suppressed', 'sent']);
			expect(smtp.mails).toHaveLength(1);
			const store = await getStore(config);
			expect(await store.getMessage(messages[0].messageId)).toMatchObject({ status: 'sent' });
		});
	});
});
