import { notFoundError } from '../errors';
import type { JourneyStore, StoreBackend } from '../journey-store';
import { settle } from '../settle';
import * as T from '../types';
import { oneOf, toUtcIso } from '../validate';
import * as consent from './consent';
import * as contacts from './contacts';
import * as counterBatch from './counter-batch';
import * as counters from './counters';
import type { SqlDriver } from './driver';
import * as events from './events';
import { GroupCommit } from './group-commit';
import * as journeyRuns from './journey-runs';
import * as messages from './messages';
import { readSchemaVersion } from './migrate';
import { ReadBatch } from './read-batch';
import * as tags from './tags';
import { TransactionDriver } from './tx-driver';
import * as visits from './visits';
import * as waiters from './waiters';

/** Postgres 23503 / SQLite SQLITE_CONSTRAINT_FOREIGNKEY (787). */
const isForeignKeyViolation = (error: unknown) => {
	const e = error as { code?: unknown; errcode?: unknown } | null;
	return e?.code === '23503' || e?.errcode === 787;
};

/** Turns a missing contact/visit/message reference into a NOT_FOUND error with a clear message. */
async function guard<R>(operation: string, fn: () => Promise<R>): Promise<R> {
	const outcome = await settle(fn());
	if (outcome.ok) return outcome.value;
	if (isForeignKeyViolation(outcome.error)) {
		throw notFoundError(`${operation}: the referenced contact, visit or message does not exist`);
	}
	throw outcome.error;
}

interface BatchedReads {
	contacts: ReadBatch<[string, string], T.Contact | null>;
	visits: ReadBatch<[string, string], T.Visit | null>;
	consents: ReadBatch<consent.ConsentKey, T.ConsentState>;
	counts: ReadBatch<messages.CountKey, number>;
}

const batchedReads = (db: SqlDriver): BatchedReads => ({
	contacts: new ReadBatch((keys) => contacts.findContactsByColumn(db, keys)),
	visits: new ReadBatch((keys) => visits.getVisits(db, keys)),
	consents: new ReadBatch((keys) => consent.getConsents(db, keys)),
	counts: new ReadBatch((keys) => messages.countMessagesSinceMany(db, keys)),
});

/** The one JourneyStore implementation; backends differ only in their SqlDriver. */
export class SqlJourneyStore implements JourneyStore {
	readonly backend: StoreBackend;
	private closed = false;
	/** Claims and their outcome updates are the hot writes of a send run: group-committed (see group-commit.ts). */
	private readonly messageWrites: GroupCommit | null;
	/** …and so are their reads of contact, visit, consent and cap count (see read-batch.ts). */
	private readonly reads: BatchedReads | null;

	constructor(
		private readonly db: SqlDriver,
		private readonly location: string,
		private readonly onClose?: () => void,
	) {
		this.backend = db.dialect;
		// Inside atomically() every write already shares the caller's transaction.
		this.messageWrites = db instanceof TransactionDriver ? null : new GroupCommit(db);
		this.reads = db instanceof TransactionDriver ? null : batchedReads(db);
	}

	toString(): string {
		return `JourneyStore(${this.location})`;
	}

	schemaVersion = () => readSchemaVersion(this.db);

	atomically<R>(fn: (store: JourneyStore) => Promise<R>): Promise<R> {
		if (this.db instanceof TransactionDriver) return fn(this);
		return this.db.transaction((tx) => fn(new SqlJourneyStore(new TransactionDriver(this.db.dialect, tx), this.location)));
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		this.onClose?.();
		await this.db.close();
	}

	upsertContact = (input: T.ContactInput) => contacts.upsertContact(this.db, input);
	findContact = async (lookup: T.ContactLookup) =>
		this.reads ? this.reads.contacts.get(contacts.lookupColumn(lookup)) : contacts.findContact(this.db, lookup);
	findContacts = (lookups: readonly T.ContactLookup[]) => contacts.findContacts(this.db, lookups);

	setConsent = (input: T.SetConsentInput) => guard('setConsent', () => consent.setConsent(this.db, input));
	getConsent = async (contactId: string, channel: T.Channel, purpose: T.Purpose) =>
		this.reads
			? this.reads.consents.get([contactId, oneOf(channel, T.CHANNELS, 'channel'), oneOf(purpose, T.PURPOSES, 'purpose')])
			: consent.getConsent(this.db, contactId, channel, purpose);
	listConsentAudit = (contactId: string, filter?: { channel?: T.Channel; purpose?: T.Purpose }) =>
		consent.listConsentAudit(this.db, contactId, filter);

