/**
 * Recall due (S5 recurring visit, S6 check-up invitation): contacts whose last visit of the chosen
 * services ended `delayDays` ago (a month counts 30 days) and who have no future booking. Each
 * poll looks back over a catch-up window, so nothing is missed between polls or after downtime;
 * every visit is recalled once per reminder (claimEvent('recall:<reminder>', visit)). Visits
 * already recalled are left out by the query and the rest is read page by page, so a backlog
 * larger than a page is worked off (up to `limit` per poll, the rest at the next poll).
 */
import type { JourneyContact, JourneyVisit } from '../journey/item';
import type { JourneyStore, Visit, VisitListItem, VisitStatus } from '../store';

export const DAYS_PER_MONTH = 30;
/** Recalls emitted by one poll at most; what is left is due at the next poll. */
export const MAX_RECALLS_PER_POLL = 50_000;
const PAGE = 1000;
const IN_FLIGHT = 16;
const DAY_MS = 86_400_000;

export interface RecallOptions {
	/** Names the reminder; recalls are deduplicated per reminder and visit. */
	reminder: string;
	/** Empty: visits of any service. */
	services: readonly string[];
	delayDays: number;
	/** How far before the due instant a visit may have ended and still be recalled. */
	catchUpDays: number;
	/** Which visits count as "had a visit" (e.g. attended, completed). */
	statuses: readonly VisitStatus[];
	excludeTags: readonly string[];
	now: string;
	/** Default MAX_RECALLS_PER_POLL. */
	limit?: number;
	/** Preview (n8n's "Fetch Test Event"): report who is due without marking them recalled. */
	preview?: boolean;
}

export interface RecallItem {
	event: { id: string; type: 'recall_due'; source: 'recall'; receivedAt: string };
	recall: { reminder: string; delayDays: number; dueAt: string };
	contact: JourneyContact;
	visit: JourneyVisit;
}

const endOf = (visit: Visit) => visit.endAt ?? visit.startAt;
const iso = (ms: number) => new Date(ms).toISOString();

export function recallWindow(options: Pick<RecallOptions, 'now' | 'delayDays' | 'catchUpDays'>): { endedAfter: string; endedBefore: string } {
	const dueBefore = Date.parse(options.now) - options.delayDays * DAY_MS;
	return { endedAfter: iso(dueBefore - options.catchUpDays * DAY_MS), endedBefore: iso(dueBefore) };
}

export async function findDueRecalls(store: JourneyStore, options: RecallOptions): Promise<RecallItem[]> {
	const limit = options.limit ?? MAX_RECALLS_PER_POLL;
	const items: RecallItem[] = [];
	let after: { startAt: string; id: string } | undefined;
	while (items.length < limit) {
		const page = await store.listVisits({
			services: options.services.length ? options.services : undefined,
			statuses: options.statuses,
			...recallWindow(options),
			futureAfter: options.now,
			notClaimedFor: `recall:${options.reminder}`,
			after,
			limit: PAGE,
		});
		// A few visits at a time, so their round trips overlap (the store batches concurrent reads);
		// never more than the recalls still allowed, because a visit is claimed once it is checked.
		for (let next = 0; next < page.length && items.length < limit; ) {
			const batch = page.slice(next, next + Math.min(IN_FLIGHT, limit - items.length));
			next += batch.length;
			for (const item of await Promise.all(batch.map((visit) => recallOf(store, visit, options)))) if (item) items.push(item);
		}
		if (page.length < PAGE) break;
		const last = page[page.length - 1]!;
		after = { startAt: last.startAt, id: last.id };
	}
	return items;
}

async function recallOf(store: JourneyStore, visit: VisitListItem, options: RecallOptions): Promise<RecallItem | null> {
	const services = options.services.length ? options.services : undefined;
	if (visit.hasFutureVisit) return null;
	const later = await store.listVisits({ contactId: visit.contactId, services, statuses: options.statuses, endedAfter: endOf(visit), endedBefore: options.now, limit: 10 });
	if (later.some((other) => other.id !== visit.id && endOf(other) > endOf(visit))) return null;
	if (options.excludeTags.length) {
		const tags = await store.getTags(visit.contactId);
		if (options.excludeTags.some((tag) => tags.includes(tag))) return null;
	}
	const contact = await store.findContact({ id: visit.contactId });
	if (!contact) return null;
	if (!options.preview && !(await store.claimEvent(`recall:${options.reminder}`, visit.id))) return null;
	return {
		event: { id: `recall:${options.reminder}:${visit.externalId}`, type: 'recall_due', source: 'recall', receivedAt: options.now },
		recall: { reminder: options.reminder, delayDays: options.delayDays, dueAt: iso(Date.parse(endOf(visit)) + options.delayDays * DAY_MS) },
		contact: { id: contact.externalId ?? contact.id, name: contact.name, email: contact.email, phone: contact.phone, timeZone: contact.timeZone, locale: contact.locale },
		visit: { id: visit.externalId, service: visit.service, location: visit.location, staff: visit.staff, start: visit.startAt, end: visit.endAt, status: visit.status, version: visit.version },
	};
}
