// S6 — visit confirmation by reply (seed 002): WhatsApp, fallback SMS; yes → confirmed,
// no / no answer / no messenger → a task for the administrator to call.
const { WorkflowBuilder } = require('../builder.cjs');
const { delay, recoverLostRuns, retryInWindow, send, staffTask, stillBooked, tag, visitTrigger } = require('../parts.cjs');

module.exports = function visitConfirmationReply() {
	const wf = new WorkflowBuilder({
		id: 'cjVisitConfirm01',
		name: 'Visit confirmation by reply (S6)',
		description: 'One day before: WhatsApp (else SMS) asks Да/Нет; yes → confirmed, no or silence → administrator call task.',
		timezone: 'Europe/Moscow',
	});
	const trigger = visitTrigger(wf, 'Visit booked or moved', { path: 'clinic-visits' });
	const dayBefore = delay(wf, '1 day before, 10:00', { direction: 'before', amount: 1, unit: 'days', timeOfDay: '10:00' });
	const booked = stillBooked(wf, 'Still booked?');
	const ask = send(wf, 'Ask to confirm (WhatsApp → SMS)', { policy: 'ordered', order: ['whatsapp', 'sms'], template: 'visitConfirmation', step: 'confirm-ask' });
	wf.chain(trigger, dayBefore, booked, ask);
	retryInWindow(wf, 'Ask: wait for the send window', ask);
	// The answer to this question (by its message ID, so a later message from another journey does
	// not hide it), awaited up to 6 h but never later than 2 h before the visit: the administrator
	// must still be able to call when the question went late (booked the same day, n8n was down).
	const reply = wf.journey('Reply?', 'journeyCondition', {
		check: 'message', messageStatus: 'reply', messageLookup: 'id', messageId: '={{ $json.message.messageId }}', waitForEvent: true,
		waitHours: '={{ Math.min(6, Math.max(1, DateTime.fromISO($json.visit.start).diff($now, "hours").hours - 2)) }}',
	});
	wf.connect(ask, reply);
	const confirmed = tag(wf, 'Visit confirmed', 'visit confirmed');
	wf.connect(reply, confirmed, 1);
	const call = staffTask(wf, 'Administrator: call the patient', {
		team: 'reception',
		reason: '={{ "Visit on " + DateTime.fromISO($json.visit.start, { zone: $json.contact.timeZone || $now.zoneName }).toFormat("d LLL yyyy HH:mm") + " not confirmed: " + ({ "Replied No": "the patient answered no", "Other Reply": "unclear answer" }[$json.condition.outcome] || "no reply") }}',
	});
	wf.connect(reply, call, 0);
	wf.connect(reply, call, 2);
	wf.connect(reply, call, 3);
	recoverLostRuns(wf, dayBefore);

	wf.note('How this journey works', [
		'One day before the visit the patient gets the confirmation request on WhatsApp; without WhatsApp (or outside its 24-hour window without an approved template) it falls back to SMS.',
		'Replies "Да"/"Нет", "Tak"/"Nie", "כן"/"לא", yes/no, 1/2, 👍/👎 come back through **Journey events**. Yes → the contact is tagged; no, no answer or anything unclear → a task for the administrator to call (about 1 in 10 patients).',
		'The answer is awaited up to 6 h, but never later than 2 h before the visit (a visit booked the same day, or a question held back by the send window), so there is still time to call.',
		'For WhatsApp outside the 24-hour window set an approved template in the send node.',
	].join('\n\n'), { width: 540, height: 360 });
	return wf.toJSON();
};
