/**
 * S5 recurring visit reminders (workflows/recurring-visit.json): a Recall Due trigger per reminder,
 * polled as its Poll Times say (daily at 10:00 Warsaw = 08:00 UTC in April) on the virtual clock,
 * against the visits a salon keeps in the Journey Store. A month is 30 days.
 */
import { messages, summary, type Sent } from '../../fixtures/scenarios/journal';
import { pollInstants, schedulePolls } from '../../fixtures/scenarios/polling';
import { Scenario } from '../../fixtures/scenarios/scenario';
import type { JourneyRun, WorkflowJson } from '../../harness';

const HYGIENE = 'Due: hygiene after 6 months';
const CHECKUP = 'Due: check-up after 3 months';

interface Client {
	id: string;
	name: string;
	phone?: string;
	email?: string;
	timeZone?: string;
}

let s: Scenario;
let workflow: WorkflowJson;

beforeEach(async () => {
	s = await Scenario.create('2027-04-10T00:00:00.000Z');
	workflow = s.workflow('recurring-visit.json');
});

afterEach(async () => await s.dispose());

async function visit(client: Client, id: string, service: string, end: string, status: 'attended' | 'scheduled' = 'attended') {
	const { contact } = await s.store.upsertContact({ externalId: client.id, name: client.name, phone: client.phone, email: client.email, timeZone: client.timeZone ?? 'Europe/Warsaw', locale: 'pl-PL' });
	const start = new Date(Date.parse(end) - 45 * 60_000).toISOString();
	await s.store.upsertVisit({ externalId: id, contactId: contact.id, service, location: 'Salon Bella', startAt: start, endAt: end, status });
}

/** Both reminders polled as n8n would from now until `to`; every message sent, in time order. */
async function pollUntil(to: string): Promise<{ runs: JourneyRun[]; sent: Sent[] }> {
	const from = s.h.now().toISOString();
	schedulePolls(s, workflow, HYGIENE, from, to);
	schedulePolls(s, workflow, CHECKUP, from, to);
	await s.h.runUntilIdle();
	const runs = s.runsOf(workflow);
	for (const run of runs) expect(run.status).toBe('success');
	const sent = runs.flatMap((run) => messages(s.h, run)).sort((a, b) => a.at.localeCompare(b.at) || a.node.localeCompare(b.node));
	return { runs, sent };
}

describe('S5 recurring visit reminders', () => {
	it('polls once a day at 10:00 Warsaw', () => {
		expect(pollInstants(workflow, HYGIENE, '2027-04-10T00:00:00.000Z', '2027-04-12T00:00:00.000Z')).toEqual(['2027-04-10T08:00:00.000Z', '2027-04-11T08:00:00.000Z']);
		expect(pollInstants(workflow, CHECKUP, '2027-04-10T00:00:00.000Z', '2027-04-11T00:00:00.000Z')).toEqual(['2027-04-10T08:00:00.000Z']);
	});

	it('6 months = 180 days: a hygiene visit that ended on 14 October is recalled on 12 April at 10:00 (not on 14 April), once, by SMS', async () => {
		const anna = { id: 'K-1', name: 'Anna Wiśniewska', phone: '+48601234567', email: 'anna.w@example.com' };
		await visit(anna, 'V-1', 'Hygiene', '2026-10-14T07:00:00.000Z');
		const { sent } = await pollUntil('2027-04-20T00:00:00.000Z');

		expect(summary(sent)).toEqual([`2027-04-12T08:00:00.000Z Remind: hygiene after 6 months: outbox sms ${anna.phone}`]);
		expect(sent[0].text).toBe(
			'Dzień dobry, Anna! Od Twojej ostatniej wizyty (14 października 2026) minęło już trochę czasu. Zapraszamy na wizytę kontrolną: Salon Bella. Umów się: https://clinic.example/book',
		);
	});

	it('3 months = 90 days for a check-up, by email; each reminder only for its own service', async () => {
		const celina = { id: 'K-3', name: 'Celina Lis', phone: '+48601234569', email: 'celina@example.com' };
		const hanna = { id: 'K-8', name: 'Hanna Wójcik', phone: '+48601234573', email: 'hanna@example.com' };
		await visit(celina, 'V-3', 'Check-up', '2027-01-11T07:00:00.000Z');
		await visit(hanna, 'V-8', 'Manicure', '2027-01-11T07:00:00.000Z');
		await visit(hanna, 'V-9', 'Pedicure', '2026-10-13T07:00:00.000Z');
		const { sent } = await pollUntil('2027-04-20T00:00:00.000Z');

		expect(summary(sent)).toEqual(['2027-04-11T08:00:00.000Z Remind: check-up after 3 months: outbox email celina@example.com']);
	});

	it('prefer SMS without a mobile number → email; prefer email without an address → SMS', async () => {
		const beata = { id: 'K-2', name: 'Beata Kos', email: 'beata@example.com' };
		const dorota = { id: 'K-4', name: 'Dorota Maj', phone: '+48601234570' };
		await visit(beata, 'V-2', 'Hygiene', '2026-10-14T07:00:00.000Z');
		await visit(dorota, 'V-4', 'Check-up', '2027-01-12T07:00:00.000Z');
		const { sent } = await pollUntil('2027-04-13T00:00:00.000Z');

		expect(summary(sent)).toEqual([
			'2027-04-12T08:00:00.000Z Remind: check-up after 3 months: outbox sms +48601234570',
			'2027-04-12T08:00:00.000Z Remind: hygiene after 6 months: outbox email beata@example.com',
		]);
		const bySms = sent.find((m) => m.channel === 'sms')!;
		const byEmail = sent.find((m) => m.channel === 'email')!;
		expect(byEmail.trace[0]).toEqual({ channel: 'sms', outcome: 'skipped', reason: 'phone: no phone number' });
		expect(bySms.trace[0]).toEqual({ channel: 'email', outcome: 'skipped', reason: 'email: no email address' });
	});

	it('no reminder for a client who has already booked the next visit', async () => {
		const ewa = { id: 'K-5', name: 'Ewa Duda', phone: '+48601234571' };
		await visit(ewa, 'V-5', 'Hygiene', '2026-10-14T07:00:00.000Z');
		await visit(ewa, 'V-5b', 'Manicure', '2027-05-03T10:00:00.000Z', 'scheduled');
		const { runs, sent } = await pollUntil('2027-04-20T00:00:00.000Z');

		expect(runs).toEqual([]);
		expect(sent).toEqual([]);
	});

	it('clients in Warsaw and London whose visits ended in the evening are both reminded at the next 10:00 poll', async () => {
		await visit({ id: 'K-6', name: 'Zofia Nowak', phone: '+48601234572' }, 'V-6', 'Hygiene', '2026-10-14T19:30:00.000Z');
		await visit({ id: 'K-7', name: 'Emily Clarke', phone: '+447400123456', timeZone: 'Europe/London' }, 'V-7', 'Hygiene', '2026-10-14T19:30:00.000Z');
		const { runs, sent } = await pollUntil('2027-04-14T00:00:00.000Z');

		expect(runs).toHaveLength(1);
		expect(summary(sent)).toEqual([
			'2027-04-13T08:00:00.000Z Remind: hygiene after 6 months: outbox sms +48601234572',
			'2027-04-13T08:00:00.000Z Remind: hygiene after 6 months: outbox sms +447400123456',
		]);
	});
});
