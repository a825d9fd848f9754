/** The simulation as text: a header, one line per step (day and time shown when they change), the end state. */
import { localClock, localDay, shortLocal } from './clock-text';
import type { SimulationResult } from './simulate';

const WHO_WIDTH = 4;
const INDENT = ' '.repeat(2 + 5 + 1 + WHO_WIDTH + 1);

export function formatSimulation(result: SimulationResult): string {
	const { zone } = result;
	const out: string[] = [];
	out.push(`Simulation: ${result.workflow.name ?? result.workflow.id ?? 'workflow'}`);
	const outbox = result.outbox ? ' Every message went to the Outbox.' : '';
	out.push(`From ${shortLocal(result.start, zone)} to ${shortLocal(result.end, zone)} (virtual time); times in ${zone}.${outbox}`);
	let day = '';
	for (const step of result.steps) {
		const stepDay = localDay(step.at, zone);
		if (stepDay !== day) {
			out.push('', stepDay);
			day = stepDay;
		}
		const who = (step.journey !== undefined ? `#${step.journey}` : step.kind === 'input' ? 'in' : 'evt').padEnd(WHO_WIDTH);
		const where = step.node ? `${step.node}: ` : '';
		out.push(`  ${localClock(step.at, zone)} ${who} ${where}${step.text}`);
		for (const line of step.lines ?? []) if (line) out.push(`${INDENT}  ${line}`);
	}
	out.push('', 'At the end (Journey Store):');
	for (const journey of result.journeys) {
		const state = journey.status === 'waiting' && journey.waitTill ? `waiting until ${shortLocal(journey.waitTill, zone)}` : journey.status;
		out.push(`  journey #${journey.number} (${journey.execution}): ${state}${journey.error ? ` — ${journey.error}` : ''}`);
	}
	for (const contact of result.contacts) {
		const id = contact.id ?? contact.email ?? contact.phone ?? '?';
		const name = contact.name ? `${contact.name} (${id})` : id;
		const counters = Object.entries(contact.counters).map(([counter, value]) => `"${counter}" = ${value}`);
		out.push(`  contact ${name}: tags ${contact.tags.length ? contact.tags.map((tag) => `"${tag}"`).join(', ') : '(none)'}${counters.length ? `; counters ${counters.join(', ')}` : ''}`);
	}
	const sends = result.steps.filter((step) => step.kind === 'send');
	const byChannel = new Map<string, number>();
	for (const step of sends) byChannel.set(String(step.data?.channel ?? '?'), (byChannel.get(String(step.data?.channel ?? '?')) ?? 0) + 1);
	const channels = [...byChannel].map(([channel, count]) => `${count} ${channel}`).join(', ');
	const notSent = result.steps.filter((step) => step.kind === 'not-sent').length;
	out.push(`  messages: ${sends.length} sent${channels ? ` (${channels})` : ''}, ${notSent} not sent`);
	return `${out.join('\n')}\n`;
}
