/**
 * Wakes the runs parked until an event (the Journey Condition's "wait for it"): takes their
 * waiters from the store, each exactly once, and POSTs the event to each resume URL. Used by the
 * Journey Event Trigger for every event and by the Visit Trigger for attendance.
 *
 * n8n answers 409 "… is running already" while a run that has just registered its waiter has not
 * yet been saved as waiting (the Condition registers, checks again, then parks): such a POST is
 * retried a few times. Any other failure is logged without the URL (it holds the resume token);
 * that run then times out as usual.
 */
import type { IN8nHttpFullResponse, IWebhookFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { JourneyStore } from '../../lib/store';
import type { RecordedEvent } from '../../lib/webhooks';

const RESUME_TIMEOUT_MS = 10_000;
/** Pauses before the 2nd … 5th try: five tries over about three seconds. */
export const RESUME_RETRY_DELAYS_MS = [200, 400, 800, 1600];

type Attempt = { ok: true } | { ok: false; why: string; retry: boolean };

function failure(error: unknown): string {
	const e = error as { httpCode?: string; response?: { status?: number }; code?: string; cause?: { code?: string } };
	return String(e?.httpCode ?? e?.response?.status ?? e?.code ?? e?.cause?.code ?? 'request failed');
}

/** n8n's ConflictError for a run not yet saved as waiting; "has finished" 409s are final. */
function stillRunning(body: unknown): boolean {
	const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : body;
	return typeof message === 'string' && /\brunning\b/i.test(message);
}

async function postResume(ctx: IWebhookFunctions, url: string, item: RecordedEvent['item']): Promise<Attempt> {
	try {
		const response = (await ctx.helpers.httpRequest({
			method: 'POST',
			url,
			body: item,
			json: true,
			timeout: RESUME_TIMEOUT_MS,
			ignoreHttpStatusErrors: true,
			returnFullResponse: true,
		})) as IN8nHttpFullResponse;
		const status = response.statusCode;
		if (status >= 200 && status < 300) return { ok: true };
		return { ok: false, why: String(status), retry: status === 409 && stillRunning(response.body) };
	} catch (error) {
		return { ok: false, why: failure(error), retry: false };
	}
}

async function resume(ctx: IWebhookFunctions, url: string, item: RecordedEvent['item']): Promise<Attempt> {
	let attempt = await postResume(ctx, url, item);
	for (const delay of RESUME_RETRY_DELAYS_MS) {
		if (attempt.ok || !attempt.retry) break;
		await sleep(delay);
		attempt = await postResume(ctx, url, item);
	}
	return attempt;
}

export async function wakeWaiters(ctx: IWebhookFunctions, store: JourneyStore, events: readonly RecordedEvent[]): Promise<number> {
	let woken = 0;
	for (const { item, wake } of events) {
		for (const waiter of await store.takeWaiters(wake)) {
			const attempt = await resume(ctx, waiter.resumeUrl, item);
			if (attempt.ok) woken++;
			else {
				const tries = attempt.retry ? ` after ${RESUME_RETRY_DELAYS_MS.length + 1} tries` : '';
				ctx.logger.warn(`${ctx.getNode().name}: could not resume execution ${waiter.executionId ?? '(unknown)'} for a ${item.event.type} event: ${attempt.why}${tries}`);
			}
		}
	}
	return woken;
}
