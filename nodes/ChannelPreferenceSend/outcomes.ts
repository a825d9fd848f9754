/** Endings of an item other than a plain send: no channel, frequency cap, and the fallback's results. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { QuietHoursRules } from '../../lib/send';
import { capReleaseTime, claimAttempt, isConsentReason, isOptOutReason, overCap, quietHoursDecision, windowStart, type FallbackResult, type TraceStep } from '../../lib/send';
import type { ClaimMessageInput, JourneyStore } from '../../lib/store';
import type { ItemResult } from '../shared/item-loop';
import type { Delivery } from './delivery';
import { providerApiError } from './errors';
import { blank, deferred, done, duplicate, sent } from './output';

/** Every candidate is blocked or unreachable: record the suppression under the key (audit, "not sent" conditions). */
export async function skipWithoutChannel(
	store: JourneyStore,
	json: IDataObject,
	key: string,
	trace: TraceStep[],
	input: Omit<ClaimMessageInput, 'idempotencyKey'>,
): Promise<ItemResult> {
	const skippedFor = (test: (reason: string) => boolean) => trace.some((step) => step.outcome === 'skipped' && test(step.reason));
	const optedOut = skippedFor(isOptOutReason);
	const noConsent = !optedOut && skippedFor(isConsentReason);
	const reason = trace.map((step) => `${step.channel}: ${step.reason}`).join('; ') || 'no channel to try';
	const claim = await claimAttempt(store, key, input);
	if (claim.kind === 'duplicate') return duplicate(json, key, trace, claim.message);
	if (claim.kind === 'claimed') await store.updateMessage(claim.message.id, { error: reason });
	return done(json, {
		...blank(key, trace),
		status: optedOut ? 'skipped: opted out' : noConsent ? 'skipped: no consent' : 'skipped: no usable channel',
		messageId: claim.kind === 'claimed' ? claim.message.id : null,
		reason,
	});
}

export interface CapInput {
	store: JourneyStore;
	json: IDataObject;
	key: string;
	trace: TraceStep[];
	cap: { limit: number; windowHours: number; action: 'defer' | 'drop' };
	contactId: string;
	messageId: string;
	now: number;
	rules: QuietHoursRules | null;
}

/** Counted after the claim (the claim included); over the cap the claim is released as deferred or suppressed. */
export async function applyFrequencyCap(input: CapInput): Promise<ItemResult | null> {
	const { store, cap, contactId, now } = input;
	const count = await store.countMessagesSince(contactId, 'marketing', windowStart(cap, now));
	if (!overCap(count, cap)) return null;
	const reason = `frequency cap: ${count - 1} marketing messages in the last ${cap.windowHours} h (max ${cap.limit})`;
	if (cap.action === 'drop') {
		await store.updateMessage(input.messageId, { status: 'suppressed', error: reason });
		return done(input.json, { ...blank(input.key, input.trace), status: 'skipped: frequency cap', messageId: input.messageId, reason });
	}
	await store.updateMessage(input.messageId, { status: 'deferred', error: reason });
	const release = await capReleaseTime((since) => store.countMessagesSince(contactId, 'marketing', since), cap, now);
	let until = release.toISOString();
	if (input.rules) {
		const quiet = quietHoursDecision(input.rules, release);
		until = quiet.send ? quiet.at : quiet.deferredUntil;
	}
	return deferred(input.json, { ...blank(input.key, input.trace), messageId: input.messageId, deferredUntil: until, reason });
}

export function finishFallback(
	ctx: IExecuteFunctions,
	itemIndex: number,
	json: IDataObject,
	key: string,
	trace: TraceStep[],
	result: FallbackResult<Delivery>,
): ItemResult {
	switch (result.status) {
		case 'sent':
			return sent(json, key, trace, result.attempt, result.attempt.message.id, result.delivery);
		case 'duplicate':
			return duplicate(json, key, trace, result.message);
		case 'no-channel':
			return done(json, {
				...blank(key, trace),
				status: 'skipped: no usable channel',
				reason: trace.map((step) => `${step.channel}: ${step.reason}`).join('; '),
			});
		case 'exhausted':
			throw new Error(`the message "${key}" failed too many times; not trying again`);
		case 'failed': {
			const error = providerApiError(ctx, result.error, itemIndex);
			if (!ctx.continueOnFail()) throw error;
			return done(json, {
				...blank(key, trace),
				status: 'failed',
				channel: result.attempt.channel,
				to: result.attempt.address,
				provider: result.error.provider,
				messageId: result.attempt.message.id,
				error: result.error.message,
			});
		}
	}
}
