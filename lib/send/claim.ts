/**
 * Exactly-once on top of the store's insert-if-absent claim. A message may take several attempts;
 * attempt n is claimed under attemptKey(key, n). Walking the attempts in order:
 * - a row that is 'claimed' or 'sent' means the message is out or on its way: duplicate;
 * - a row that is 'failed', 'suppressed' or 'deferred' never went out: try the next attempt;
 * - inserting the first free attempt wins the right to send (exactly one caller can).
 * So at most one attempt is ever sent: attempt n+1 is claimable only once attempt n is final
 * without a send, and a failed attempt is marked failed only when the provider surely did not
 * accept it (an unclear outcome stays 'claimed', see lib/providers/errors.ts).
 */
import type { ClaimMessageInput, JourneyStore, Message } from '../store';
import { attemptKey } from './idempotency';

export const MAX_ATTEMPTS = 25;

export type ClaimOutcome =
	| { kind: 'claimed'; message: Message; attempt: number }
	| { kind: 'duplicate'; message: Message; attempt: number }
	| { kind: 'exhausted'; attempt: number };

const FINAL_WITHOUT_SEND = new Set(['failed', 'suppressed', 'deferred']);

export async function claimAttempt(
	store: Pick<JourneyStore, 'claimMessage'>,
	key: string,
	input: Omit<ClaimMessageInput, 'idempotencyKey'>,
	fromAttempt = 1,
): Promise<ClaimOutcome> {
	for (let attempt = Math.max(1, fromAttempt); attempt <= MAX_ATTEMPTS; attempt++) {
		const result = await store.claimMessage({ ...input, idempotencyKey: attemptKey(key, attempt) });
		if (result.claimed) return { kind: 'claimed', message: result.message, attempt };
		if (!FINAL_WITHOUT_SEND.has(result.message.status)) return { kind: 'duplicate', message: result.message, attempt };
	}
	return { kind: 'exhausted', attempt: MAX_ATTEMPTS };
}
