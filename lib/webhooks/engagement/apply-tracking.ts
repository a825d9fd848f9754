/** Opens, clicks and one-click unsubscribes (tokens already verified by readTrackingRequest). */
import { createHash } from 'node:crypto';

import type { JourneyStore } from '../../store';
import type { EngagementContext, EngagementOutcome } from './apply';
import { recordedEvent } from './item';
import { optOut } from './opt-out';
import { messageContainsUrl, type TrackingRequest } from './tracking';

export async function applyTracking(store: JourneyStore, request: TrackingRequest, ctx: EngagementContext): Promise<EngagementOutcome> {
	const message = await store.getMessage(request.messageId);
	if (!message) return { kind: 'not_found', reason: 'unknown_message' };
	const contact = (await store.findContact({ id: message.contactId }))!;
	const base = { source: 'tracking' as const, receivedAt: ctx.receivedAt, contact, message };
	if (request.kind === 'unsubscribe') {
		const event = await optOut(store, contact, [message.channel], [message.purpose], 'unsubscribe-link', `unsubscribe:${message.id}`, undefined, message);
		return { kind: 'recorded', events: event ? [await recordedEvent(store, { ...base, event })] : [], duplicate: !event };
	}
	if (request.kind === 'click' && !messageContainsUrl(message.body, request.url)) return { kind: 'not_found', reason: 'url_not_in_message' };
	const key = request.kind === 'open' ? `open:${message.id}` : `click:${message.id}:${createHash('sha256').update(request.url).digest('hex').slice(0, 16)}`;
	const { recorded, event } = await store.recordEvent({
		contactId: contact.id,
		type: request.kind === 'open' ? 'opened' : 'clicked',
		messageId: message.id,
		visitId: message.visitId,
		channel: message.channel,
		payload: request.kind === 'click' ? { url: request.url } : {},
		externalEventId: key,
	});
	return { kind: 'recorded', events: recorded ? [await recordedEvent(store, { ...base, event })] : [], duplicate: !recorded };
}

