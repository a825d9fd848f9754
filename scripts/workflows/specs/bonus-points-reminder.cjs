// S6 — bonus points reminder at 2,250+ points (seed 002).
const { WorkflowBuilder } = require('../builder.cjs');
const { delay, retryInWindow, send, visitTrigger } = require('../parts.cjs');

module.exports = function bonusPointsReminder() {
	const wf = new WorkflowBuilder({
		id: 'cjBonusPoints01',
		name: 'Bonus points reminder at 2,250 points (S6)',
		description: 'Each completed visit adds its points once; crossing 2,250 sends the balance and an invitation to spend it.',
	});
	const trigger = visitTrigger(wf, 'Visit completed', { path: 'clinic-completed-visits', events: ['completed', 'attended'] });
	const points = wf.journey('Add the visit\'s points', 'loyaltyCounter', {
		operation: 'add', counter: { __rl: true, mode: 'name', value: 'points' }, amount: '={{ $json.raw.points ?? 100 }}',
		dedupKey: '={{ $json.visit.id }}', milestone: 'threshold', threshold: 2250, thresholdMode: 'crossing',
	});
	const later = delay(wf, 'Next day, 10:00', { direction: 'after', amount: 1, unit: 'days', timeOfDay: '10:00' });
	const remind = send(wf, 'Remind of the balance', {
		policy: 'preferSms', template: 'bonusPoints', purpose: 'marketing', step: 'bonus-2250',
		// The balance written the patient's way: 2,310 (en, he), 2 310 (ru), 2310 (pl).
		variables: [['points', '={{ $json.counter.value.toLocaleString($json.contact.locale || "en") }}'], ['link', 'https://clinic.example/book?offer=hygiene']],
		options: { visitCheck: 'none' },
	});
	wf.chain(trigger, points);
	wf.connect(points, later, 0);
	wf.connect(later, remind);
	retryInWindow(wf, 'Reminder: wait for the send window', remind);
	wf.note('How this journey works', [
		'The booking system sends each completed visit with its points (`points` in the payload; 100 when missing). The counter adds them once per visit, even if the event is delivered twice.',
		'When the balance crosses 2,250 the patient gets the balance ("you have 2,310 points") and an invitation to spend it on professional hygiene.',
		'It is a marketing message: it goes only on channels where the patient gave marketing consent (or switch on *Consent Collected Elsewhere* in the send node if your booking system only sends consenting patients).',
	].join('\n\n'), { width: 500, height: 300 });
	return wf.toJSON();
};
