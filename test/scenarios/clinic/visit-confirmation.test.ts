/**
 * S6 visit confirmation by reply (workflows/visit-confirmation-reply.json): one day before the
 * visit WhatsApp (else SMS) asks "ДА/НЕТ"; yes → the contact is tagged, no / silence / anything
 * else → a call task for the administrator. Booked Tuesday 13 April 2027 for Thursday 15 April
 * 12:00 Moscow (09:00 UTC); the question is due Wednesday 10:00 Moscow (07:00 UTC).
 */
import { messages, ranAt, summary } from '../../fixtures/scenarios/journal';
import { Scenario } from '../../fixtures/scenarios/scenario';
import { answer, BookingSystem, olga } from './support';

const VISIT = { id: 'V-900', start: '2027-04-15T12:00:00+03:00', end: '2027-04-15T12:45:00+03:00' };
const SMS_ASK = `Ask to confirm (WhatsApp → SMS): outbox sms ${olga.phone}`;
const CONTACT = { name: olga.name, phone: olga.phone, email: olga.email };

let s: Scenario;
let clinic: BookingSystem;

async function setUp(start = '2027-04-13T07:00:00.000Z'): Promise<void> {
	s = await Scenario.create(start);
	clinic = new BookingSystem(s, s.workflow('visit-confirmation-reply.json'), 'Visit booked or moved');
}

afterEach(async () => await s.dispose());

const tagsOf = async (patientId: string) => await s.store.getTags((await s.store.findContact({ externalId: patientId }))!.id);

describe('S6 visit confirmation: the question and the answers', () => {
	beforeEach(async () => await setUp());

	it('no WhatsApp conversation in the last 24 h: WhatsApp is skipped, the SMS asks; "Да" → tagged "visit confirmed", no call', async () => {
		const run = (await clinic.send('scheduled', olga, VISIT))!;
		expect(run.waitTill?.toISOString()).toBe('2027-04-14T07:00:00.000Z');
		s.h.schedule('2027-04-14T07:40:00.000Z', 'Olga answers "Да"', answer(s, olga, 'Да'));
		await s.h.runUntilIdle();

		expect(run.status).toBe('success');
		const [ask] = messages(s.h, run);
		expect(summary([ask])).toEqual([`2027-04-14T07:00:00.000Z ${SMS_ASK}`]);
		expect(ask.trace).toEqual([
			{ channel: 'whatsapp', outcome: 'skipped', reason: 'outside the 24-hour WhatsApp window and no approved template set' },
			{ channel: 'sms', outcome: 'chosen', reason: `valid phone ${olga.phone}` },
			{ channel: 'sms', outcome: 'sent', reason: 'accepted by the provider' },
		]);
		expect(ask.text).toBe('Здравствуйте, Ольга! Пожалуйста, подтвердите визит: Клиника «Улыбка», четверг, 15 апреля, в 12:00. Ответьте ДА для подтверждения или НЕТ для отмены.');
		expect(ask.text).not.toMatch(/кариес/i);
		expect(ranAt(s.h, run, 'Visit confirmed')).toEqual(['2027-04-14T07:40:00.000Z']);
		expect(await tagsOf(olga.id)).toEqual(['visit confirmed']);
		expect(s.tasks.tasks).toEqual([]);
	});

	it('"Нет" → a call task for the administrator at once, no tag', async () => {
		const run = (await clinic.send('scheduled', olga, VISIT))!;
		s.h.schedule('2027-04-14T07:40:00.000Z', 'Olga answers "Нет"', answer(s, olga, 'Нет'));
		await s.h.runUntilIdle();

		expect(summary(messages(s.h, run))).toEqual([`2027-04-14T07:00:00.000Z ${SMS_ASK}`]);
		expect(s.tasks.tasks).toEqual([
			{
				at: '2027-04-14T07:40:00.000Z',
				body: { team: 'reception', reason: 'Visit on 15 Apr 2027 12:00 not confirmed: the patient answered no', contact: CONTACT, visit: '2027-04-15T09:00:00.000Z' },
			},
		]);
		expect(await tagsOf(olga.id)).toEqual([]);
	});

	it('no answer within 6 h → the call task at 16:00 Moscow', async () => {
		await clinic.send('scheduled', olga, VISIT);
		await s.h.runUntilIdle();

		expect(s.tasks.tasks).toEqual([
			{
				at: '2027-04-14T13:00:00.000Z',
				body: expect.objectContaining({ team: 'reception', reason: 'Visit on 15 Apr 2027 12:00 not confirmed: no reply', contact: CONTACT }),
			},
		]);
		expect(await tagsOf(olga.id)).toEqual([]);
	});

	it('an answer that is neither yes nor no → the call task at once', async () => {
		await clinic.send('scheduled', olga, VISIT);
		s.h.schedule('2027-04-14T08:15:00.000Z', 'Olga asks to move the visit', answer(s, olga, 'А можно перенести на пятницу?'));
		await s.h.runUntilIdle();

		expect(s.tasks.tasks.map((task) => [task.at, task.body.reason])).toEqual([
			['2027-04-14T08:15:00.000Z', 'Visit on 15 Apr 2027 12:00 not confirmed: unclear answer'],
		]);
	});

	it('Olga wrote on WhatsApp yesterday (window open): the question goes by WhatsApp and her WhatsApp "да" confirms', async () => {
		const run = (await clinic.send('scheduled', olga, VISIT))!;
		s.h.schedule('2027-04-13T15:00:00.000Z', 'Olga asks something on WhatsApp', answer(s, olga, 'Добрый день, во сколько вы открываетесь?', 'whatsapp'));
		s.h.schedule('2027-04-14T07:05:00.000Z', 'Olga answers on WhatsApp', answer(s, olga, 'да', 'whatsapp'));
		await s.h.runUntilIdle();

		expect(summary(messages(s.h, run))).toEqual([`2027-04-14T07:00:00.000Z Ask to confirm (WhatsApp → SMS): outbox whatsapp ${olga.phone}`]);
		expect(ranAt(s.h, run, 'Visit confirmed')).toEqual(['2027-04-14T07:05:00.000Z']);
		expect(s.tasks.tasks).toEqual([]);
	});

	it('cancelled before the question is due: nothing is sent, no call', async () => {
		const run = (await clinic.send('scheduled', olga, VISIT))!;
		s.h.schedule('2027-04-13T16:00:00.000Z', 'the clinic cancels the visit', async () => {
			expect(await clinic.send('cancelled', olga, { id: VISIT.id, start: VISIT.start })).toBeUndefined();
		});
		await s.h.runUntilIdle();

		expect(run.status).toBe('success');
		expect(messages(s.h, run)).toEqual([]);
		expect(s.h.output(run, 'Still booked?', 1)[0].json.condition).toMatchObject({ outcome: 'Stale', reason: 'visit V-900 was cancelled' });
		expect(s.tasks.tasks).toEqual([]);
	});

	it('moved to Friday before the question is due: only the new date is asked about, a day before it', async () => {
		const first = (await clinic.send('scheduled', olga, VISIT))!;
		let second: Awaited<ReturnType<typeof clinic.send>>;
		s.h.schedule('2027-04-13T16:00:00.000Z', 'Olga moves the visit to Friday', async () => {
			second = await clinic.send('rescheduled', olga, { id: VISIT.id, start: '2027-04-16T12:00:00+03:00', end: '2027-04-16T12:45:00+03:00' });
		});
		s.h.schedule('2027-04-15T07:30:00.000Z', 'Olga answers "Да"', answer(s, olga, 'Да'));
		await s.h.runUntilIdle();

		expect(messages(s.h, first)).toEqual([]);
		expect(s.h.output(first, 'Still booked?', 1)[0].json.condition).toMatchObject({ outcome: 'Stale' });
		expect(summary(messages(s.h, second!))).toEqual([`2027-04-15T07:00:00.000Z ${SMS_ASK}`]);
		expect(messages(s.h, second!)[0].text).toContain('Клиника «Улыбка», пятница, 16 апреля, в 12:00.');
		expect(ranAt(s.h, second!, 'Visit confirmed')).toEqual(['2027-04-15T07:30:00.000Z']);
		expect(s.tasks.tasks).toEqual([]);
	});

	it('another journey messages Olga between the question and her answer: the answer still confirms', async () => {
		const run = (await clinic.send('scheduled', olga, VISIT))!;
		s.h.schedule('2027-04-14T07:20:00.000Z', 'the aftercare journey emails Olga', async () => {
			const contact = (await s.store.findContact({ externalId: olga.id }))!;
			const { message } = await s.store.claimMessage({ idempotencyKey: 'aftercare-1', contactId: contact.id, channel: 'email', purpose: 'service', body: 'Памятка' });
			await s.store.updateMessage(message.id, { status: 'sent' });
		});
		s.h.schedule('2027-04-14T07:40:00.000Z', 'Olga answers "Да"', answer(s, olga, 'Да'));
		await s.h.runUntilIdle();

		expect(ranAt(s.h, run, 'Visit confirmed')).toEqual(['2027-04-14T07:40:00.000Z']);
		expect(s.tasks.tasks).toEqual([]);
	});
});

