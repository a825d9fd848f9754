/** The S4 customers (Polish, Israeli, Russian), the shop's "delivery due" call and their SMS answers. */
import type { JourneyRun, WorkflowJson } from '../../harness';
import type { Scenario } from '../../fixtures/scenarios/scenario';

export interface Customer {
	id: string;
	name: string;
	email: string;
	phone: string;
	timeZone: string;
	locale: string;
}

export const customers: Record<'pl' | 'he' | 'ru', Customer> = {
	pl: { id: 'K-100', name: 'Ewa Nowak', email: 'ewa.nowak@example.com', phone: '+48601234567', timeZone: 'Europe/Warsaw', locale: 'pl-PL' },
	he: { id: 'K-200', name: 'נועה כהן', email: 'noa.cohen@example.com', phone: '+972528765432', timeZone: 'Asia/Jerusalem', locale: 'he' },
	ru: { id: 'K-300', name: 'Ольга Иванова', email: 'olga.ivanova@example.com', phone: '+79161234567', timeZone: 'Europe/Moscow', locale: 'ru' },
};

export const delivery = { id: 'D-7781', what: 'the weekend newspaper', dueAt: '2027-04-13T09:00:00+02:00' };

export class Deliveries {
	readonly workflow: WorkflowJson;

	private replies = 0;

	constructor(readonly s: Scenario) {
		this.workflow = s.workflow('delivery-confirmation.json');
		s.h.activate(this.workflow);
	}

	/** The shop reports the delivery (the stock Webhook node, over real HTTP). */
	async due(customer: Customer = customers.pl, dueAt = delivery.dueAt): Promise<JourneyRun> {
		const reply = await this.s.post(this.s.h.webhookUrl(this.workflow, 'Delivery due'), { customer, delivery: { ...delivery, dueAt } }, false);
		expect(reply.status).toBe(200);
		const runs = this.s.runsOf(this.workflow);
		return runs[runs.length - 1];
	}

	/** The customer answers by SMS; the SMS gateway forwards it to Journey Events. */
	answer(text: string, customer: Customer = customers.pl) {
		return async () => {
			const reply = await this.s.event({ type: 'inbound', id: `sms-in-${++this.replies}`, channel: 'sms', from: customer.phone, text });
			expect(reply.body.recorded).toEqual([expect.objectContaining({ type: 'replied' })]);
		};
	}
}
