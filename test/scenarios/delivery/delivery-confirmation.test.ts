/**
 * S4 delivery confirmation (workflows/delivery-confirmation.json) on the engine with a virtual
 * clock: the shop's "delivery due" call over real HTTP, SMS answers through the Journey Events
 * workflow, manager alerts and staff tasks posted to a local task endpoint.
 * The delivery is due Tuesday 13 April 2027 09:00 Warsaw (07:00 UTC); the question goes an hour later.
 */
import { messages, ranAt, summary } from '../../fixtures/scenarios/journal';
import { Scenario } from '../../fixtures/scenarios/scenario';
import { customers, Deliveries, type Customer } from './support';

const pl = customers.pl;
const ASK = `SMS: did it arrive?: outbox sms ${pl.phone}`;
const contactOf = (c: Customer) => ({ name: c.name, phone: c.phone, email: c.email });

let s: Scenario;
let d: Deliveries;

beforeEach(async () => {
	s = await Scenario.create('2027-04-13T06:00:00.000Z');
	d = new Deliveries(s);
});

afterEach(async () => await s.dispose());

describe('S4: the answer "yes" in the customer\'s language', () => {
	it.each([
		['Polish', 'Tak', customers.pl, 'Dzień dobry, Ewa! Czy Twoja przesyłka dotarła? Odpowiedz TAK lub NIE.', 'Dzień dobry, Ewa! Dziękujemy za informację. Miłego dnia!', '2027-04-14T08:00:00.000Z'],
		['Hebrew', 'כן', customers.he, 'שלום נועה! האם המשלוח שלך הגיע? נא להשיב כן או לא.', 'שלום נועה! תודה על העדכון. יום נעים!', '2027-04-14T07:00:00.000Z'],
		['Russian', 'Да', customers.ru, 'Здравствуйте, Ольга! Ваша доставка прибыла? Ответьте ДА или НЕТ.', 'Здравствуйте, Ольга! Спасибо, что сообщили. Хорошего дня!', '2027-04-14T07:00:00.000Z'],
	])('%s: "%s" → thanks at once, usage tips by email the next day at 10:00 local', async (_language, yes, customer, question, thanks, tipsAt) => {
		const run = await d.due(customer);
		s.h.schedule('2027-04-13T08:20:00.000Z', `the customer answers "${yes}"`, d.answer(yes, customer));
		await s.h.runUntilIdle();

		expect(run.status).toBe('success');
		expect(summary(messages(s.h, run))).toEqual([
			`2027-04-13T08:00:00.000Z SMS: did it arrive?: outbox sms ${customer.phone}`,
			`2027-04-13T08:20:00.000Z Thank you: outbox sms ${customer.phone}`,
			`${tipsAt} Usage tips (optional): outbox email ${customer.email}`,
		]);
		const [ask, thank, tips] = messages(s.h, run);
		expect(ask.text).toBe(question);
		expect(thank.text).toBe(thanks);
		expect(tips.subject).toBe('Getting the most out of the weekend newspaper');
		expect(s.h.output(run, 'Reply?', 1)[0].json.condition).toMatchObject({ outcome: 'Replied Yes' });
		expect(s.tasks.tasks).toEqual([]);
	});
});

