/**
 * The shared second half of every endpoint: land the drafts in the Journey Store, wake the runs
 * waiting for them, and start this workflow with the new events whose type was chosen.
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import type { EventType, JourneyStore } from '../../lib/store';
import { applyEngagement, type EngagementContext, type EngagementDraft, type EngagementOutcome, type FieldIssue, type RecordedEvent } from '../../lib/webhooks';
import { openJourneyStore } from '../shared/journey-store';
import { triggerParameter } from '../shared/trigger-properties';
import { wakeWaiters } from '../shared/trigger-wake';
import { DEFAULT_START_ON } from './properties';

export interface Settled {
	recorded: RecordedEvent[];
	duplicates: number;
	ignored: string[];
	invalid: FieldIssue[];
	notFound: string[];
	woken: number;
	/** The items that start this workflow. */
	start: IDataObject[];
}

export function engagementContext(ctx: IWebhookFunctions): EngagementContext {
	const options = triggerParameter<{ replyWindowDays?: number }>(ctx, 'options', {});
	return { receivedAt: new Date().toISOString(), replyWindowDays: options.replyWindowDays ?? 7 };
}

export async function settle(ctx: IWebhookFunctions, outcomes: EngagementOutcome[], store: JourneyStore): Promise<Settled> {
	const result: Settled = { recorded: [], duplicates: 0, ignored: [], invalid: [], notFound: [], woken: 0, start: [] };
	for (const outcome of outcomes) {
		if (outcome.kind === 'recorded') {
			result.recorded.push(...outcome.events);
			if (outcome.duplicate) result.duplicates++;
		} else if (outcome.kind === 'ignored') result.ignored.push(outcome.reason);
		else if (outcome.kind === 'invalid') result.invalid.push(...outcome.fields);
		else result.notFound.push(outcome.reason);
	}
	result.woken = await wakeWaiters(ctx, store, result.recorded);
	const startOn = triggerParameter<EventType[]>(ctx, 'startOn', DEFAULT_START_ON);
	result.start = result.recorded.filter(({ item }) => startOn.includes(item.event.type)).map(({ item }) => item as unknown as IDataObject);
	return result;
}

export async function recordDrafts(ctx: IWebhookFunctions, drafts: readonly EngagementDraft[]): Promise<Settled> {
	const store = await openJourneyStore(ctx);
	const context = engagementContext(ctx);
	const outcomes: EngagementOutcome[] = [];
	for (const draft of drafts) outcomes.push(await applyEngagement(store, draft, context));
	return await settle(ctx, outcomes, store);
}

/** The JSON answer: what was recorded, never any personal data. */
export function summary(settled: Settled): IDataObject {
	return {
		received: true,
		recorded: settled.recorded.map(({ item }) => ({ type: item.event.type, intent: item.event.intent, id: item.event.id })),
		...(settled.duplicates ? { duplicates: settled.duplicates } : {}),
		...(settled.ignored.length ? { ignored: settled.ignored } : {}),
		woken: settled.woken,
		started: settled.start.length > 0,
	};
}
