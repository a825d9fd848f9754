/**
 * The outputs of each check. Checks that can wait for an event put the "not (yet)" outcome first:
 * when "Wait for It" times out n8n resumes the run without running the node, on output 0, which
 * is then exactly "the event did not arrive in time".
 */

export interface OutputParameters {
	check?: string;
	messageStatus?: string;
}

/** Stringified into the `outputs` expression: keep it self-contained. */
export function conditionOutputs(parameters: OutputParameters) {
	const message: Record<string, string[]> = {
		sent: ['Not Sent', 'Sent'],
		delivered: ['Not Delivered', 'Delivered'],
		opened: ['Not Opened', 'Opened'],
		clicked: ['Not Clicked', 'Clicked'],
		bounced: ['Not Bounced', 'Bounced'],
		reply: ['No Reply', 'Replied Yes', 'Replied No', 'Other Reply'],
	};
	const byCheck: Record<string, string[]> = {
		attendance: ['Unknown', 'Attended', 'No-Show'],
		survey: ['Not Completed', 'Completed'],
		payment: ['Not Paid', 'Paid'],
		message: message[parameters.messageStatus ?? 'opened'] ?? message.opened,
		tag: ['Has Tag', 'Does Not Have Tag'],
		counter: ['True', 'False'],
		customField: ['True', 'False'],
		date: ['True', 'False'],
		visitCurrent: ['Current', 'Stale'],
	};
	const names = byCheck[parameters.check ?? 'visitCurrent'] ?? byCheck.visitCurrent;
	return names.map((displayName) => ({ type: 'main', displayName }));
}

export function conditionOutputNames(parameters: OutputParameters): string[] {
	return conditionOutputs(parameters).map((output) => output.displayName);
}

/** Stringified into the subtitle expression: keep it self-contained. */
export function conditionSubtitle(parameters: { check?: string; messageStatus?: string; waitForEvent?: boolean; waitHours?: unknown }) {
	const labels: Record<string, string> = {
		attendance: 'attendance',
		survey: 'survey completed?',
		payment: 'payment received?',
		message: 'message ' + (parameters.messageStatus === 'reply' ? 'reply' : (parameters.messageStatus ?? 'opened') + '?'),
		tag: 'tag',
		counter: 'counter',
		customField: 'custom field',
		date: 'date',
		visitCurrent: 'visit still current?',
	};
	const label = labels[parameters.check ?? 'visitCurrent'] ?? String(parameters.check);
	return parameters.waitForEvent ? label + ' · wait up to ' + String(parameters.waitHours ?? 24) + ' h' : label;
}
