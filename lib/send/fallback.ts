/**
 * The fallback loop after the first claim: send on the chosen channel; when the provider rejects
 * the recipient, record the attempt as failed, block that channel, choose again and claim the next
 * attempt (claim.ts) before sending there. Any other failure ends the loop. Pure orchestration:
 * choosing, claiming, sending and recording are injected.
 */
import type { Channel, ChannelDecision } from '../channel';
import { ProviderError } from '../providers/errors';
import type { Message } from '../store';
import type { ClaimOutcome } from './claim';
import type { TraceStep } from './status';

export type Blockers = Partial<Record<Channel, string>>;

export interface Attempt {
	channel: Channel;
	address: string;
	message: Message;
	attempt: number;
}

export type AttemptRecord<D> = { status: 'sent'; delivery: D } | { status: 'failed' | 'unknown'; error: Error };

export interface FallbackDeps<D> {
	choose(blockers: Blockers): ChannelDecision;
	claim(channel: Channel, fromAttempt: number): Promise<ClaimOutcome>;
	/** Sends; a ProviderError says how it failed (lib/providers/errors.ts). */
	deliver(attempt: Attempt): Promise<D>;
	record(attempt: Attempt, record: AttemptRecord<D>): Promise<void>;
}

export type FallbackResult<D> =
	| { status: 'sent'; attempt: Attempt; delivery: D }
	| { status: 'duplicate'; message: Message }
	| { status: 'no-channel' }
	| { status: 'exhausted' }
	| { status: 'failed'; attempt: Attempt; error: ProviderError };

/** Adds the steps of a decision that the trace does not have yet, up to the chosen channel. */
export function appendDecision(trace: TraceStep[], decision: ChannelDecision): void {
	const seen = new Set(trace.map((step) => step.channel));
	for (const step of decision.trace) {
		if (seen.has(step.channel)) continue;
		if (step.channel === decision.channel) {
			trace.push({ channel: step.channel, outcome: 'chosen', reason: step.reason.replace(/^chosen: /, '') });
			return;
		}
		if (!step.ok) trace.push({ channel: step.channel, outcome: 'skipped', reason: step.reason.replace(/^blocked: /, '') });
	}
}

export async function runFallback<D>(first: Attempt, blockers: Blockers, trace: TraceStep[], deps: FallbackDeps<D>): Promise<FallbackResult<D>> {
	let current = first;
	for (;;) {
		let delivery: D;
		try {
			delivery = await deps.deliver(current);
		} catch (error) {
			if (!(error instanceof ProviderError)) {
				await deps.record(current, { status: 'failed', error: error as Error });
				throw error;
			}
			const outcome = error.kind === 'unknown' ? 'unknown' : 'failed';
			await deps.record(current, { status: outcome, error });
			trace.push({ channel: current.channel, outcome: error.kind === 'rejected' ? 'rejected' : outcome, reason: error.message });
			if (error.kind !== 'rejected') return { status: 'failed', attempt: current, error };
			blockers[current.channel] = `rejected by ${error.provider}`;
			const next = deps.choose(blockers);
			appendDecision(trace, next);
			if (!next.channel || !next.address) return { status: 'no-channel' };
			const claim = await deps.claim(next.channel, current.attempt + 1);
			if (claim.kind === 'duplicate') return { status: 'duplicate', message: claim.message };
			if (claim.kind === 'exhausted') return { status: 'exhausted' };
			current = { channel: next.channel, address: next.address, message: claim.message, attempt: claim.attempt };
			continue;
		}
		await deps.record(current, { status: 'sent', delivery });
		trace.push({ channel: current.channel, outcome: 'sent', reason: `accepted by the provider` });
		return { status: 'sent', attempt: current, delivery };
	}
}
