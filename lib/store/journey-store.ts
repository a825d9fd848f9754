import type {
	Channel,
	ClaimMessageInput,
	ClaimMessageResult,
	ConsentAuditEntry,
	ConsentState,
	Contact,
	ContactInput,
	ContactLookup,
	CounterAdd,
	CounterAddResult,
	CounterExpireResult,
	CounterSetResult,
	EngagementEvent,
	EventQuery,
	JourneyRun,
	LatestMessageQuery,
	Message,
	MessagePatch,
	Purpose,
	RecordEventInput,
	RecordJourneyRunInput,
	RegisterWaiterInput,
	TakeWaitersInput,
	Waiter,
	RecordEventResult,
	SetConsentInput,
	SetConsentResult,
	TagChange,
	UpsertContactResult,
	UpsertVisitResult,
	Visit,
	VisitInput,
	VisitListItem,
	VisitQuery,
	VisitRef,
	VisitStatus,
} from './types';

export type StoreBackend = 'sqlite' | 'postgres';

/**
 * Durable state of customer journeys. Both backends behave identically; every write is a
 * single atomic statement or transaction, so concurrent executions and processes are safe.
 */
export interface JourneyStore {
	readonly backend: StoreBackend;
	/** Where the store lives, never including a password. */
	toString(): string;
	/** Highest applied migration version. */
	schemaVersion(): Promise<number>;
	close(): Promise<void>;
	/**
	 * Runs fn in one transaction: every operation on the store it is given commits together or
	 * not at all (a throw rolls back), with one durable commit. Use only that store inside fn —
	 * the outer one would wait for the transaction to end (SQLite) or run outside it (Postgres).
	 * fn may run more than once when the database asks for a retry (deadlock), so keep its side
	 * effects in the store.
	 */
	atomically<R>(fn: (store: JourneyStore) => Promise<R>): Promise<R>;

	/** Matches by externalId; otherwise by email, then phone (when an externalId is given, only contacts without one are adopted). */
	upsertContact(input: ContactInput): Promise<UpsertContactResult>;
	findContact(lookup: ContactLookup): Promise<Contact | null>;
	/** findContact for each lookup, in one query per kind of lookup; the answers in input order. */
	findContacts(lookups: readonly ContactLookup[]): Promise<(Contact | null)[]>;

	/** Appends to the audit trail; the current status follows the statement with the latest `at`. */
	setConsent(input: SetConsentInput): Promise<SetConsentResult>;
	getConsent(contactId: string, channel: Channel, purpose: Purpose): Promise<ConsentState>;
	listConsentAudit(contactId: string, filter?: { channel?: Channel; purpose?: Purpose }): Promise<ConsentAuditEntry[]>;

	/** Bumps the version only when start, end, service or location really change (see README). */
	upsertVisit(input: VisitInput): Promise<UpsertVisitResult>;
	setVisitStatus(ref: VisitRef, status: VisitStatus): Promise<{ visit: Visit; changed: boolean }>;
	getVisit(ref: VisitRef): Promise<Visit | null>;
	listVisits(query: VisitQuery): Promise<VisitListItem[]>;
	/** Every service named on any visit, sorted (for the Recall Due Trigger's dropdown). */
	listServices(): Promise<string[]>;

	addTags(contactId: string, tags: readonly string[]): Promise<TagChange>;
	removeTags(contactId: string, tags: readonly string[]): Promise<TagChange>;
	replaceTags(contactId: string, tags: readonly string[]): Promise<TagChange>;
	getTags(contactId: string): Promise<string[]>;
	hasTag(contactId: string, tag: string): Promise<boolean>;
	/** Every tag used on any contact, sorted. */
	listTagNames(): Promise<string[]>;

	/** A repeated dedupKey adds nothing and returns applied=false with the current value. */
	addToCounter(contactId: string, name: string, delta: number, dedupKey?: string): Promise<CounterAddResult>;
	/**
	 * Applies the adds and returns, for each in input order, exactly what addToCounter would have
	 * returned applying them one by one in that order (a dedup key seen before — in the store or
	 * earlier in the list — adds nothing). Runs in transactions of up to 500 adds, each committed
	 * whole or not at all; a failure (e.g. an unknown contact) leaves the chunks before it applied.
	 */
	addToCounters(adds: readonly CounterAdd[]): Promise<CounterAddResult[]>;
	setCounter(contactId: string, name: string, value: number): Promise<CounterSetResult>;
	/**
	 * Removes, in one transaction, what was added to the counter before `olderThan` (ISO instant) and
	 * not yet spent (spending takes the oldest additions first), lowering the counter by that much.
	 */
	expireCounter(contactId: string, name: string, olderThan: string): Promise<CounterExpireResult>;
	/** 0 when the counter was never written. */
	getCounter(contactId: string, name: string): Promise<number>;
	listCounterNames(): Promise<string[]>;

	/**
	 * Insert-if-absent on idempotencyKey: exactly one caller gets claimed=true, the others the stored
	 * row. Resolves after the claim is committed; concurrent claims (and updates) share one commit.
	 */
	claimMessage(input: ClaimMessageInput): Promise<ClaimMessageResult>;
	updateMessage(id: string, patch: MessagePatch): Promise<Message>;
	getMessage(id: string): Promise<Message | null>;
	findMessageByProviderId(providerMessageId: string, provider?: string): Promise<Message | null>;
	findLatestMessage(query: LatestMessageQuery): Promise<Message | null>;
	/** Messages of this purpose claimed or sent at or after `since` (for frequency caps). */
	countMessagesSince(contactId: string, purpose: Purpose, since: string): Promise<number>;

	recordEvent(input: RecordEventInput): Promise<RecordEventResult>;
	listEvents(query: EventQuery): Promise<EngagementEvent[]>;
	/** Latest inbound or replied event on the channel (WhatsApp's 24 h window). */
	lastInboundAt(contactId: string, channel: Channel): Promise<string | null>;
	/** Webhook dedup: true only for the first claim of (source, eventId). */
	claimEvent(source: string, eventId: string): Promise<boolean>;

	/** Registers a parked run to wake when one of the event types arrives for the contact. */
	registerWaiter(input: RegisterWaiterInput): Promise<Waiter>;
	/**
	 * Removes and returns, in one statement, the unexpired waiters the event wakes: each waiter
	 * is handed to exactly one caller, however many workers receive events at once.
	 */
	takeWaiters(input: TakeWaitersInput): Promise<Waiter[]>;

	/**
	 * Records where an execution's journey began, once: a later call for the same execution
	 * (a resumed segment, another node) keeps the first record. Records older than 90 days go.
	 */
	recordJourneyRun(input: RecordJourneyRunInput): Promise<void>;
	getJourneyRun(executionId: string): Promise<JourneyRun | null>;
}
