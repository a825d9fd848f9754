/** Shared pieces of the send tests: a fresh store file, the fixture with chosen parameters, journey items. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { readWorkflow, type WorkflowJson } from '../../harness';
import { getStore, resolveStoreConfig, type JourneyStore } from '../../../lib/store';

export const SEND_NODE = 'Send reminder';

export function tempSqlitePath(): string {
	return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cj-send-')), 'journey.sqlite');
}

export async function storeAt(sqlitePath: string): Promise<JourneyStore> {
	return await getStore(resolveStoreConfig({ credential: { type: 'sqlite', sqlitePath }, env: {} }));
}

/** The one-node fixture with the Send node's parameters (and credentials) set. */
export function sendWorkflow(parameters: Record<string, unknown>, credentials: Record<string, { id: string; name: string }> = {}): WorkflowJson {
	const workflow = readWorkflow('test/fixtures/send/send-one.json');
	const node = workflow.nodes.find((candidate) => candidate.name === SEND_NODE)!;
	node.parameters = parameters as typeof node.parameters;
	node.credentials = { ...node.credentials, ...credentials };
	return workflow;
}

export const cred = (name: string) => ({ id: name, name });

export interface ItemOverrides {
	contact?: Record<string, unknown>;
	visit?: Record<string, unknown> | null;
}

/** A normalized journey item as the Visit Trigger emits it (lib/journey/item.ts). */
export function journeyItem(overrides: ItemOverrides = {}): IDataObject {
	const contact = {
		id: 'patient-1',
		name: 'Anna Kowalska',
		email: 'anna@example.com',
		phone: '+48601234567',
		timeZone: 'Europe/Warsaw',
		locale: 'pl-PL',
		...overrides.contact,
	};
	const visit =
		overrides.visit === null
			? undefined
			: {
					id: 'visit-1',
					service: 'Root canal treatment',
					location: 'Smile Dental, Warszawa',
					staff: 'Dr Nowak',
					start: '2027-04-15T08:30:00.000Z',
					end: '2027-04-15T09:15:00.000Z',
					status: 'scheduled',
					version: 1,
					...overrides.visit,
				};
	return { event: { id: 'evt-1', type: 'scheduled', source: 'generic', receivedAt: '2027-04-10T10:00:00.000Z' }, contact, ...(visit ? { visit } : {}) };
}

/** The `message` object the node merged into an output item. */
export function messageOf(item: { json: IDataObject }): Record<string, any> {
	return item.json.message as Record<string, any>;
}