describe('S4: other answers and silence', () => {
	it('"Nie" → the apology and the manager alert at the same moment, with the customer\'s details', async () => {
		const run = await d.due();
		s.h.schedule('2027-04-13T08:20:00.000Z', 'the customer answers "Nie"', d.answer('Nie'));
		await s.h.runUntilIdle();

		expect(summary(messages(s.h, run))).toEqual([`2027-04-13T08:00:00.000Z ${ASK}`, `2027-04-13T08:20:00.000Z Apology: outbox sms ${pl.phone}`]);
		expect(messages(s.h, run)[1].text).toBe(
			'Dzień dobry, Ewa! Bardzo przepraszamy. Twoje zgłoszenie przekazaliśmy do obsługi klienta, a produkt lub usługa zostaną wysłane ponownie.',
		);
		expect(s.tasks.tasks).toEqual([
			{
				at: '2027-04-13T08:20:00.000Z',
				body: { team: 'service-desk', reason: 'Not delivered: the weekend newspaper (D-7781)', contact: contactOf(pl), visit: '' },
			},
		]);
		expect(ranAt(s.h, run, 'Thank you')).toEqual([]);
	});

	it('no answer → asked again after 24 h → no answer → a staff task after another 24 h', async () => {
		const run = await d.due();
		await s.h.runUntilIdle();

		expect(summary(messages(s.h, run))).toEqual([`2027-04-13T08:00:00.000Z ${ASK}`, `2027-04-14T08:00:00.000Z SMS: ask again: outbox sms ${pl.phone}`]);
		expect(s.tasks.tasks).toEqual([
			{
				at: '2027-04-15T08:00:00.000Z',
				body: { team: 'service-desk', reason: 'No answer about the weekend newspaper (D-7781)', contact: contactOf(pl), visit: '' },
			},
		]);
	});

	it('no answer to the first question, "Tak" to the second → thanks, no task', async () => {
		const run = await d.due();
		s.h.schedule('2027-04-14T12:00:00.000Z', 'the customer answers the second question', d.answer('tak, dziękuję'));
		await s.h.runUntilIdle();

		expect(summary(messages(s.h, run))).toEqual([
			`2027-04-13T08:00:00.000Z ${ASK}`,
			`2027-04-14T08:00:00.000Z SMS: ask again: outbox sms ${pl.phone}`,
			`2027-04-14T12:00:00.000Z Thank you: outbox sms ${pl.phone}`,
			`2027-04-15T08:00:00.000Z Usage tips (optional): outbox email ${pl.email}`,
		]);
		expect(s.tasks.tasks).toEqual([]);
	});

	it('an unclear answer → a staff task at once, nothing more to the customer', async () => {
		const run = await d.due();
		s.h.schedule('2027-04-13T08:20:00.000Z', 'the customer writes something else', d.answer('Paczka leży chyba u sąsiada'));
		await s.h.runUntilIdle();

		expect(summary(messages(s.h, run))).toEqual([`2027-04-13T08:00:00.000Z ${ASK}`]);
		expect(s.tasks.tasks).toEqual([
			{
				at: '2027-04-13T08:20:00.000Z',
				body: { team: 'service-desk', reason: 'Unclear answer about the weekend newspaper (D-7781)', contact: contactOf(pl), visit: '' },
			},
		]);
	});

	it('the shop reports the delivery twice: one question, and one "Nie" gives one apology and one alert', async () => {
		const first = await d.due();
		const second = await d.due();
		s.h.schedule('2027-04-13T08:20:00.000Z', 'the customer answers "Nie"', d.answer('Nie'));
		await s.h.runUntilIdle();

		expect(summary(messages(s.h, first))).toEqual([`2027-04-13T08:00:00.000Z ${ASK}`, `2027-04-13T08:20:00.000Z Apology: outbox sms ${pl.phone}`]);
		expect(messages(s.h, second).map((m) => m.status)).toEqual(['duplicate suppressed']);
		expect(s.tasks.tasks).toHaveLength(1);
	});

	it('another journey messages the customer in between: the answer still counts for this question', async () => {
		const run = await d.due();
		s.h.schedule('2027-04-13T08:10:00.000Z', 'a newsletter goes out to the customer', async () => {
			const contact = (await s.store.findContact({ externalId: pl.id }))!;
			const { message } = await s.store.claimMessage({ idempotencyKey: 'newsletter-april', contactId: contact.id, channel: 'email', purpose: 'marketing', body: 'April news' });
			await s.store.updateMessage(message.id, { status: 'sent' });
		});
		s.h.schedule('2027-04-13T08:20:00.000Z', 'the customer answers "Tak"', d.answer('Tak'));
		await s.h.runUntilIdle();

		expect(ranAt(s.h, run, 'Thank you')).toEqual(['2027-04-13T08:20:00.000Z']);
		expect(ranAt(s.h, run, 'SMS: ask again')).toEqual([]);
	});
});

describe('S4 send window', () => {
	it('due at 21:30: the question waits until 08:00 the next morning', async () => {
		const run = await d.due(pl, '2027-04-13T21:30:00+02:00');
		expect(run.waitTill?.toISOString()).toBe('2027-04-14T06:00:00.000Z');
		s.h.schedule('2027-04-14T06:30:00.000Z', 'the customer answers "Tak"', d.answer('Tak'));
		await s.h.runUntilIdle();

		expect(summary(messages(s.h, run)).slice(0, 2)).toEqual([`2027-04-14T06:00:00.000Z ${ASK}`, `2027-04-14T06:30:00.000Z Thank you: outbox sms ${pl.phone}`]);
	});

	it('"Nie" at 23:30: the manager is alerted at once, the apology waits until 08:00', async () => {
		const run = await d.due();
		s.h.schedule('2027-04-13T21:30:00.000Z', 'the customer answers "Nie" late at night', d.answer('Nie'));
		await s.h.runUntilIdle();

		expect(summary(messages(s.h, run))).toEqual([
			`2027-04-13T08:00:00.000Z ${ASK}`,
			'2027-04-13T21:30:00.000Z Apology: deferred until 2027-04-14T08:00:00+02:00',
			`2027-04-14T06:00:00.000Z Apology: outbox sms ${pl.phone}`,
		]);
		expect(s.tasks.tasks.map((task) => task.at)).toEqual(['2027-04-13T21:30:00.000Z']);
	});
});
