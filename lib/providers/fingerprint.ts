import { createHash } from 'node:crypto';

/** A stable, one-way key for caching per credential: never the secret itself. */
export function fingerprint(...parts: unknown[]): string {
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 24);
}
