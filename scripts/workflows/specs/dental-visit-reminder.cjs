// S1 — dental visit reminder and survey (seed 000).
const { WorkflowBuilder } = require('../builder.cjs');
const { delay, recoverLostRuns, retryInWindow, send, stillBooked, tag, visitTrigger } = require('../parts.cjs');

module.exports = function dentalVisitReminder() {
	const wf = new WorkflowBuilder({
		id: 'cjDentalReminder01',
		name: 'Dental visit reminder and survey (S1)',
		description: 'Email 2 days before at 08:00, SMS on the day at 08:00, attendance branch, survey 24 h after, tags.',
	});
	const trigger = visitTrigger(wf, 'Visit booked or moved', { path: 'dental-visits' });

	// Booked late (the 08:00 two days before has passed): the email goes at once, unless the visit is
	// already today — then the day-of SMS is the only reminder, never two messages at once.
	const twoDays = delay(wf, '2 days before, 08:00', { direction: 'before', amount: 2, unit: 'days', timeOfDay: '08:00' });
	const today = wf.journey('Visit today? (then SMS only)', 'journeyCondition', {
		check: 'date', dateCondition: 'daysBefore', days: 0, dateSource: 'value', dateValue: '={{ $json.visit.start }}', timeZone: '={{ $json.contact.timeZone }}',
	});
	const bookedEmail = stillBooked(wf, 'Still booked? (email)');
	const email = send(wf, 'Email reminder', { policy: 'emailOnly', template: 'reminder', step: 'reminder-email', options: { attachCalendar: true } });
	wf.chain(trigger, twoDays, today);
	wf.connect(today, bookedEmail, 1); // False: the visit is on a later day
	wf.connect(bookedEmail, email);
	retryInWindow(wf, 'Email: wait for the send window', email);

	const onTheDay = delay(wf, 'On the day, 08:00', { direction: 'before', amount: 0, unit: 'days', timeOfDay: '08:00' });
	const bookedSms = stillBooked(wf, 'Still booked? (SMS)');
	const sms = send(wf, 'SMS reminder', { policy: 'preferSms', template: 'dayOfReminder', step: 'reminder-sms' });
	wf.connect(today, onTheDay, 0); // True: booked on the day of the visit
	wf.chain(email, onTheDay, bookedSms, sms);
	retryInWindow(wf, 'SMS: wait for the send window', sms);

	const attendance = wf.journey('Attendance marked?', 'journeyCondition', { check: 'attendance', attendanceSource: 'store', waitForEvent: true, waitHours: 36 });
	wf.connect(sms, attendance);
	const noShow = tag(wf, 'Tag "no-show"', 'no-show');
	// Unknown: nobody marked the patient as present. A visit cancelled or moved meanwhile is no no-show.
	const bookedNoShow = stillBooked(wf, 'Still booked? (no-show)');
	wf.connect(attendance, bookedNoShow, 0);
	wf.connect(bookedNoShow, noShow, 0);
	wf.connect(attendance, noShow, 2); // No-show

	const dayAfter = delay(wf, '24 hours after the visit', {
		direction: 'after', amount: 24, unit: 'hours', anchorDate: '={{ $json.visit.end || $json.visit.start }}', anchorLabel: 'the end of the visit',
	});
	wf.connect(attendance, dayAfter, 1);
	const survey = send(wf, 'Survey email', {
		policy: 'emailOnly', template: 'surveyRequest', step: 'survey-email',
		variables: [['link', '=https://clinic.example/survey?visit={{ $json.visit.id }}']],
	});
	wf.connect(dayAfter, survey);
	retryInWindow(wf, 'Survey: wait for the send window', survey);

	const filled = wf.journey('Survey filled?', 'journeyCondition', { check: 'survey', surveySince: 'visit', waitForEvent: true, waitHours: 48 });
	wf.connect(survey, filled);
	const active = tag(wf, 'Tag "active contact"', 'active contact');
	wf.connect(filled, active, 1);
	const nudge = send(wf, 'SMS survey nudge', {
		policy: 'preferSms', template: 'surveyNudge', step: 'survey-nudge',
		variables: [['link', '=https://clinic.example/survey?visit={{ $json.visit.id }}']],
	});
	wf.connect(filled, nudge, 0);
	retryInWindow(wf, 'Nudge: wait for the send window', nudge);
	const filledLater = wf.journey('Survey filled after the nudge?', 'journeyCondition', { check: 'survey', surveySince: 'visit', waitForEvent: true, waitHours: 72 });
	wf.connect(nudge, filledLater);
	wf.connect(filledLater, active, 1);
	recoverLostRuns(wf, twoDays);

	wf.note('How this journey works', [
		'One execution per appointment. The **Visit Trigger** stores every event first, so a journey already waiting sees a reschedule or a cancellation: each **Still booked?** check then ends the old journey (Stale) and the new event starts a fresh one.',
		'Booked less than 2 days ahead: the email goes at once (inside the send window); booked on the day itself: only the SMS. Nobody marks attendance within 36 h of the SMS: "no-show", unless the visit was cancelled or moved.',
		'Times are the patient\'s local time (`contact.timeZone`), never outside 08:00–20:00; a send that wakes up late at night goes to the send node\'s **Deferred** output and waits for the window.',
		'Every send is in the **Outbox** (nothing leaves n8n) until you pick SMTP / Twilio / SMSAPI in the send nodes.',
		'A journey whose worker dies (queue mode) starts again through **Execution failed → Start a lost journey again**: delays recompute, nothing already sent is sent twice.',
	].join('\n\n'), { width: 520, height: 340 });
	wf.note('Adapt it', [
		'- Trigger: set the **Journey Webhook** credential (HMAC secret shared with your booking system), or switch the format to Cal.com / Calendly.',
		'- Times: edit the two delays (e.g. 1 day before at 18:00).',
		'- Texts: templates follow the contact\'s locale (EN/PL/HE/RU); switch a send node to *Custom Text* to write your own. Say the clinic and the time, never the treatment.',
		'- Attendance comes from the clinic\'s check-in (Journey Event Trigger, `attendance_marked`).',
	].join('\n'), { width: 520, height: 300 });
	return wf.toJSON();
};
