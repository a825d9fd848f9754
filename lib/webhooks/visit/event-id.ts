import { createHash } from 'node:crypto';

import type { VisitEventDraft } from './draft';

/**
 * A stable ID for payloads without one (Cal.com, Calendly, generic without event.id):
 * "derived:" + SHA-256 of (source, visit ID, event type, start, SHA-256 of the raw body), cut to
 * 32 hex characters. A provider's retry repeats the same bytes and so the same ID; a later
 * change of the same visit differs in its body (a new time, a new createdAt) and gets a new one.
 */
export function deriveEventId(draft: Pick<VisitEventDraft, 'source' | 'type' | 'visit'>, rawBody: Buffer): string {
	const bodyHash = createHash('sha256').update(rawBody).digest('hex');
	const key = [draft.source, draft.visit.id, draft.type, draft.visit.start ?? '', bodyHash].join('\n');
	return `derived:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
}