describe('S6 visit confirmation: send window and late questions', () => {
	it('n8n was down until 22:30 Moscow: the question waits for 08:00, no call task at night, the call comes 2 h before the visit', async () => {
		await setUp();
		const run = (await clinic.send('scheduled', olga, VISIT))!;
		s.h.clock.advanceTo(new Date('2027-04-14T19:30:00.000Z'));
		await s.h.runUntilIdle();

		expect(summary(messages(s.h, run))).toEqual([
			'2027-04-14T19:30:00.000Z Ask to confirm (WhatsApp → SMS): deferred until 2027-04-15T08:00:00+03:00',
			`2027-04-15T05:00:00.000Z ${SMS_ASK}`,
		]);
		expect(s.tasks.tasks.map((task) => [task.at, task.body.reason])).toEqual([
			['2027-04-15T07:00:00.000Z', 'Visit on 15 Apr 2027 12:00 not confirmed: no reply'],
		]);
	});

	it('booked at 08:30 for noon the same day: asked at once, and the call task comes 2 h before the visit', async () => {
		await setUp('2027-04-15T05:30:00.000Z');
		const run = (await clinic.send('scheduled', olga, VISIT))!;
		await s.h.runUntilIdle();

		expect(summary(messages(s.h, run))).toEqual([`2027-04-15T05:30:00.000Z ${SMS_ASK}`]);
		expect(s.tasks.tasks.map((task) => [task.at, task.body.reason])).toEqual([
			['2027-04-15T07:00:00.000Z', 'Visit on 15 Apr 2027 12:00 not confirmed: no reply'],
		]);
	});
});
