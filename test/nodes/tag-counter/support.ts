/** Shared by the Tag Contact and Loyalty Counter engine tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { WorkflowJson } from '../../harness';
import { readWorkflow } from '../../harness';
import { getStore, resolveStoreConfig, type JourneyStore, type StoreCredential } from '../../../lib/store';

export const fixture = (name: string) => readWorkflow(`test/fixtures/tag-counter/${name}.json`);

/** A fresh SQLite Journey Store file, as the harness's injected credential. */
export function sqliteCredential(): { type: 'sqlite'; sqlitePath: string } {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cj-tag-counter-'));
	return { type: 'sqlite', sqlitePath: path.join(dir, 'journey-store.sqlite') };
}

/** The same store the nodes use (one open store per config and process). */
export const storeFor = (credential: StoreCredential): Promise<JourneyStore> =>
	getStore(resolveStoreConfig({ credential, env: {} }));

/** A normalized item as the visit triggers emit it (lib/journey/item.ts). */
export function visitItem(contactId: string, visitId: string, extra: IDataObject = {}): INodeExecutionData {
	return {
		json: {
			event: { id: `evt-${visitId}`, type: 'attended', source: 'generic', receivedAt: '2027-04-15T10:00:00.000Z' },
			contact: { id: contactId, name: 'Anna Nowak', email: `${contactId}@example.com`, phone: null, timeZone: 'Europe/Warsaw', locale: 'pl-PL' },
			visit: { id: visitId, service: null, location: 'Clinic Centrum', staff: null, start: '2027-04-15T08:00:00.000Z', end: null, status: 'attended', version: 1 },
			...extra,
		},
	};
}

/** A copy of the workflow with some parameters (and node settings such as onError) of one node changed. */
export function withNode(
	workflow: WorkflowJson,
	nodeName: string,
	parameters: IDataObject,
	settings: Partial<WorkflowJson['nodes'][number]> = {},
): WorkflowJson {
	const copy = structuredClone(workflow);
	const node = copy.nodes.find((candidate) => candidate.name === nodeName);
	if (!node) throw new Error(`no node "${nodeName}" in ${workflow.name}`);
	Object.assign(node.parameters, parameters);
	Object.assign(node, settings);
	return copy;
}

export const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);
