// S6 — check-up invitation for clients whose last visit was 5–6 months ago (seed 002).
const { WorkflowBuilder } = require('../builder.cjs');
const { retryInWindow, send } = require('../parts.cjs');

module.exports = function checkupInvitation() {
	const wf = new WorkflowBuilder({
		id: 'cjCheckupInvite01',
		name: 'Check-up invitation after 5–6 months (S6)',
		description: 'Clients whose last visit ended 5–6 months ago and who have nothing booked get their last visit date and an invitation.',
	});
	const trigger = wf.journey('Last visit 5–6 months ago', 'recallTrigger', {
		reminder: 'checkup-invitation', services: [], delayAmount: 5, delayUnit: 'months', catchUpDays: 30, excludeTags: [],
		pollTimes: { item: [{ mode: 'everyDay', hour: 9, minute: 0 }] },
	});
	const invite = send(wf, 'Invite (WhatsApp → SMS → email)', {
		policy: 'ordered', order: ['whatsapp', 'sms', 'email'], template: 'recall', purpose: 'marketing', step: 'checkup-invitation',
		variables: [
			['lastVisit', '={{ $json.visit.start ? DateTime.fromISO($json.visit.start).setZone($json.contact.timeZone || $now.zoneName).setLocale($json.contact.locale || "en").toFormat("d MMMM yyyy") : "" }}'],
			['link', 'https://clinic.example/book?offer=hygiene-20'],
		],
		options: { visitCheck: 'none' },
	});
	wf.connect(trigger, invite);
	retryInWindow(wf, 'Invite: wait for the send window', invite);
	wf.note('Adapt it', [
		'Replaces the monthly call list: every day at 09:00 the trigger finds visits that ended 5 months ago (30-day months, catching up 30 days: so 5–6 months) with no future booking, once per visit.',
		'Marketing message: only to contacts with marketing consent, at most 3 a week (send node). Put the 20 % hygiene offer in the link or switch to *Custom Text*.',
	].join('\n\n'), { width: 520, height: 240 });
	return wf.toJSON();
};
