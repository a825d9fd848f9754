// Building blocks the scenario specs share: the same trigger, delay, check and send settings,
// written once. All sends default to the Outbox, so an imported workflow runs with no accounts.

const OUTBOX = { smsProvider: 'outbox', emailProvider: 'outbox', whatsAppProvider: 'outbox' };

/** The Visit Trigger: signed generic JSON (set the Journey Webhook credential before activating). */
function visitTrigger(wf, name, { path, events = ['scheduled', 'rescheduled'], format = 'generic' }) {
	return wf.journey(name, 'visitTrigger', { path, format, events, authentication: 'hmac', options: {} }, { webhook: true });
}

/** A Quiet-Hours Delay relative to a date of the item (default: the visit start). */
function delay(wf, name, { direction, amount, unit, timeOfDay = '', anchorDate = '={{ $json.visit.start }}', anchorLabel = 'the visit', pastDue = 'sendNowIfInWindow' }) {
	return wf.journey(name, 'quietHoursDelay', { anchor: 'field', anchorDate, anchorLabel, direction, amount, unit, timeOfDay, pastDue });
}

/** Waits for the next opening of the send window: where a send node's "Deferred" output goes. */
function retryInWindow(wf, name, sendNode) {
	const wait = wf.journey(name, 'quietHoursDelay', { anchor: 'now', direction: 'after', amount: 0, unit: 'minutes', timeOfDay: '', pastDue: 'nextWindow' });
	wf.connect(sendNode, wait, 1);
	wf.connect(wait, sendNode);
	return wait;
}

function stillBooked(wf, name) {
	return wf.journey(name, 'journeyCondition', { check: 'visitCurrent' });
}

function send(wf, name, { policy, template, purpose = 'service', step, variables = [], order, extra = {}, options = {} }) {
	const parameters = {
		purpose,
		channelPolicy: policy,
		...(order ? { channelOrder: { channels: order.map((channel) => ({ channel })) } } : {}),
		...OUTBOX,
		messageSource: 'template',
		template,
		...(variables.length ? { templateVariables: { variable: variables.map(([n, value]) => ({ name: n, value })) } } : {}),
		step: step ?? '',
		options: { clinicName: '={{ $json.visit.location || "the clinic" }}', ...options },
		...extra,
	};
	return wf.journey(name, 'channelPreferenceSend', parameters);
}

/**
 * A journey lost with its worker starts again: n8n runs a workflow's own Error Trigger when one of
 * its executions fails, and Journey Recovery sends that journey's recorded start to `firstNode`
 * (the node right after the trigger). Runs that failed in a node are left alone.
 */
function recoverLostRuns(wf, firstNode) {
	const failed = wf.base('Execution failed', 'errorTrigger', 1);
	const recovery = wf.journey('Start a lost journey again', 'journeyRecovery', {});
	wf.chain(failed, recovery, firstNode);
	return recovery;
}

function tag(wf, name, tags, operation = 'add') {
	return wf.journey(name, 'tagContact', { operation, tags });
}

/**
 * A staff task (call the patient, collections, service desk): a Set node that writes the task
 * with the contact's details, then an HTTP POST to the team's task endpoint — by default the
 * local sink `npm start` runs, so it works right after import; point it at a CRM, Slack or a
 * helpdesk. A failed POST does not stop the journey (the task stays in the execution's data).
 */
function staffTask(wf, name, { team, reason, url = 'http://127.0.0.1:8026/tasks' }) {
	const build = wf.base(name, 'set', 3.4, {
		assignments: {
			assignments: [
				{ id: 'team', name: 'task.team', type: 'string', value: team },
				{ id: 'reason', name: 'task.reason', type: 'string', value: reason },
				{ id: 'name', name: 'task.contact.name', type: 'string', value: '={{ $json.contact.name }}' },
				{ id: 'phone', name: 'task.contact.phone', type: 'string', value: '={{ $json.contact.phone }}' },
				{ id: 'email', name: 'task.contact.email', type: 'string', value: '={{ $json.contact.email }}' },
				{ id: 'visit', name: 'task.visit', type: 'string', value: '={{ $json.visit ? $json.visit.start : "" }}' },
			],
		},
		includeOtherFields: true,
		options: {},
	});
	const post = wf.base(`${name}: notify ${team}`, 'httpRequest', 4.2, {
		method: 'POST',
		url,
		sendBody: true,
		specifyBody: 'json',
		jsonBody: '={{ JSON.stringify($json.task) }}',
		options: {},
	}, { onError: 'continueRegularOutput' });
	wf.connect(build, post);
	return build;
}

/**
 * The Journey Event Trigger's URL in journey-events.json (its webhook ID is stable): send nodes
 * use it as the tracking base, so opens, clicks and replies come back to the journeys.
 */
const { stableId } = require('./builder.cjs');
const EVENTS_WORKFLOW_ID = 'cjJourneyEvents01';
const EVENTS_TRIGGER = 'Journey events';
const EVENTS_PATH = 'journey-events';
const TRACKING_BASE_URL = `http://localhost:5678/webhook/${stableId(`${EVENTS_WORKFLOW_ID}/${EVENTS_TRIGGER}/webhook`)}/${EVENTS_PATH}`;

/**
 * A customer posted by another system (billing, delivery) as `{ customer: {…}, <key>: {…} }`,
 * reshaped into the journey item's `contact` plus `<key>` with the given fields.
 */
function customerFromBody(wf, name, key, fields) {
	const contact = [
		['cid', 'id', '={{ $json.body.customer.id }}'],
		['cname', 'name', '={{ $json.body.customer.name }}'],
		['cemail', 'email', '={{ $json.body.customer.email }}'],
		['cphone', 'phone', '={{ $json.body.customer.phone }}'],
		['czone', 'timeZone', '={{ $json.body.customer.timeZone || "Europe/Warsaw" }}'],
		['clocale', 'locale', '={{ $json.body.customer.locale || "en" }}'],
	].map(([id, field, value]) => ({ id, name: `contact.${field}`, type: 'string', value }));
	const own = fields.map(([id, field, value]) => ({ id, name: `${key}.${field}`, type: 'string', value }));
	return wf.base(name, 'set', 3.4, { assignments: { assignments: [...contact, ...own] }, options: {} });
}

/**
 * Stops a run whose first message came out as "duplicate suppressed": the sender reported the same
 * thing twice (a retry), and the first run already carries the journey.
 */
function firstReportOnly(wf, name) {
	return wf.base(name, 'filter', 2.2, {
		conditions: {
			options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
			conditions: [{ id: 'not-duplicate', leftValue: '={{ $json.message.status }}', rightValue: 'duplicate suppressed', operator: { type: 'string', operation: 'notEquals' } }],
			combinator: 'and',
		},
		options: {},
	});
}

module.exports = { customerFromBody, firstReportOnly, EVENTS_WORKFLOW_ID, EVENTS_TRIGGER, EVENTS_PATH, TRACKING_BASE_URL, OUTBOX, visitTrigger, delay, retryInWindow, stillBooked, send, tag, staffTask, recoverLostRuns };
