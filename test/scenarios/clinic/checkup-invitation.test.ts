/**
 * S6 check-up invitation (workflows/checkup-invitation.json): every day at 09:00 Warsaw (07:00
 * UTC, 10:00 Moscow) the Recall Due trigger finds patients whose last visit ended 5–6 months ago
 * (150–180 days) with nothing booked; each is invited once, by WhatsApp → SMS → email, as marketing:
 * only on channels with recorded marketing consent.
 */
import { messages, summary } from '../../fixtures/scenarios/journal';
import { schedulePolls } from '../../fixtures/scenarios/polling';
import { Scenario } from '../../fixtures/scenarios/scenario';
import type { WorkflowJson } from '../../harness';
import { grantMarketing, ivan, olga, type Patient } from './support';

const TRIGGER = 'Last visit 5–6 months ago';
const INVITE = 'Invite (WhatsApp → SMS → email)';
const patient = (id: string, name: string, extra: Partial<Patient> = {}): Patient => ({ id, name, timeZone: 'Europe/Moscow', locale: 'ru', ...extra });
const maria = patient('P-81', 'Мария Козлова', { phone: '+79031234567' });
const nina = patient('P-82', 'Нина Орлова', { phone: '+79261234567', email: 'nina.orlova@example.ru' });
const pavel = patient('P-83', 'Павел Соколов', { phone: '+79051234567' });
const oleg = patient('P-84', 'Олег Волков', { phone: '+79067654321' });

let s: Scenario;
let workflow: WorkflowJson;

beforeEach(async () => {
	s = await Scenario.create('2027-04-13T06:00:00.000Z');
	workflow = s.workflow('checkup-invitation.json');
});

afterEach(async () => await s.dispose());

async function lastVisit(p: Patient, id: string, end: string, status: 'attended' | 'scheduled' = 'attended') {
	const { contact } = await s.store.upsertContact({ externalId: p.id, name: p.name, phone: p.phone, email: p.email, timeZone: p.timeZone, locale: p.locale });
	const start = new Date(Date.parse(end) - 45 * 60_000).toISOString();
	await s.store.upsertVisit({ externalId: id, contactId: contact.id, service: 'Лечение кариеса', location: 'Клиника «Улыбка»', startAt: start, endAt: end, status });
}

describe('S6 check-up invitation', () => {
	it('invites each patient due once, on the first channel with marketing consent; nobody recent, long gone or already booked', async () => {
		await grantMarketing(s, olga, ['whatsapp', 'sms']);
		await grantMarketing(s, nina, ['sms'], 'revoked');
		await grantMarketing(s, nina, ['email']);
		await lastVisit(olga, 'V-1', '2026-11-01T09:00:00.000Z'); // 163 days: due
		await lastVisit(maria, 'V-2', '2026-11-02T09:00:00.000Z'); // due, but no consent recorded
		await lastVisit(nina, 'V-3', '2026-11-03T09:00:00.000Z'); // due; SMS revoked, email granted
		await lastVisit(ivan, 'V-4', '2026-11-01T09:00:00.000Z'); // due, but booked again:
		await lastVisit(ivan, 'V-5', '2027-04-20T09:00:00.000Z', 'scheduled');
		await lastVisit(pavel, 'V-6', '2026-12-01T09:00:00.000Z'); // 133 days: not yet
		await lastVisit(oleg, 'V-7', '2026-09-01T09:00:00.000Z'); // 224 days: more than 6 months

		schedulePolls(s, workflow, TRIGGER, s.h.now().toISOString(), '2027-04-20T00:00:00.000Z');
		await s.h.runUntilIdle();

		const runs = s.runsOf(workflow);
		expect(runs).toHaveLength(1);
		expect(runs[0].status).toBe('success');
		const sent = messages(s.h, runs[0]);
		expect(summary(sent).sort()).toEqual([
			`2027-04-13T07:00:00.000Z ${INVITE}: outbox email nina.orlova@example.ru`,
			`2027-04-13T07:00:00.000Z ${INVITE}: outbox sms ${olga.phone}`,
			`2027-04-13T07:00:00.000Z ${INVITE}: skipped: no consent`,
		]);
		const toOlga = sent.find((m) => m.to === olga.phone)!;
		expect(toOlga.trace[0]).toEqual({ channel: 'whatsapp', outcome: 'skipped', reason: 'outside the 24-hour WhatsApp window and no approved template set' });
		expect(toOlga.text).toBe(
			'Здравствуйте, Ольга! С вашего последнего визита (1 ноября 2026) прошло уже немало времени. Приглашаем на профилактический осмотр: Клиника «Улыбка». Записаться: https://clinic.example/book?offer=hygiene-20',
		);
		expect(toOlga.text).not.toMatch(/кариес/i);
		const toMaria = sent.find((m) => m.status === 'skipped: no consent')!;
		expect(toMaria.trace.map((step) => `${step.channel}: ${step.reason}`)).toEqual([
			'whatsapp: no recorded marketing consent',
			'sms: no recorded marketing consent',
			'email: no recorded marketing consent',
		]);
	});

	it('a patient whose only booking is cancelled is invited again; one who books in the meantime is not', async () => {
		await grantMarketing(s, olga, ['sms']);
		await grantMarketing(s, ivan, ['sms']);
		await lastVisit(olga, 'V-1', '2026-11-01T09:00:00.000Z');
		await lastVisit(olga, 'V-1b', '2027-04-16T09:00:00.000Z', 'scheduled');
		await lastVisit(ivan, 'V-4', '2026-11-20T09:00:00.000Z'); // due on 18 April
		s.h.schedule('2027-04-14T12:00:00.000Z', 'Olga cancels her booking', async () => {
			await s.store.setVisitStatus({ externalId: 'V-1b' }, 'cancelled');
		});
		s.h.schedule('2027-04-15T12:00:00.000Z', 'Ivan books a check-up himself', async () => await lastVisit(ivan, 'V-4b', '2027-04-28T09:00:00.000Z', 'scheduled'));

		schedulePolls(s, workflow, TRIGGER, s.h.now().toISOString(), '2027-04-25T00:00:00.000Z');
		await s.h.runUntilIdle();

		const sent = s.runsOf(workflow).flatMap((run) => messages(s.h, run));
		expect(summary(sent)).toEqual([`2027-04-15T07:00:00.000Z ${INVITE}: outbox sms ${olga.phone}`]);
	});
});
