/** Bounded retries with exponential backoff for retryable provider failures (429, 5xx, transient SMTP). */
import { ProviderError } from './errors';

export interface RetryPolicy {
	/** Retries after the first try; 0 disables retrying. */
	maxRetries: number;
	/** Delay before the first retry; doubles each time. */
	baseDelayMs?: number;
	/** Cap for one delay, also for a provider's Retry-After. */
	maxDelayMs?: number;
	sleep?: (ms: number) => Promise<void>;
}

export const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetries<T>(attempt: () => Promise<T>, policy: RetryPolicy): Promise<T> {
	const base = policy.baseDelayMs ?? 500;
	const cap = policy.maxDelayMs ?? 30_000;
	const sleep = policy.sleep ?? defaultSleep;
	for (let retry = 0; ; retry++) {
		try {
			return await attempt();
		} catch (error) {
			if (!(error instanceof ProviderError) || !error.retryable || retry >= policy.maxRetries) throw error;
			await sleep(Math.min(cap, error.details.retryAfterMs ?? base * 2 ** retry));
		}
	}
}
