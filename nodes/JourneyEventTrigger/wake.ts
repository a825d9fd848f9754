/**
 * Wakes the runs parked until this event (the Journey Condition's "wait for it"): takes their
 * waiters from the store, each exactly once, and POSTs the event to each resume URL. A failed POST
 * is logged without the URL (it holds the resume token); the run then times out as usual.
 */
import type { IWebhookFunctions } from 'n8n-workflow';

import type { JourneyStore } from '../../lib/store';
import type { RecordedEvent } from '../../lib/webhooks';

const RESUME_TIMEOUT_MS = 10_000;

function why(error: unknown): string {
	const e = error as { httpCode?: string; response?: { status?: number }; code?: string; cause?: { code?: string } };
	return String(e?.httpCode ?? e?.response?.status ?? e?.code ?? e?.cause?.code ?? 'request failed');
}

export async function wakeWaiters(ctx: IWebhookFunctions, store: JourneyStore, events: readonly RecordedEvent[]): Promise<number> {
	let woken = 0;
	for (const { item, wake } of events) {
		for (const waiter of await store.takeWaiters(wake)) {
			try {
				await ctx.helpers.httpRequest({ method: 'POST', url: waiter.resumeUrl, body: item, json: true, timeout: RESUME_TIMEOUT_MS });
				woken++;
			} catch (error) {
				ctx.logger.warn(`Journey Event Trigger: could not resume execution ${waiter.executionId ?? '(unknown)'} for a ${item.event.type} event: ${why(error)}`);
			}
		}
	}
	return woken;
}
