import { failed, verified, type VerifyResult } from './result';
import { matchesAny } from './safe-equal';

/** A shared token in a header; "Bearer " is stripped, so the header may be Authorization. */
export function verifyHeaderToken(given: string | undefined, secrets: readonly string[]): VerifyResult {
	if (secrets.length === 0) return failed('not_configured');
	const token = given?.trim().replace(/^Bearer\s+/i, '');
	if (!token) return failed('missing_token');
	return matchesAny(token, secrets) ? verified : failed('token_mismatch');
}
