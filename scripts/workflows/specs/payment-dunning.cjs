// S3 — payment dunning (seed 003).
const { WorkflowBuilder } = require('../builder.cjs');
const { TRACKING_BASE_URL, retryInWindow, send, staffTask } = require('../parts.cjs');

module.exports = function paymentDunning() {
	const wf = new WorkflowBuilder({
		id: 'cjPaymentDunning01',
		name: 'Payment dunning (S3)',
		description: 'Email with a pay link → not opened → SMS → paid, or clicked but not paid → collections task.',
	});
	const trigger = wf.base('Payment overdue', 'webhook', 2, { httpMethod: 'POST', path: 'payment-overdue', responseMode: 'onReceived', options: {} }, { webhook: true });
	const normalize = wf.base('Customer and invoice', 'set', 3.4, {
		assignments: {
			assignments: [
				{ id: 'cid', name: 'contact.id', type: 'string', value: '={{ $json.body.customer.id }}' },
				{ id: 'cname', name: 'contact.name', type: 'string', value: '={{ $json.body.customer.name }}' },
				{ id: 'cemail', name: 'contact.email', type: 'string', value: '={{ $json.body.customer.email }}' },
				{ id: 'cphone', name: 'contact.phone', type: 'string', value: '={{ $json.body.customer.phone }}' },
				{ id: 'czone', name: 'contact.timeZone', type: 'string', value: '={{ $json.body.customer.timeZone || "Europe/Warsaw" }}' },
				{ id: 'clocale', name: 'contact.locale', type: 'string', value: '={{ $json.body.customer.locale || "en" }}' },
				{ id: 'inv', name: 'invoice.id', type: 'string', value: '={{ $json.body.invoice.id }}' },
				{ id: 'amount', name: 'invoice.amount', type: 'string', value: '={{ $json.body.invoice.amount }}' },
				{ id: 'link', name: 'invoice.payUrl', type: 'string', value: '={{ $json.body.invoice.payUrl }}' },
			],
		},
		options: {},
	});
	wf.chain(trigger, normalize);
	const variables = [['amount', '={{ $json.invoice.amount }}'], ['link', '={{ $json.invoice.payUrl }}']];
	const email = send(wf, 'Email payment reminder', {
		policy: 'emailOnly', template: 'paymentReminder', step: '=dunning-email-{{ $json.invoice.id }}', variables,
		options: { trackingBaseUrl: TRACKING_BASE_URL, trackOpens: true, trackClicks: true, visitCheck: 'none' },
	});
	wf.connect(normalize, email);
	retryInWindow(wf, 'Email: wait for the send window', email);
	const opened = wf.journey('Email opened?', 'journeyCondition', {
		check: 'message', messageStatus: 'opened', messageLookup: 'latest', messageChannel: 'email', waitForEvent: true, waitHours: 48,
	});
	wf.connect(email, opened);
	const paidAfterEmail = wf.journey('Paid after the email?', 'journeyCondition', { check: 'payment', surveySince: 'hours', sinceHours: 72, waitForEvent: true, waitHours: 72 });
	wf.connect(opened, paidAfterEmail, 1);
	const sms = send(wf, 'SMS payment notice', {
		policy: 'smsOnly', template: 'paymentReminder', step: '=dunning-sms-{{ $json.invoice.id }}', variables,
		options: { trackingBaseUrl: TRACKING_BASE_URL, trackClicks: true, visitCheck: 'none' },
	});
	wf.connect(opened, sms, 0);
	wf.connect(paidAfterEmail, sms, 0);
	retryInWindow(wf, 'SMS: wait for the send window', sms);
	const clicked = wf.journey('SMS link opened?', 'journeyCondition', {
		check: 'message', messageStatus: 'clicked', messageLookup: 'latest', messageChannel: 'sms', waitForEvent: true, waitHours: 72,
	});
	wf.connect(sms, clicked);
	const paid = wf.journey('Paid?', 'journeyCondition', { check: 'payment', surveySince: 'hours', sinceHours: 168, waitForEvent: true, waitHours: 24 });
	wf.connect(clicked, paid, 1);
	const collections = staffTask(wf, 'Collections: call the customer', { team: 'collections', reason: '={{ "Invoice " + $json.invoice.id + " (" + $json.invoice.amount + ") opened the pay link but did not pay" }}' });
	wf.connect(paid, collections, 0);
	wf.note('How this journey works', [
		'Your billing system POSTs `{ customer: { id, name, email, phone, timeZone, locale }, invoice: { id, amount, payUrl } }` to **Payment overdue** when a subscription is unpaid.',
		'Payments come back through the **Journey events** workflow (`payment_received`), opens and clicks through its tracking URLs: keep it active.',
		'Not opened → SMS; link opened but not paid → a task for the collections team (the **notify** node posts it; point it at your CRM).',
		'Protect the webhook (Header Auth) before going live; set the tracking URL to your n8n\'s public address.',
	].join('\n\n'), { width: 540, height: 320 });
	return wf.toJSON();
};
