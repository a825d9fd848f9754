// S4 — delivery / service confirmation (seed 003).
const { WorkflowBuilder } = require('../builder.cjs');
const { customerFromBody, delay, firstReportOnly, recoverLostRuns, retryInWindow, send, staffTask } = require('../parts.cjs');

module.exports = function deliveryConfirmation() {
	const wf = new WorkflowBuilder({
		id: 'cjDeliveryConfirm01',
		name: 'Delivery confirmation (S4)',
		description: 'SMS "did it arrive?" → yes: thanks + tips / no: apology and a manager alert at once / no reply: ask again, then a staff task.',
	});
	const trigger = wf.base('Delivery due', 'webhook', 2, { httpMethod: 'POST', path: 'delivery-due', responseMode: 'onReceived', options: {} }, { webhook: true });
	const normalize = customerFromBody(wf, 'Customer and delivery', 'delivery', [
		['did', 'id', '={{ $json.body.delivery.id }}'],
		['dwhat', 'what', '={{ $json.body.delivery.what || "your order" }}'],
		['ddue', 'dueAt', '={{ $json.body.delivery.dueAt }}'],
	]);
	const due = delay(wf, 'When it was due (in the send window)', { direction: 'after', amount: 1, unit: 'hours', anchorDate: '={{ $json.delivery.dueAt }}', anchorLabel: 'the delivery time' });
	const ask = send(wf, 'SMS: did it arrive?', { policy: 'preferSms', template: 'deliveryQuestion', step: '=delivery-ask-{{ $json.delivery.id }}', variables: [['what', '={{ $json.delivery.what }}']], options: { visitCheck: 'none' } });
	wf.chain(trigger, normalize, due, ask);
	retryInWindow(wf, 'Ask: wait for the send window', ask);
	// The question's own reply (by its message ID: a later message from another journey does not hide it).
	const replyTo = (name) => wf.journey(name, 'journeyCondition', {
		check: 'message', messageStatus: 'reply', messageLookup: 'id', messageId: '={{ $json.message.messageId }}', waitForEvent: true, waitHours: 24,
	});
	// The shop may report one delivery twice (a retry): the run whose question came out as a
	// duplicate stops here, so one answer never thanks twice or alerts the manager twice.
	const firstReport = firstReportOnly(wf, 'First report of this delivery?');
	const reply = replyTo('Reply?');
	wf.chain(ask, firstReport, reply);

	const thanks = send(wf, 'Thank you', { policy: 'preferSms', template: 'thanks', step: '=delivery-thanks-{{ $json.delivery.id }}', options: { visitCheck: 'none' } });
	const tipsLater = delay(wf, 'Next day, 10:00', { direction: 'after', amount: 1, unit: 'days', timeOfDay: '10:00', anchorDate: '={{ $now.toISO() }}', anchorLabel: 'the confirmation' });
	const tips = send(wf, 'Usage tips (optional)', {
		// Tips for using what the customer just received are part of the service, not promotion.
		policy: 'preferEmail', template: 'thanks', step: '=delivery-tips-{{ $json.delivery.id }}', purpose: 'service', options: { visitCheck: 'none' },
		extra: { messageSource: 'custom', subject: 'Getting the most out of {what}', text: '{greeting} Three tips for {what}: https://example.com/tips' },
		variables: [['what', '={{ $json.delivery.what }}']],
	});
	wf.connect(reply, thanks, 1);
	wf.chain(thanks, tipsLater, tips);
	// An answer at night is thanked (or apologised to) when the send window opens, never dropped.
	retryInWindow(wf, 'Thanks: wait for the send window', thanks);
	retryInWindow(wf, 'Tips: wait for the send window', tips);

	const apology = send(wf, 'Apology', { policy: 'preferSms', template: 'apology', step: '=delivery-apology-{{ $json.delivery.id }}', options: { visitCheck: 'none' } });
	const alert = staffTask(wf, 'Manager alert', { team: 'service-desk', reason: '={{ "Not delivered: " + $json.delivery.what + " (" + $json.delivery.id + ")" }}' });
	// The alert is connected first so it sits above the apology: n8n runs the upper branch first, so
	// the manager hears at once even when the apology has to wait for the send window.
	wf.connect(reply, alert, 2);
	wf.connect(reply, apology, 2);
	retryInWindow(wf, 'Apology: wait for the send window', apology);

	const askAgain = send(wf, 'SMS: ask again', { policy: 'preferSms', template: 'deliveryQuestion', step: '=delivery-ask-again-{{ $json.delivery.id }}', variables: [['what', '={{ $json.delivery.what }}']], options: { visitCheck: 'none' } });
	wf.connect(reply, askAgain, 0);
	retryInWindow(wf, 'Ask again: wait for the send window', askAgain);
	const reply2 = replyTo('Reply to the second ask?');
	wf.connect(askAgain, reply2);
	wf.connect(reply2, thanks, 1);
	wf.connect(reply2, alert, 2);
	wf.connect(reply2, apology, 2);
	const staff = staffTask(wf, 'Staff: call the customer', { team: 'service-desk', reason: '={{ ($json.condition.outcome === "Other Reply" ? "Unclear answer about " : "No answer about ") + $json.delivery.what + " (" + $json.delivery.id + ")" }}' });
	wf.connect(reply2, staff, 0);
	wf.connect(reply, staff, 3);
	wf.connect(reply2, staff, 3);
	recoverLostRuns(wf, due);

	wf.note('How this journey works', [
		'POST `{ customer: {…}, delivery: { id, what, dueAt } }` to **Delivery due** (newspaper, parcel, technician …).',
		'Replies come back through the **Journey events** workflow: Tak/Nie, כן/לא, Да/Нет, yes/no, 1/2 and 👍/👎 are understood; anything else goes to staff.',
		'A "no" sends the apology **and** alerts the manager at the same time (an answer at night: the alert at once, the apology at 08:00).',
		'Point the **notify** nodes at your helpdesk or CRM.',
	].join('\n\n'), { width: 520, height: 260 });
	return wf.toJSON();
};
