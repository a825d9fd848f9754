/**
 * The S6 clinic (a Russian dental clinic, Moscow time = UTC+3 all year) and its patients, and the
 * booking system's signed visit events to the scenario workflows' Visit Triggers.
 */
import type { IDataObject } from 'n8n-workflow';

import type { JourneyRun, WorkflowJson } from '../../harness';
import type { Scenario } from '../../fixtures/scenarios/scenario';

export interface Patient {
	id: string;
	name: string;
	email?: string;
	phone?: string;
	timeZone: string;
	locale: string;
}

export const olga: Patient = { id: 'P-77', name: 'Ольга Смирнова', email: 'olga.smirnova@example.ru', phone: '+79123456789', timeZone: 'Europe/Moscow', locale: 'ru' };
export const ivan: Patient = { id: 'P-78', name: 'Иван Петров', email: 'ivan.petrov@example.ru', phone: '+79161234567', timeZone: 'Europe/Moscow', locale: 'ru' };

export interface VisitInput {
	id: string;
	start: string;
	end?: string;
	service?: string;
	location?: string;
}

/** One workflow's Visit Trigger, activated on the harness, and the booking system posting to it. */
export class BookingSystem {
	private events = 0;

	constructor(
		private readonly s: Scenario,
		readonly workflow: WorkflowJson,
		private readonly trigger: string,
	) {
		s.h.activate(workflow);
	}

	/** POSTs one visit event; returns the run it started, if any. */
	async send(type: string, patient: Patient, visit: VisitInput, extra: IDataObject = {}, eventId = `evt-${++this.events}`): Promise<JourneyRun | undefined> {
		const before = this.s.runsOf(this.workflow).length;
		const body = {
			event: { id: eventId, type },
			contact: patient,
			visit: { location: 'Клиника «Улыбка»', service: 'Лечение кариеса', ...visit },
			...extra,
		};
		const reply = await this.s.post(this.s.h.webhookUrl(this.workflow, this.trigger), body);
		if (reply.status !== 200) throw new Error(`${this.trigger} answered ${reply.status}: ${JSON.stringify(reply.body)}`);
		const runs = this.s.runsOf(this.workflow);
		return runs.length > before ? runs[runs.length - 1] : undefined;
	}
}

/** The patient answers by SMS or WhatsApp; the gateway forwards it to Journey Events. */
export function answer(s: Scenario, patient: Patient, text: string, channel: 'sms' | 'whatsapp' = 'sms', id = `${channel}-${text}`) {
	return async () => {
		await s.event({ type: 'inbound', id, channel, from: patient.phone, text });
	};
}

/** The patient agreed to marketing on these channels (e.g. on the clinic's registration form). */
export async function grantMarketing(s: Scenario, patient: Patient, channels: Array<'sms' | 'email' | 'whatsapp'>, status: 'granted' | 'revoked' = 'granted'): Promise<void> {
	const { contact } = await s.store.upsertContact({ externalId: patient.id, name: patient.name, email: patient.email, phone: patient.phone, timeZone: patient.timeZone, locale: patient.locale });
	for (const channel of channels) await s.store.setConsent({ contactId: contact.id, channel, purpose: 'marketing', status, source: 'registration-form' });
}
