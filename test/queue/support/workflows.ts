/**
 * The workflows and credentials the queue tests import: copies of the dental journey with
 * shortened offsets (parameters only) and a small loyalty workflow built like workflows/*.json.
 */
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';

import { ALWAYS_OPEN, byType, loadWorkflow, nodeOf, setParameters, type Workflow } from '../../e2e/support/journey';

export const SECRET = 'whsec_queue_0123456789abcdef0123456789abcdef';
const WEBHOOK_CREDENTIAL = { id: 'cjQueueWebhook1', name: 'Booking system (queue)' };
const SMTP_CREDENTIAL = { id: 'cjQueueSmtp1', name: 'Mail sink (queue)' };
const SMS_CREDENTIAL = { id: 'cjQueueSms1', name: 'SMS sink (queue)' };

export function credentials(sinks: { smtpPort: number; smsUrl: string }): object[] {
	return [
		{ ...WEBHOOK_CREDENTIAL, type: 'journeyWebhookApi', data: { secret: SECRET } },
		{ ...SMTP_CREDENTIAL, type: 'smtp', data: { host: '127.0.0.1', port: sinks.smtpPort, secure: false, user: '', password: '', disableStartTls: true } },
		{ ...SMS_CREDENTIAL, type: 'httpSmsApi', data: { url: sinks.smsUrl, method: 'POST', headerName: '', headerSecret: '', bodyTemplate: '{"to": "{{to}}", "text": "{{text}}", "from": "{{from}}"}', idPath: 'id' } },
	];
}

export interface DentalOptions {
	id: string;
	path: string;
	/** The first delay ("2 days before, 08:00") waits this long: over 65 s parks the run in PostgreSQL. */
	parkSeconds: number;
	/** "On the day, 08:00" waits this long in the worker, between the email and the SMS. */
	onTheDaySeconds?: number;
}

/**
 * S1 with the email and SMS going to the sinks. The delays ignore the send window (so every run
 * reaches the send nodes now); the send nodes keep the default 08:00–20:00 window in the
 * contact's zone, so a contact for whom it is night gets nothing and is deferred.
 */
export function dentalWorkflow({ id, path, parkSeconds, onTheDaySeconds = 0 }: DentalOptions): Workflow {
	const workflow = loadWorkflow('dental-visit-reminder.json');
	workflow.id = id;
	workflow.name = `${workflow.name} [${id}]`;
	const trigger = nodeOf(workflow, 'Visit booked or moved');
	trigger.credentials = { journeyWebhookApi: WEBHOOK_CREDENTIAL };
	trigger.parameters.path = path;
	trigger.webhookId = randomUUID();
	const inSeconds = (seconds: number) => ({ anchor: 'field', anchorDate: `={{ $now.plus({ seconds: ${seconds} }).toISO() }}`, direction: 'after', amount: 0, unit: 'minutes', timeOfDay: '', ...ALWAYS_OPEN });
	setParameters(workflow, '2 days before, 08:00', inSeconds(parkSeconds));
	setParameters(workflow, 'On the day, 08:00', inSeconds(onTheDaySeconds));
	for (const send of byType(workflow, '.channelPreferenceSend')) {
		Object.assign(send.parameters, { emailProvider: 'smtp', emailFrom: 'clinic@clinic.test', smsProvider: 'http', smsFrom: 'CLINIC' });
		send.credentials = { smtp: SMTP_CREDENTIAL, httpSmsApi: SMS_CREDENTIAL };
	}
	return workflow;
}

const { WorkflowBuilder } = require('../../../scripts/workflows/builder.cjs') as {
	WorkflowBuilder: new (options: { id: string; name: string; description: string }) => {
		journey(name: string, type: string, parameters: object, extra?: object): string;
		chain(...names: string[]): string;
		toJSON(): Workflow;
	};
};

/** Visit Trigger (completed visits) → Loyalty Counter: +1 "visits", once per visit ID. */
export function loyaltyWorkflow(path: string): Workflow {
	const wf = new WorkflowBuilder({ id: 'cjQueueLoyalty01', name: 'Queue test: a visit counts once', description: 'Counts completed visits per contact.' });
	const trigger = wf.journey(
		'Visit completed',
		'visitTrigger',
		{ path, format: 'generic', events: ['completed'], authentication: 'hmac', options: {} },
		{ webhook: true, credentials: { journeyWebhookApi: WEBHOOK_CREDENTIAL } },
	);
	const counter = wf.journey('Count the visit', 'loyaltyCounter', {
		operation: 'add',
		counter: { __rl: true, mode: 'name', value: 'visits' },
		amount: 1,
		dedupKey: '={{ $json.visit.id }}',
	});
	wf.chain(trigger, counter);
	return wf.toJSON();
}

/** One zone per UTC offset, so any hour of the day is local somewhere. */
const ZONES = [
	'Pacific/Pago_Pago', 'Pacific/Honolulu', 'America/Anchorage', 'America/Los_Angeles', 'America/Denver', 'America/Chicago',
	'America/New_York', 'America/Halifax', 'America/Sao_Paulo', 'Atlantic/South_Georgia', 'Atlantic/Azores', 'Europe/London',
	'Europe/Warsaw', 'Europe/Helsinki', 'Europe/Moscow', 'Asia/Dubai', 'Asia/Karachi', 'Asia/Dhaka', 'Asia/Bangkok',
	'Asia/Shanghai', 'Asia/Tokyo', 'Australia/Brisbane', 'Pacific/Noumea', 'Pacific/Auckland', 'Pacific/Kiritimati',
];

/** A zone whose local hour is now in [from, to): 10–17 stays inside 08:00–20:00 for the test, 0–5 outside. */
export function zoneWithLocalHour(from: number, to: number): string {
	const zone = ZONES.find((candidate) => {
		const { hour } = DateTime.now().setZone(candidate);
		return hour >= from && hour < to;
	});
	if (!zone) throw new Error(`no zone has a local hour in [${from}, ${to}) now`);
	return zone;
}
