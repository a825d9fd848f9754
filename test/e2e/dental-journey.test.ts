/**
 * S1 in a real n8n 2.40.7 on SQLite, over real HTTP: a signed visit event starts the dental
 * journey, the first reminder waits longer than 65 s (so n8n parks it in its database), n8n is
 * restarted while it waits, and the reminder still reaches the SMTP sink exactly once. The clinic's
 * check-in and the survey then arrive through the Journey events workflow and wake the journey,
 * which ends with the "active contact" tag in the Journey Store. Offsets are shortened through
 * workflow parameters only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';

import { getStore, resolveStoreConfig } from '../../lib/store';
import { startInstance, type N8nInstance } from './support/instance';
import { ALWAYS_OPEN, byType, eventually, loadWorkflow, nodeOf, setParameters, signedPost, webhookUrl, type Workflow } from './support/journey';

const { startSmtpSink } = require('../../scripts/sinks/smtp-sink.cjs') as {
	startSmtpSink(options: { dir: string; smtpPort: number; httpPort: number }): Promise<{ close(): Promise<void> }>;
};

const SECRET = 'whsec_e2e_0123456789abcdef0123456789abcdef';
const WEBHOOK_CREDENTIAL = { id: 'cjE2eWebhook1', name: 'Booking system (e2e)' };
const SMTP_CREDENTIAL = { id: 'cjE2eSmtp1', name: 'Mail sink (e2e)' };

function dentalForTest(): Workflow {
	const workflow = loadWorkflow('dental-visit-reminder.json');
	nodeOf(workflow, 'Visit booked or moved').credentials = { journeyWebhookApi: WEBHOOK_CREDENTIAL };
	// Longer than n8n's 65 s in-process limit, so the run is parked in the database.
	// The visit has just begun (see below), so "today" must not divert the journey to SMS only.
	setParameters(workflow, 'Visit today? (then SMS only)', { dateValue: '={{ $now.plus({ days: 2 }).toISO() }}' });
	setParameters(workflow, '2 days before, 08:00', { anchor: 'now', direction: 'after', amount: 2, unit: 'minutes', timeOfDay: '', ...ALWAYS_OPEN });
	setParameters(workflow, 'On the day, 08:00', { anchor: 'now', direction: 'after', amount: 0, unit: 'minutes', timeOfDay: '', ...ALWAYS_OPEN });
	setParameters(workflow, '24 hours after the visit', { anchor: 'now', direction: 'after', amount: 0, unit: 'minutes', ...ALWAYS_OPEN });
	for (const send of byType(workflow, '.channelPreferenceSend')) {
		Object.assign(send.parameters, ALWAYS_OPEN, { emailProvider: 'smtp', emailFrom: 'clinic@clinic.test' });
		send.credentials = { smtp: SMTP_CREDENTIAL };
	}
	return workflow;
}

function eventsForTest(): Workflow {
	const workflow = loadWorkflow('journey-events.json');
	nodeOf(workflow, 'Journey events').credentials = { journeyWebhookApi: WEBHOOK_CREDENTIAL };
	return workflow;
}

describe('S1 dental journey in a real n8n', () => {
	let n8n: N8nInstance;
	let sink: { close(): Promise<void> };
	let mailDir: string;
	const smtpPort = 25_000 + Math.floor(Math.random() * 2000);
	const dental = dentalForTest();
	const events = eventsForTest();

	const mails = async () =>
		await Promise.all(
			fs.readdirSync(mailDir).filter((file) => file.endsWith('.eml')).sort().map(async (file) => await simpleParser(fs.readFileSync(path.join(mailDir, file)))),
		);

	beforeAll(async () => {
		n8n = await startInstance({
			workflows: [dental, events],
			credentials: [
				{ ...WEBHOOK_CREDENTIAL, type: 'journeyWebhookApi', data: { secret: SECRET } },
				{ ...SMTP_CREDENTIAL, type: 'smtp', data: { host: '127.0.0.1', port: smtpPort, secure: false, user: '', password: '', disableStartTls: true } },
			],
		});
		mailDir = path.join(n8n.userFolder, 'mail');
		sink = await startSmtpSink({ dir: mailDir, smtpPort, httpPort: smtpPort + 1 });
		// n8n activates published workflows just after it reports ready: wait for the webhook.
		const url = webhookUrl(n8n.baseUrl, nodeOf(dental, 'Visit booked or moved'));
		await eventually(async () => ((await fetch(url, { method: 'POST', body: '{}' })).status === 404 ? undefined : true), 60_000, 'the production webhook');
	}, 300_000);

	afterAll(async () => {
		await n8n?.stop();
		await sink?.close();
	});

	it('rejects bad requests at the production webhook with the documented 4xx and starts nothing', async () => {
		const url = webhookUrl(n8n.baseUrl, nodeOf(dental, 'Visit booked or moved'));
		const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		expect(unsigned.status).toBe(401);
		const badJson = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"event":' });
		expect([400, 422]).toContain(badJson.status);
		const missing = await signedPost(url, SECRET, { event: { type: 'scheduled' }, contact: { id: 'P-1' } });
		expect(missing.status).toBe(400);
		expect(JSON.stringify(await missing.json())).toContain('visit.id');
		// A content type n8n does not read for a typeVersion 2 node: the trigger reads and checks the body itself.
		const untyped = await signedPost(url, SECRET, { event: { type: 'scheduled' }, contact: { id: 'P-1' } }, 'application/octet-stream');
		expect(untyped.status).toBe(400);
		expect(JSON.stringify(await untyped.json())).toContain('visit.id');
		const executions = await n8n.rest<{ results: unknown[] }>('GET', `/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: dental.id }))}`);
		expect(executions.results).toEqual([]);
	});

	it('parks, survives a restart, sends the reminder once, and follows check-in and survey to the "active contact" tag', async () => {
		// Offsets are shortened, so the visit has just begun: the survey counts "since the visit started".
		const visitStart = new Date(Date.now() - 10 * 60_000);
		const body = {
			event: { id: 'e2e-evt-1', type: 'scheduled' },
			contact: { id: 'P-E2E-1', name: 'Anna Nowak', email: 'anna@patients.test', phone: '+48601234567', timeZone: 'Europe/Warsaw', locale: 'pl-PL' },
			visit: { id: 'V-E2E-1', service: 'Hygiene', location: 'Clinic Centrum', start: visitStart.toISOString(), end: new Date(visitStart.getTime() + 45 * 60_000).toISOString() },
		};
		const url = webhookUrl(n8n.baseUrl, nodeOf(dental, 'Visit booked or moved'));
		const accepted = await signedPost(url, SECRET, body);
		expect(accepted.status).toBe(200);
		const duplicate = await signedPost(url, SECRET, body);
		expect(await duplicate.json()).toMatchObject({ duplicate: true });

		const waiting = await eventually(async () => {
			const list = await n8n.rest<{ results: Array<{ id: string; status: string }> }>('GET', `/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: dental.id }))}`);
			return list.results.find((execution) => execution.status === 'waiting');
		}, 60_000, 'the journey to park');

		await n8n.restart();

		const [reminder] = await eventually(async () => {
			const received = await mails();
			return received.length ? received : undefined;
		}, 240_000, 'the email reminder after the restart');
		const to = [reminder.to ?? []].flat().map((address) => address.text).join(', ');
		expect(to).toContain('anna@patients.test');
		expect(reminder.subject).toMatch(/wizyt/i); // Polish template for locale pl-PL
		expect(reminder.text).not.toMatch(/Hygiene/); // clinic and time only, never the treatment

		const store = await getStore(resolveStoreConfig({ credential: { type: 'sqlite', sqlitePath: n8n.storePath }, env: {} }));
		const contact = (await store.findContact({ externalId: 'P-E2E-1' }))!;
		const eventsUrl = webhookUrl(n8n.baseUrl, nodeOf(events, 'Journey events'));

		// The journey is now parked on "Attendance marked?": the clinic's check-in wakes it.
		await eventually(async () => ((await n8n.rest<{ status: string }>('GET', `/executions/${waiting.id}`)).status === 'waiting' ? true : undefined), 60_000, 'the wait for attendance');
		const checkIn = await signedPost(eventsUrl, SECRET, { type: 'attendance_marked', id: 'e2e-checkin-1', visitId: 'V-E2E-1', status: 'attended' });
		expect(checkIn.status).toBe(200);

		const survey = await eventually(async () => {
			const received = await mails();
			return received.length >= 2 ? received[1] : undefined;
		}, 120_000, 'the survey email');
		expect(survey.text).toContain('https://clinic.example/survey?visit=V-E2E-1');

		await eventually(async () => ((await n8n.rest<{ status: string }>('GET', `/executions/${waiting.id}`)).status === 'waiting' ? true : undefined), 60_000, 'the wait for the survey');
		const filled = await signedPost(eventsUrl, SECRET, { type: 'survey_completed', id: 'e2e-survey-1', contact: { id: 'P-E2E-1' }, visitId: 'V-E2E-1' });
		expect(filled.status).toBe(200);

		await eventually(async () => ((await store.getTags(contact.id)).includes('active contact') ? true : undefined), 60_000, 'the "active contact" tag');
		expect(await store.getTags(contact.id)).toEqual(['active contact']);
		// The tag is the last node's write; n8n saves the execution's end just after it.
		const finished = await eventually(async () => {
			const execution = await n8n.rest<{ status: string }>('GET', `/executions/${waiting.id}`);
			return execution.status === 'running' ? undefined : execution;
		}, 60_000, 'the end of the journey execution');
		expect(finished.status).toBe('success');
		// Exactly once: the reminder and the survey, nothing twice despite the duplicate event and the restart.
		expect((await mails()).map((mail) => mail.subject)).toHaveLength(2);
	}, 600_000);
});
