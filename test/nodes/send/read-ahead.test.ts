import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { closeAllStores, openStore, type JourneyStore } from '../../../lib/store';
import { CHUNK, ReadAhead } from '../../../nodes/ChannelPreferenceSend/read-ahead';

/** Items of a run read their contact, visit and consents through the read-ahead: the same answers as the store's. */
describe('Channel Preference Send read-ahead', () => {
	let store: JourneyStore;

	beforeAll(async () => {
		store = await openStore({ type: 'sqlite', path: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cj-read-ahead-')), 's.sqlite') });
	});
	afterAll(closeAllStores);

	it('answers every item as the store would, across chunks, for contacts it holds and ones it does not', async () => {
		const count = CHUNK + 10;
		for (let i = 0; i < count; i += 2) {
			const { contact } = await store.upsertContact({ externalId: `ra-${i}`, email: `ra${i}@example.com` });
			await store.upsertVisit({ externalId: `rv-${i}`, contactId: contact.id, startAt: '2030-01-01T09:00:00Z' });
			if (i % 4 === 0) await store.setConsent({ contactId: contact.id, channel: 'email', purpose: 'marketing', status: 'granted', source: 'form' });
		}
		const readAhead = new ReadAhead(store, count, (index) => {
			if (index === 7) throw new Error('bad item: it reads for itself');
			return { lookup: { externalId: `ra-${index}` }, visitId: `rv-${index}`, consents: [['email', 'marketing']] };
		});
		for (let i = 0; i < count; i++) {
			const view = readAhead.storeFor(i);
			const contact = await view.findContact({ externalId: `ra-${i}` });
			expect(contact?.externalId ?? null).toBe(i % 2 === 0 ? `ra-${i}` : null);
			expect((await view.getVisit({ externalId: `rv-${i}` }))?.externalId ?? null).toBe(i % 2 === 0 ? `rv-${i}` : null);
			if (contact) {
				expect((await view.getConsent(contact.id, 'email', 'marketing')).status).toBe(i % 4 === 0 ? 'granted' : 'unknown');
				expect((await view.getConsent(contact.id, 'sms', 'marketing')).status).toBe('unknown');
			}
			// Not read ahead: straight from the store.
			expect((await view.findContact({ email: `ra${i}@example.com` }))?.id ?? null).toBe(contact?.id ?? null);
		}
	});

	it('passes writes through to the store', async () => {
		const view = new ReadAhead(store, 1, () => ({ lookup: { externalId: 'ra-new' }, visitId: null, consents: [] })).storeFor(0);
		expect(await view.findContact({ externalId: 'ra-new' })).toBeNull();
		const { contact } = await view.upsertContact({ externalId: 'ra-new' });
		expect(await store.findContact({ externalId: 'ra-new' })).toMatchObject({ id: contact.id });
	});
});
