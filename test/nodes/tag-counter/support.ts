/** Shared by the Tag Contact and Loyalty Counter engine tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

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

export { withNode } from '../../harness';

export const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);
