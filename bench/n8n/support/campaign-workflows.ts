/**
 * The recall campaign of bench/n8n/campaign.ts, ours and stock. Both start with the same Webhook
 * and the same Code node that emits the campaign's contacts (the same generator that seeds the
 * Journey Store), so they differ only in how the messages go out.
 */
import { PACKAGE, stockWebhook, workflow, type BenchNode } from './workflow';

export const CREDENTIALS = {
	smtp: { id: 'cjBenchSmtp1', name: 'Mail sink (bench)' },
	httpSms: { id: 'cjBenchSms1', name: 'SMS sink (bench)' },
};

export const FROM = 'Smile Dental <hello@smile-dental.example>';
export const LINK = 'https://clinic.example/book?offer=check-up';

/**
 * Contact i of the campaign and its last visit (ended at `visitEnd`, epoch ms): 80 % with email and
 * phone (email goes first), every fifth without email (SMS). Self-contained: it is also pasted
 * into the Code node as source text.
 */
export function campaignContact(i: number, visitEnd: number) {
	const id = String(i).padStart(6, '0');
	const withEmail = i % 5 !== 0;
	return {
		contact: {
			id: `C-${id}`,
			name: `Pacjent ${id}`,
			email: withEmail ? `patient${id}@patients.example` : null,
			phone: `+48600${id}`,
			timeZone: 'Europe/Warsaw',
			locale: 'pl-PL',
		},
		visit: {
			id: `RV-${id}`,
			service: 'Check-up',
			location: 'Smile Dental, Warszawa',
			staff: null,
			start: new Date(visitEnd - 45 * 60_000).toISOString(),
			end: new Date(visitEnd).toISOString(),
			status: 'attended',
			version: 1,
		},
	};
}

/** The Code node: `{ offset, count, visitEnd }` from the webhook body → one item per contact. */
const contactsCode = `const campaignContact = ${campaignContact.toString()};
const { offset, count, visitEnd } = $input.first().json.body;
const items = [];
for (let i = offset; i < offset + count; i++) items.push({ json: campaignContact(i, visitEnd) });
return items;`;

const contactsNode: BenchNode = {
	name: 'Contacts due for a check-up',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: { mode: 'runOnceForAllItems', language: 'javaScript', jsCode: contactsCode },
};

export const oursTrigger = stockWebhook('Start campaign', 'campaign-ours');
export const stockTrigger = stockWebhook('Start campaign', 'campaign-stock');

export const SEND_NODE = 'Invite (email, else SMS)';

/** The recall template (marketing: consent and frequency cap), email first, else SMS. */
function sendNode(parallelSends?: number): BenchNode {
	return {
		name: SEND_NODE,
		type: `${PACKAGE}.channelPreferenceSend`,
		parameters: {
			purpose: 'marketing',
			channelPolicy: 'preferEmail',
			smsProvider: 'http',
			emailProvider: 'smtp',
			emailFrom: FROM,
			smsFrom: 'SMILEDENT',
			messageSource: 'template',
			template: 'recall',
			templateVariables: { variable: [{ name: 'link', value: LINK }] },
			step: 'check-up-recall',
			options: { clinicName: 'Smile Dental', visitCheck: 'none', ...(parallelSends ? { parallelSends } : {}) },
			// The benchmark runs at any hour: the window is always open.
			sendWindowStart: '00:00',
			sendWindowEnd: '24:00',
		},
		credentials: { smtp: CREDENTIALS.smtp, httpSmsApi: CREDENTIALS.httpSms },
	};
}

/** Ours with the stock Webhook and Code node in front: differs from stock only in the sending. */
export function oursWorkflow(parallelSends?: number): object {
	return workflow('cjBenchCampaignOurs', 'bench: campaign through Channel Preference Send', [oursTrigger, contactsNode, sendNode(parallelSends)]);
}

export const RECALL_WORKFLOW_ID = 'cjBenchCampaignRecall';

/**
 * What a clinic runs (workflows/checkup-invitation.json): Recall Due Trigger (last visit 5 months
 * ago, catch-up 30 days) → Channel Preference Send. Imported unpublished: publishing it runs the
 * first poll at once, which starts the campaign.
 */
export function recallWorkflow(parallelSends?: number): object {
	const trigger: BenchNode = {
		name: 'Last visit 5–6 months ago',
		type: `${PACKAGE}.recallTrigger`,
		parameters: {
			reminder: 'check-up-bench',
			services: [],
			delayAmount: 5,
			delayUnit: 'months',
			catchUpDays: 30,
			excludeTags: [],
			pollTimes: { item: [{ mode: 'everyDay', hour: 9, minute: 0 }] },
		},
	};
	return { ...workflow(RECALL_WORKFLOW_ID, 'bench: recall campaign (Recall Due Trigger)', [trigger, sendNode(parallelSends)]), meta: { publish: false } };
}

/** The stock equivalent: IF has email → Send Email (SMTP) | HTTP Request to the SMS gateway. */
export function stockWorkflow(smsUrl: string): object {
	const hasEmail: BenchNode = {
		name: 'Has email?',
		type: 'n8n-nodes-base.if',
		typeVersion: 2.2,
		parameters: {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
				conditions: [{ id: 'has-email', leftValue: '={{ $json.contact.email }}', rightValue: '', operator: { type: 'string', operation: 'notEmpty', singleValue: true } }],
				combinator: 'and',
			},
			options: {},
		},
	};
	const greeting = 'Dzień dobry ';
	const body = `, minęło pół roku od ostatniej wizyty w Smile Dental. Zapraszamy na wizytę kontrolną: ${LINK}`;
	const text = `=${greeting}{{ $json.contact.name }}${body}`;
	const email: BenchNode = {
		name: 'Send Email',
		type: 'n8n-nodes-base.emailSend',
		typeVersion: 2.1,
		parameters: {
			resource: 'email',
			operation: 'send',
			fromEmail: FROM,
			toEmail: '={{ $json.contact.email }}',
			subject: 'Czas na wizytę kontrolną',
			emailFormat: 'text',
			text,
			options: { appendAttribution: false },
		},
		credentials: { smtp: CREDENTIALS.smtp },
	};
	const sms: BenchNode = {
		name: 'Send SMS (HTTP Request)',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: smsUrl,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={{ JSON.stringify({ to: $json.contact.phone, from: 'SMILEDENT', text: ${JSON.stringify(greeting)} + $json.contact.name + ${JSON.stringify(body)} }) }}`,
			options: {},
		},
	};
	return workflow('cjBenchCampaignStock', 'bench: campaign through Send Email + HTTP Request', [stockTrigger, contactsNode, hasEmail, email, sms], [
		['Start campaign', 'Contacts due for a check-up'],
		['Contacts due for a check-up', 'Has email?'],
		['Has email?', 'Send Email', 0],
		['Has email?', 'Send SMS (HTTP Request)', 1],
	]);
}
