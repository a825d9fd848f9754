/**
 * Webhook secrets kept per process for a short time. In n8n, reading a credential costs three
 * database queries and a decryption per request, more than the rest of an accepted event; with
 * this cache a stream of events reads it once per TTL.
 *
 * Rotation stays immediate where it matters: a request refused with cached secrets is checked once
 * more with freshly read ones (`checkWithSecrets`), so a secret just added to the credential works
 * on its first request. A secret just removed is still accepted for at most the TTL. Only secrets
 * are kept (no per-contact state), and empty reads (no credential, a read error) are never kept.
 */
export interface SecretRead {
	secrets: string[];
	/** True when the secrets came from the cache rather than from the credential just now. */
	cached: boolean;
}

export type SecretLoader = () => Promise<string[]>;

export class SecretCache {
	private readonly entries = new Map<string, { secrets: string[]; until: number }>();

	constructor(
		private readonly ttlMs: number,
		private readonly now: () => number = Date.now,
	) {}

	/** The cached secrets of `key` while fresh, else `load()`'s. A null key is never cached. */
	async read(key: string | null, load: SecretLoader, options: { fresh?: boolean } = {}): Promise<SecretRead> {
		const entry = key === null ? undefined : this.entries.get(key);
		if (entry && !options.fresh && entry.until > this.now()) return { secrets: entry.secrets, cached: true };
		const secrets = await load();
		if (key !== null && this.ttlMs > 0 && secrets.length) this.entries.set(key, { secrets, until: this.now() + this.ttlMs });
		else if (key !== null) this.entries.delete(key);
		return { secrets, cached: false };
	}
}

/**
 * Runs `check` with the secrets read through `read`; when it refuses (`refused(result)`) with cached
 * secrets, reads them afresh and checks once more. Refusals with fresh secrets are final.
 */
export async function checkWithSecrets<T>(
	read: (fresh: boolean) => Promise<SecretRead>,
	check: (secrets: string[]) => T,
	refused: (result: T) => boolean,
): Promise<T> {
	const first = await read(false);
	const result = check(first.secrets);
	if (!first.cached || !refused(result)) return result;
	return check((await read(true)).secrets);
}

/** TTL from CJ_WEBHOOK_SECRET_CACHE_SECONDS (0 turns the cache off), default 10 s. */
export function secretCacheTtlMs(env: Record<string, string | undefined>): number {
	const raw = env.CJ_WEBHOOK_SECRET_CACHE_SECONDS;
	if (raw === undefined || raw.trim() === '') return 10_000;
	const seconds = Number(raw);
	if (!Number.isFinite(seconds) || seconds < 0) {
		throw new Error(`CJ_WEBHOOK_SECRET_CACHE_SECONDS must be a number of seconds ≥ 0 (0 turns the cache off), got "${raw}"`);
	}
	return Math.round(seconds * 1000);
}