	upsertVisit = (input: T.VisitInput) => guard('upsertVisit', () => visits.upsertVisit(this.db, input));
	setVisitStatus = (ref: T.VisitRef, status: T.VisitStatus) => visits.setVisitStatus(this.db, ref, status);
	getVisit = async (ref: T.VisitRef) => (this.reads ? this.reads.visits.get(visits.refWhere(ref)) : visits.getVisit(this.db, ref));
	listVisits = (query: T.VisitQuery) => visits.listVisits(this.db, query);
	listServices = () => visits.listServices(this.db);

	addTags = (contactId: string, list: readonly string[]) => guard('addTags', () => tags.addTags(this.db, contactId, list));
	removeTags = (contactId: string, list: readonly string[]) => tags.removeTags(this.db, contactId, list);
	replaceTags = (contactId: string, list: readonly string[]) => tags.replaceTags(this.db, contactId, list);
	getTags = (contactId: string) => tags.getTags(this.db, contactId);
	hasTag = (contactId: string, tag: string) => tags.hasTag(this.db, contactId, tag);
	listTagNames = () => tags.listTagNames(this.db);

	addToCounter = (contactId: string, name: string, delta: number, dedupKey?: string) =>
		guard('addToCounter', () => counters.addToCounter(this.db, contactId, name, delta, dedupKey));
	addToCounters = (adds: readonly T.CounterAdd[]) => guard('addToCounters', () => counterBatch.addToCounters(this.db, adds));
	setCounter = (contactId: string, name: string, value: number) =>
		guard('setCounter', () => counters.setCounter(this.db, contactId, name, value));
	expireCounter = (contactId: string, name: string, olderThan: string) =>
		guard('expireCounter', () => counters.expireCounter(this.db, contactId, name, olderThan));
	getCounter = (contactId: string, name: string) => counters.getCounter(this.db, contactId, name);
	listCounterNames = () => counters.listCounterNames(this.db);

	claimMessage = (input: T.ClaimMessageInput) =>
		guard('claimMessage', () =>
			this.messageWrites
				? this.messageWrites.submit(`claim:${String(input.idempotencyKey)}`, (tx) => messages.claimMessage(tx, input), {
						kind: 'claim',
						input,
						all: messages.claimMessages,
					})
				: messages.claimMessage(this.db, input),
		);
	updateMessage = async (id: string, patch: T.MessagePatch) => {
		if (!this.messageWrites) return messages.updateMessage(this.db, id, patch);
		const update = { id, columns: messages.patchColumns(patch) };
		return this.messageWrites.submit(`update:${String(id)}`, async (tx) => (await messages.updateMessages(tx, [update]))[0]!, {
			kind: `update:${update.columns.map(([column]) => column).join(',')}`,
			input: update,
			all: messages.updateMessages,
		});
	};
	getMessage = (id: string) => messages.getMessage(this.db, id);
	findMessageByProviderId = (providerMessageId: string, provider?: string) =>
		messages.findMessageByProviderId(this.db, providerMessageId, provider);
	findLatestMessage = (query: T.LatestMessageQuery) => messages.findLatestMessage(this.db, query);
	countMessagesSince = async (contactId: string, purpose: T.Purpose, since: string) =>
		this.reads
			? this.reads.counts.get([contactId, oneOf(purpose, T.PURPOSES, 'purpose'), toUtcIso(since, 'since')])
			: messages.countMessagesSince(this.db, contactId, purpose, since);

	recordEvent = (input: T.RecordEventInput) => guard('recordEvent', () => events.recordEvent(this.db, input));
	listEvents = (query: T.EventQuery) => events.listEvents(this.db, query);
	lastInboundAt = (contactId: string, channel: T.Channel) => events.lastInboundAt(this.db, contactId, channel);
	claimEvent = (source: string, eventId: string) => events.claimEvent(this.db, source, eventId);

	registerWaiter = (input: T.RegisterWaiterInput) => guard('registerWaiter', () => waiters.registerWaiter(this.db, input));
	takeWaiters = (input: T.TakeWaitersInput) => waiters.takeWaiters(this.db, input);

	recordJourneyRun = (input: T.RecordJourneyRunInput) => journeyRuns.recordJourneyRun(this.db, input);
	getJourneyRun = (executionId: string) => journeyRuns.getJourneyRun(this.db, executionId);
}
