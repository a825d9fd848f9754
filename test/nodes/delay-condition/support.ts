/** Shared by the Quiet-Hours Delay and Attendance/Survey Condition engine tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { readWorkflow, type JourneyHarness, type JourneyRun } from '../../harness';
import { getStore, resolveStoreConfig, type JourneyStore, type StoreCredential } from '../../../lib/store';

export const fixture = (name: string) => readWorkflow(`test/fixtures/delay-condition/${name}.json`);

/** A fresh SQLite Journey Store file, as the harness's injected credential. */
export function sqliteCredential(): { type: 'sqlite'; sqlitePath: string } {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cj-delay-condition-'));
	return { type: 'sqlite', sqlitePath: path.join(dir, 'journey-store.sqlite') };
}

/** The same store the nodes use (one open store per config and process). */
export const storeFor = (credential: StoreCredential): Promise<JourneyStore> => getStore(resolveStoreConfig({ credential, env: {} }));

export interface VisitItemOptions {
	contactId?: string;
	visitId?: string;
	/** ISO instant of the visit start. */
	start?: string;
	timeZone?: string | null;
	version?: number;
	status?: string;
	extra?: IDataObject;
}

/** A normalized item as the visit triggers emit it (lib/journey/item.ts). */
export function visitItem(options: VisitItemOptions = {}): INodeExecutionData {
	const { contactId = 'p-anna', visitId = 'v-100', start = '2027-04-15T08:00:00.000Z', version = 1, status = 'scheduled' } = options;
	return {
		json: {
			event: { id: `evt-${visitId}`, type: 'scheduled', source: 'generic', receivedAt: '2027-04-10T10:00:00.000Z' },
			contact: {
				id: contactId,
				name: 'Anna Nowak',
				email: `${contactId}@example.com`,
				phone: '+48601234567',
				timeZone: options.timeZone === undefined ? 'Europe/Warsaw' : options.timeZone,
				locale: 'pl-PL',
			},
			visit: { id: visitId, service: null, location: 'Clinic Centrum', staff: null, start, end: null, status, version },
			...options.extra,
		},
	};
}

export { withNode } from '../../harness';

/** Virtual instants (UTC ISO) at which a node ran in a run, in order. */
export function ranAt(h: JourneyHarness, run: JourneyRun, nodeName: string): string[] {
	return h.timeline
		.forExecution(run.id)
		.filter((entry) => entry.kind === 'node' && entry.node === nodeName)
		.map((entry) => entry.at);
}

export const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);

export interface Seeded {
	contactId: string;
	visitId: string;
}

/** The contact and visit of `visitItem()` in the store, as the Visit Trigger would record them. */
export async function seedVisit(store: JourneyStore, options: VisitItemOptions & { customFields?: IDataObject } = {}): Promise<Seeded> {
	const { json } = visitItem(options);
	const contact = json.contact as IDataObject;
	const visit = json.visit as IDataObject;
	const { contact: stored } = await store.upsertContact({
		externalId: contact.id as string,
		name: contact.name as string,
		email: contact.email as string,
		phone: contact.phone as string,
		timeZone: (contact.timeZone as string | null) ?? null,
		customFields: options.customFields,
	});
	const { visit: storedVisit } = await store.upsertVisit({
		externalId: visit.id as string,
		contactId: stored.id,
		startAt: visit.start as string,
		location: visit.location as string,
	});
	return { contactId: stored.id, visitId: storedVisit.id };
}

/**
 * What the Journey Event Trigger does when an event comes in: record it, take the waiters it wakes
 * and POST to their resume URLs. Returns the HTTP statuses of the resume calls.
 */
export async function deliverEvent(store: JourneyStore, event: Parameters<JourneyStore['recordEvent']>[0]): Promise<number[]> {
	await store.recordEvent(event);
	const waiters = await store.takeWaiters({ contactId: event.contactId, eventType: event.type, visitId: event.visitId ?? null });
	const statuses: number[] = [];
	for (const waiter of waiters) {
		const response = await fetch(waiter.resumeUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: event.type }) });
		statuses.push(response.status);
	}
	return statuses;
}
