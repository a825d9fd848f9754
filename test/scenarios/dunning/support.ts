/** The S3 customer, the billing system's overdue call, and what the customer does with the messages. */
import type { JourneyRun, WorkflowJson } from '../../harness';
import { openPixelUrl } from '../../../lib/tracking';
import { messages } from '../../fixtures/scenarios/journal';
import { TRACKING_SECRET, type Scenario } from '../../fixtures/scenarios/scenario';

export const customer = {
	id: 'C-501',
	name: 'Jan Kowalski',
	email: 'jan.kowalski@example.com',
	phone: '+48601234567',
	timeZone: 'Europe/Warsaw',
	locale: 'pl-PL',
};
export const invoice = { id: 'INV-2027-04-501', amount: '99.00 PLN', payUrl: 'https://pay.example/i/INV-2027-04-501' };

export class Dunning {
	readonly workflow: WorkflowJson;

	constructor(readonly s: Scenario) {
		this.workflow = s.workflow('payment-dunning.json');
		s.h.activate(this.workflow);
	}

	/** The billing system reports the unpaid invoice (the stock Webhook node, over real HTTP). */
	async overdue(): Promise<JourneyRun> {
		const reply = await this.s.post(this.s.h.webhookUrl(this.workflow, 'Payment overdue'), { customer, invoice }, false);
		expect(reply.status).toBe(200);
		const runs = this.s.runsOf(this.workflow);
		return runs[runs.length - 1];
	}

	private sent(run: JourneyRun, node: string) {
		const found = messages(this.s.h, run).find((message) => message.node === node && message.messageId);
		if (!found) throw new Error(`${node} has sent nothing yet`);
		return found;
	}

	/** The mail client loads the email's tracking pixel. */
	openEmail(run: JourneyRun) {
		return async () => {
			const url = openPixelUrl({ baseUrl: this.s.events.url, secret: TRACKING_SECRET, messageId: this.sent(run, 'Email payment reminder').messageId! });
			expect((await this.s.open(url)).status).toBe(200);
		};
	}

	/** The customer taps the (tracked) pay link in the SMS and lands on the payment page. */
	clickSms(run: JourneyRun) {
		return async () => {
			const link = /(http:\/\/\S+\/click\?\S+)/.exec(this.sent(run, 'SMS payment notice').text ?? '')?.[1];
			if (!link) throw new Error('the SMS has no tracked link');
			const reply = await this.s.open(link);
			expect(reply.status).toBe(302);
			expect(reply.headers.get('location')).toBe(invoice.payUrl);
		};
	}

	/** The payment provider reports the payment through Journey Events. */
	pay(id = 'pay-1') {
		return async () => {
			await this.s.event({ type: 'payment_received', id, contact: { id: customer.id }, data: { invoice: invoice.id, amount: 9900, currency: 'PLN' } });
		};
	}
}
