import { checkWithSecrets, SecretCache, secretCacheTtlMs } from '../../../lib/webhooks';

describe('webhook secret cache', () => {
	let now = 1_000_000;
	const clock = () => now;
	let loads = 0;
	let stored: string[] = ['current-secret'];
	const load = async () => {
		loads++;
		return [...stored];
	};

	beforeEach(() => {
		now = 1_000_000;
		loads = 0;
		stored = ['current-secret'];
	});

	it('reads the credential once per TTL and again after it', async () => {
		const cache = new SecretCache(10_000, clock);
		expect(await cache.read('k', load)).toEqual({ secrets: ['current-secret'], cached: false });
		now += 9_999;
		expect(await cache.read('k', load)).toEqual({ secrets: ['current-secret'], cached: true });
		expect(loads).toBe(1);
		stored = ['rotated-secret'];
		now += 1;
		expect(await cache.read('k', load)).toEqual({ secrets: ['rotated-secret'], cached: false });
		expect(loads).toBe(2);
	});

	it('keeps nothing for an empty read, a null key or a TTL of 0', async () => {
		const cache = new SecretCache(10_000, clock);
		stored = [];
		await cache.read('k', load);
		await cache.read('k', load);
		stored = ['s'];
		await cache.read(null, load);
		await cache.read(null, load);
		const off = new SecretCache(0, clock);
		await off.read('k', load);
		await off.read('k', load);
		expect(loads).toBe(6);
	});

	it('a fresh read replaces what was kept, for the other requests too', async () => {
		const cache = new SecretCache(10_000, clock);
		await cache.read('k', load);
		stored = ['rotated-secret'];
		expect((await cache.read('k', load, { fresh: true })).secrets).toEqual(['rotated-secret']);
		expect(await cache.read('k', load)).toEqual({ secrets: ['rotated-secret'], cached: true });
	});

	describe('checkWithSecrets', () => {
		const check = (secrets: string[]) => (secrets.includes('rotated-secret') ? 'ok' : 'refused');
		const refused = (result: string) => result === 'refused';

		it('checks a refusal with cached secrets again with fresh ones: a new secret works at once', async () => {
			const cache = new SecretCache(10_000, clock);
			await cache.read('k', load);
			stored = ['rotated-secret'];
			expect(await checkWithSecrets((fresh) => cache.read('k', load, { fresh }), check, refused)).toBe('ok');
			expect(loads).toBe(2);
		});

		it('does not read again when the secrets were fresh or the request passed', async () => {
			const cache = new SecretCache(10_000, clock);
			expect(await checkWithSecrets((fresh) => cache.read('k', load, { fresh }), check, refused)).toBe('refused');
			expect(loads).toBe(1);
			stored = ['rotated-secret'];
			now += 10_000;
			expect(await checkWithSecrets((fresh) => cache.read('k', load, { fresh }), check, refused)).toBe('ok');
			expect(await checkWithSecrets((fresh) => cache.read('k', load, { fresh }), check, refused)).toBe('ok');
			expect(loads).toBe(2);
		});
	});

	it('takes its TTL from CJ_WEBHOOK_SECRET_CACHE_SECONDS and names the variable when it is wrong', () => {
		expect(secretCacheTtlMs({})).toBe(10_000);
		expect(secretCacheTtlMs({ CJ_WEBHOOK_SECRET_CACHE_SECONDS: '0' })).toBe(0);
		expect(secretCacheTtlMs({ CJ_WEBHOOK_SECRET_CACHE_SECONDS: '2.5' })).toBe(2_500);
		expect(() => secretCacheTtlMs({ CJ_WEBHOOK_SECRET_CACHE_SECONDS: 'soon' })).toThrow(/CJ_WEBHOOK_SECRET_CACHE_SECONDS.*"soon"/);
		expect(() => secretCacheTtlMs({ CJ_WEBHOOK_SECRET_CACHE_SECONDS: '-1' })).toThrow(/≥ 0/);
	});
});
