// S5 — recurring visit reminders per service (seed 004): month = 30 days.
const { WorkflowBuilder } = require('../builder.cjs');
const { retryInWindow, send } = require('../parts.cjs');

function reminder(wf, { name, reminder: id, services, amount, unit, policy }) {
	const trigger = wf.journey(`Due: ${name}`, 'recallTrigger', {
		// Once a day at 10:00: everyone due since yesterday's poll, at a time inside everybody's send
		// window (an hourly poll at night would hold patients of several time zones in one execution,
		// and one execution can only wait until one instant).
		reminder: id, services, delayAmount: amount, delayUnit: unit, excludeTags: [], pollTimes: { item: [{ mode: 'everyDay', hour: 10, minute: 0 }] },
	});
	const message = send(wf, `Remind: ${name}`, {
		policy, template: 'recall', purpose: 'service', step: `recall-${id}`,
		variables: [['lastVisit', '={{ $json.visit.start ? DateTime.fromISO($json.visit.start).setZone($json.contact.timeZone || $now.zoneName).setLocale($json.contact.locale || "en").toFormat("d MMMM yyyy") : "" }}'], ['link', 'https://clinic.example/book']],
		options: { visitCheck: 'none' },
	});
	wf.connect(trigger, message);
	retryInWindow(wf, `${name}: wait for the send window`, message);
}

module.exports = function recurringVisit() {
	const wf = new WorkflowBuilder({
		id: 'cjRecurringVisit01',
		name: 'Recurring visit reminders (S5)',
		description: 'Per-service reminders N days after the visit (month = 30 days), skipped when a future visit exists.',
	});
	reminder(wf, {
		name: 'hygiene after 6 months', reminder: 'hygiene-6m', services: ['Hygiene'], amount: 6, unit: 'months', policy: 'preferSms',
	});
	reminder(wf, {
		name: 'check-up after 3 months', reminder: 'checkup-3m', services: ['Check-up'], amount: 3, unit: 'months', policy: 'preferEmail',
	});
	wf.note('Adapt it', [
		'One **Due** trigger per reminder: pick the services it belongs to and the time after the visit (a month is 30 days: 3 months = 90 days, 6 months = 180 days). Each polls once a day at 10:00 (the workflow\'s time zone).',
		'Nobody with a future visit is reminded, and each visit is reminded once. Channel per reminder: SMS only, email only, prefer SMS (valid phone, else email) or prefer email.',
		'The text is the built-in check-up template in the contact\'s language (EN/PL/HE/RU): switch a **Remind** node to *Custom Text* to write your own. Edit it in each **Remind** node, disable a reminder by deactivating its trigger, delete it by deleting both nodes.',
	].join('\n\n'), { width: 520, height: 280 });
	return wf.toJSON();
};
