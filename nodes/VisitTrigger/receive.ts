/**
 * One POST: check and normalise it (lib/webhooks, pure), then update the Journey Store before any
 * execution starts, wake the journeys waiting for attendance when the event marks it, then start
 * one execution with the normalized item if the event type is wanted.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { applyVisitEvent, prepareVisitRequest, type FieldIssue } from '../../lib/webhooks';
import { openJourneyStore } from '../shared/journey-store';
import { answer, answerAndStart, readRequest } from '../shared/trigger-http';
import { wakeWaiters } from '../shared/trigger-wake';
import { withWebhookSecrets } from '../shared/trigger-secrets';
import { readVisitTriggerSettings } from './config';

const withWarnings = (warnings: FieldIssue[]) => (warnings.length ? { warnings } : {});

export async function receiveVisitEvent(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = await readRequest(ctx);
	const settings = readVisitTriggerSettings(ctx);
	const now = Date.now();
	const prepare = (secrets: string[]) => prepareVisitRequest(request, settings.config(secrets), now);
	const prepared = await withWebhookSecrets(ctx, settings.scheme, prepare);
	if (prepared.kind === 'rejected') {
		if (prepared.rejection.status === 401) ctx.logger.warn(`Visit Trigger "${ctx.getNode().name}": request refused (${prepared.rejection.body.reason})`);
		return answer(ctx, prepared.rejection.status, prepared.rejection.body);
	}
	if (prepared.kind === 'ignored') return answer(ctx, 200, { received: true, ignored: true, reason: prepared.reason });

	const { draft, eventId } = prepared;
	const store = await openJourneyStore(ctx);
	const result = await applyVisitEvent(store, draft, {
		dedupSource: `visitTrigger:${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id ?? ctx.getNode().name}`,
		eventId,
		receivedAt: new Date().toISOString(),
		raw: settings.includeRaw ? prepared.body : undefined,
	});
	if (result.kind === 'invalid') return answer(ctx, 400, { error: 'invalid_payload', fields: result.fields });
	if (result.kind === 'duplicate') return answer(ctx, 200, { received: true, duplicate: true, eventId });

	const { item, attendance } = result;
	const woken = attendance ? { woken: await wakeWaiters(ctx, store, [attendance]) } : {};
	const type = item.event.type;
	const response = { received: true, eventId, type, visitVersion: item.visit.version, ...woken, ...withWarnings(draft.warnings) };
	if (!draft.startsExecution) return answer(ctx, 200, { ...response, started: false, reason: draft.note });
	if (!settings.events.includes(type)) {
		return answer(ctx, 200, { ...response, started: false, reason: `"${type}" events do not start this workflow; the Journey Store was updated` });
	}
	return answerAndStart(ctx, { ...response, started: true }, ctx.helpers.returnJsonArray([item as unknown as IDataObject]));
}
