// The receiver every journey needs: replies, delivery reports, opens/clicks, surveys, payments,
// check-ins. It records each event in the Journey Store and wakes the journeys waiting for it.
const { WorkflowBuilder } = require('../builder.cjs');
const { EVENTS_PATH, EVENTS_TRIGGER, EVENTS_WORKFLOW_ID } = require('../parts.cjs');

module.exports = function journeyEvents() {
	const wf = new WorkflowBuilder({
		id: EVENTS_WORKFLOW_ID,
		name: 'Journey events (replies, opens, surveys, payments, check-ins)',
		description: 'Records engagement in the Journey Store and wakes waiting journeys. Keep it active.',
	});
	const trigger = wf.journey(EVENTS_TRIGGER, 'journeyEventTrigger', { path: EVENTS_PATH, startOn: ['opt_out'], authentication: 'hmac', options: {} }, { webhook: true });
	const optOut = wf.base('Opt-out received', 'noOp', 1);
	wf.connect(trigger, optOut);
	wf.note('Keep this workflow active', [
		'Every journey that waits for a reply, an open, a survey, a payment or a check-in is woken from here.',
		'- Booking system / clinic check-in, forms, billing: POST signed JSON to the production URL (set the **Journey Webhook** credential).',
		'- Twilio: set the number\'s incoming-message and status-callback URLs to `<URL>/twilio`. WhatsApp Cloud API: `<URL>/whatsapp`.',
		'- Email opens and clicks arrive at `<URL>/open` and `<URL>/click` from the send nodes\' tracking.',
		'- STOP replies revoke consent before anything else; this workflow then runs once per opt-out (hook your CRM there).',
	].join('\n'), { width: 560, height: 300 });
	return wf.toJSON();
};
