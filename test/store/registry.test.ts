import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeAllStores, getStore, openStore, type StoreConfig } from '../../lib/store';

describe('getStore / closeAllStores', () => {
	let dir: string;
	beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'cj-registry-'))));
	afterAll(async () => {
		await closeAllStores();
		rmSync(dir, { recursive: true, force: true });
	});

	const sqlite = (name: string): StoreConfig => ({ type: 'sqlite', path: join(dir, name) });

	it('shares one open store per distinct config, also while it is opening', async () => {
		const [a, b] = await Promise.all([getStore(sqlite('a.sqlite')), getStore(sqlite('a.sqlite'))]);
		const c = await getStore(sqlite('c.sqlite'));
		expect(a).toBe(b);
		expect(c).not.toBe(a);
	});

	it('closeAllStores closes them; the next getStore opens a new one', async () => {
		const before = await getStore(sqlite('d.sqlite'));
		await closeAllStores();
		await expect(before.getTags('x')).rejects.toThrow();
		const after = await getStore(sqlite('d.sqlite'));
		expect(after).not.toBe(before);
		expect(await after.getTags('x')).toEqual([]);
	});

	it('a store closed directly is forgotten by the cache', async () => {
		const first = await getStore(sqlite('e.sqlite'));
		await first.close();
		expect(await getStore(sqlite('e.sqlite'))).not.toBe(first);
	});

	it('a failed open is not cached, and its error hides the password', async () => {
		const secret = randomBytes(12).toString('hex');
		const config: StoreConfig = { type: 'postgres', host: '127.0.0.1', port: 1, database: 'x', user: 'app', password: secret, ssl: 'disable' };
		const failed = getStore(config);
		const error: unknown = await failed.catch((e: unknown) => e);
		expect(error).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('postgres://app@127.0.0.1:1/x') });
		expect(JSON.stringify(error) + String(error) + (error as Error).stack).not.toContain(secret);
		await expect(openStore(config)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
		const retry = getStore(config);
		expect(retry).not.toBe(failed);
		await expect(retry).rejects.toMatchObject({ code: 'UNAVAILABLE' });
	});
});
