/**
 * S1 (dental visit reminder and survey) through the simulator: the shipped workflow on the real
 * engine, a visit on Thursday 15 April 2027 10:00–10:45 Europe/Warsaw booked on Saturday 10 April.
 */
import { readWorkflow } from '../../harness';
import { simulate, type SimulateOptions, type SimulationResult } from '../../../simulator';

export const WORKFLOW = readWorkflow('workflows/dental-visit-reminder.json');
/** Saturday 10 April 2027, noon in Warsaw. */
export const BOOKED = '2027-04-10T12:00:00+02:00';

export interface BookingOverrides {
	contact?: Record<string, unknown>;
	visit?: Record<string, unknown>;
	event?: Record<string, unknown>;
}

/** The booking system's generic Visit Trigger body (nodes/VisitTrigger/README.md). */
export function booking(overrides: BookingOverrides = {}): Record<string, unknown> {
	return {
		event: { id: 'evt-1001', type: 'scheduled', ...overrides.event },
		contact: {
			id: 'P-1001',
			name: 'Anna Nowak',
			email: 'anna.nowak@example.com',
			phone: '+48601234567',
			timeZone: 'Europe/Warsaw',
			locale: 'pl-PL',
			...overrides.contact,
		},
		visit: {
			id: 'V-2001',
			service: 'Hygiene',
			location: 'Clinic Centrum',
			staff: 'Dr Maria Kowalska',
			start: '2027-04-15T10:00:00+02:00',
			end: '2027-04-15T10:45:00+02:00',
			...overrides.visit,
		},
	};
}

export async function runS1(events: object[] = [], options: Partial<SimulateOptions> & { booking?: BookingOverrides } = {}): Promise<SimulationResult> {
	const { booking: overrides, ...rest } = options;
	return await simulate({ workflow: WORKFLOW, input: booking(overrides), events, start: BOOKED, ...rest });
}

/** "2027-04-13T08:00 #1 Email reminder: EMAIL to … [Outbox]" per step (local time, minutes). */
export function lines(result: SimulationResult): string[] {
	return result.steps.map((step) => {
		const who = step.journey !== undefined ? `#${step.journey}` : step.kind === 'input' ? 'in' : 'evt';
		return `${step.local.slice(0, 16)} ${who} ${step.node ? `${step.node}: ` : ''}${step.text}`;
	});
}

/** What went out: local time, channel, recipient, and the journey it belongs to. */
export function sends(result: SimulationResult): string[] {
	return result.steps.filter((step) => step.kind === 'send').map((step) => `${step.local.slice(0, 16)} #${step.journey} ${step.node}: ${String(step.data?.channel)} ${String(step.data?.to)}`);
}

export const tagsOf = (result: SimulationResult): string[] => result.contacts.find((contact) => contact.id === 'P-1001')?.tags ?? [];

export const sendStep = (result: SimulationResult, node: string) => result.steps.find((step) => step.kind === 'send' && step.node === node);
