import type { JourneyStore } from '../../lib/store';
import { attendance } from './checks/attendance';
import { counter, customField, tag } from './checks/contact-data';
import { dateCheck } from './checks/date';
import { messageStatus } from './checks/message';
import { payment, survey } from './checks/survey';
import type { Check, Evaluation } from './checks/types';
import { visitCurrent } from './checks/visit-current';
import { fieldError, type ItemParameters } from './params';

const CHECKS: Record<string, Check> = {
	attendance,
	survey,
	payment,
	message: messageStatus,
	tag,
	counter,
	customField,
	date: dateCheck,
	visitCurrent,
};

/** Checks whose "not yet" outcome an event can change. */
export const WAITABLE = new Set(['attendance', 'survey', 'payment', 'message']);

export async function evaluate(check: string, parameters: ItemParameters, store: JourneyStore): Promise<Evaluation> {
	const run = CHECKS[check];
	if (!run) throw fieldError('Check', `unknown check ${JSON.stringify(check)}`);
	return await run(parameters, store);
}
