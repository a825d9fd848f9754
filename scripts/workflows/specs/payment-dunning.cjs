// S3 — payment dunning (seed 003).
const { WorkflowBuilder } = require('../builder.cjs');
const { TRACKING_BASE_URL, customerFromBody, firstReportOnly, recoverLostRuns, retryInWindow, send, staffTask } = require('../parts.cjs');

module.exports = function paymentDunning() {
	const wf = new WorkflowBuilder({
		id: 'cjPaymentDunning01',
		name: 'Payment dunning (S3)',
		description: 'Email with a pay link → not opened or not paid → SMS → paid, or not paid → collections task.',
	});
	const trigger = wf.base('Payment overdue', 'webhook', 2, { httpMethod: 'POST', path: 'payment-overdue', responseMode: 'onReceived', options: {} }, { webhook: true });
	const normalize = customerFromBody(wf, 'Customer and invoice', 'invoice', [
		['inv', 'id', '={{ $json.body.invoice.id }}'],
		['amount', 'amount', '={{ $json.body.invoice.amount }}'],
		['link', 'payUrl', '={{ $json.body.invoice.payUrl }}'],
	]);
	wf.chain(trigger, normalize);
	const variables = [['amount', '={{ $json.invoice.amount }}'], ['link', '={{ $json.invoice.payUrl }}']];
	const email = send(wf, 'Email payment reminder', {
		policy: 'emailOnly', template: 'paymentReminder', step: '=dunning-email-{{ $json.invoice.id }}', variables,
		options: { trackingBaseUrl: TRACKING_BASE_URL, trackOpens: true, trackClicks: true, visitCheck: 'none' },
	});
	wf.connect(normalize, email);
	retryInWindow(wf, 'Email: wait for the send window', email);
	const byId = { messageLookup: 'id', messageId: '={{ $json.message.messageId }}' };
	// A payment counts from the last week (a monthly subscription's previous payment is older).
	const paidCheck = (name, wait) => wf.journey(name, 'journeyCondition', {
		check: 'payment', surveySince: 'hours', sinceHours: 168, waitForEvent: wait > 0, ...(wait > 0 ? { waitHours: wait } : {}),
	});
	// The billing system may report one invoice twice (a retry): the run whose email came out as a
	// duplicate stops here, so the customer never gets two SMS or two collections calls.
	const firstReport = firstReportOnly(wf, 'First report of this invoice?');
	const opened = wf.journey('Email opened?', 'journeyCondition', { check: 'message', messageStatus: 'opened', ...byId, waitForEvent: true, waitHours: 48 });
	wf.chain(email, firstReport, opened);
	// Paid by transfer without opening the email: no SMS.
	const paidUnopened = paidCheck('Paid without opening?', 0);
	wf.connect(opened, paidUnopened, 0);
	const paidAfterEmail = paidCheck('Paid after the email?', 72);
	wf.connect(opened, paidAfterEmail, 1);
	const sms = send(wf, 'SMS payment notice', {
		policy: 'smsOnly', template: 'paymentReminder', step: '=dunning-sms-{{ $json.invoice.id }}', variables,
		options: { trackingBaseUrl: TRACKING_BASE_URL, trackClicks: true, visitCheck: 'none' },
	});
	wf.connect(paidUnopened, sms, 0);
	wf.connect(paidAfterEmail, sms, 0);
	retryInWindow(wf, 'SMS: wait for the send window', sms);
	const clicked = wf.journey('SMS link opened?', 'journeyCondition', { check: 'message', messageStatus: 'clicked', ...byId, waitForEvent: true, waitHours: 72 });
	wf.connect(sms, clicked);
	const paid = paidCheck('Paid?', 24);
	wf.connect(clicked, paid, 1);
	const collections = staffTask(wf, 'Collections: call the customer', { team: 'collections', reason: '={{ "Invoice " + $json.invoice.id + " (" + $json.invoice.amount + ") opened the pay link but did not pay" }}' });
	wf.connect(paid, collections, 0);
	// Neither the email nor the SMS link opened and still unpaid: the invoice must not be dropped.
	const paidUnclicked = paidCheck('Paid without clicking?', 0);
	wf.connect(clicked, paidUnclicked, 0);
	const silent = staffTask(wf, 'Collections: no reaction', { team: 'collections', reason: '={{ "Invoice " + $json.invoice.id + " (" + $json.invoice.amount + ") unpaid; the email and SMS links were not opened" }}' });
	wf.connect(paidUnclicked, silent, 0);
	recoverLostRuns(wf, email);

	wf.note('How this journey works', [
		'Your billing system POSTs `{ customer: { id, name, email, phone, timeZone, locale }, invoice: { id, amount, payUrl } }` to **Payment overdue** when a subscription is unpaid.',
		'Payments come back through the **Journey events** workflow (`payment_received`), opens and clicks through its tracking URLs: keep it active.',
		'Not opened (and not paid) → SMS; SMS link opened but not paid → a task for the collections team; no reaction at all → a collections task too (the **notify** nodes post them; point them at your CRM). Whoever pays at any point gets nothing more.',
		'Protect the webhook (Header Auth) before going live; set the tracking URL to your n8n\'s public address.',
	].join('\n\n'), { width: 540, height: 320 });
	return wf.toJSON();
};
