// S6 — NPS the day after the visit (seed 002).
const { WorkflowBuilder } = require('../builder.cjs');
const { delay, recoverLostRuns, retryInWindow, send, visitTrigger } = require('../parts.cjs');

module.exports = function npsAfterVisit() {
	const wf = new WorkflowBuilder({
		id: 'cjNpsAfterVisit01',
		name: 'NPS the day after the visit (S6)',
		description: 'The day after an attended visit, a 0–10 rating request by SMS, else email.',
	});
	const trigger = visitTrigger(wf, 'Visit attended', { path: 'clinic-attendance', events: ['attended', 'completed'] });
	const nextDay = delay(wf, 'Next day, 11:00', { direction: 'after', amount: 1, unit: 'days', timeOfDay: '11:00' });
	const ask = send(wf, 'NPS question', {
		policy: 'preferSms', template: 'nps', step: 'nps', variables: [['link', '=https://clinic.example/nps?visit={{ $json.visit.id }}']],
		options: { visitCheck: 'none' },
	});
	wf.chain(trigger, nextDay, ask);
	retryInWindow(wf, 'NPS: wait for the send window', ask);
	recoverLostRuns(wf, nextDay);

	wf.note('Adapt it', [
		'Runs when the clinic marks the visit attended or completed. The rating page (or a reply with 0–10) comes back through **Journey events** as `survey_completed` / `replied`.',
		'Switch the scale in the text (smileys, like/dislike) with *Custom Text*.',
	].join('\n\n'), { width: 480, height: 220 });
	return wf.toJSON();
};
