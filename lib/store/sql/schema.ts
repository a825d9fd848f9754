import type { Dialect } from './driver';

export interface Migration {
	version: number;
	name: string;
	statements: (dialect: Dialect) => string[];
}

const types = (dialect: Dialect) =>
	dialect === 'postgres'
		? { time: 'TIMESTAMPTZ', json: 'JSONB', real: 'DOUBLE PRECISION' }
		: { time: 'TEXT', json: 'TEXT', real: 'REAL' };

const oneOf = (column: string, values: string[]) => `CHECK (${column} IN (${values.map((v) => `'${v}'`).join(', ')}))`;

const CHANNEL = ['sms', 'email', 'whatsapp'];
const PURPOSE = ['service', 'marketing'];
const VISIT_STATUS = ['scheduled', 'rescheduled', 'cancelled', 'attended', 'no-show', 'completed'];
const MESSAGE_STATUS = ['claimed', 'sent', 'failed', 'suppressed', 'deferred'];
const EVENT_TYPE = [
	'delivered', 'opened', 'clicked', 'replied', 'bounced', 'survey_completed',
	'payment_received', 'attendance_marked', 'opt_out', 'inbound',
];

function appendOnlyTrigger(dialect: Dialect, table: string): string[] {
	if (dialect === 'sqlite') {
		return [
			`CREATE TRIGGER ${table}_append_only BEFORE UPDATE ON ${table}
			BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
		];
	}
	return [
		`CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS
		$$ BEGIN RAISE EXCEPTION '${table} is append-only'; END $$`,
		`CREATE TRIGGER ${table}_append_only BEFORE UPDATE ON ${table}
		FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`,
	];
}

/** One schema text for both dialects, so the backends cannot drift apart. */
function initialSchema(dialect: Dialect): string[] {
	const t = types(dialect);
	const contactRef = 'TEXT NOT NULL REFERENCES cj_contacts (id) ON DELETE CASCADE';
	return [
		`CREATE TABLE cj_contacts (
			id TEXT PRIMARY KEY,
			external_id TEXT UNIQUE,
			name TEXT,
			email TEXT,
			phone TEXT,
			time_zone TEXT,
			locale TEXT,
			custom_fields ${t.json} NOT NULL,
			created_at ${t.time} NOT NULL,
			updated_at ${t.time} NOT NULL
		)`,
		'CREATE INDEX cj_contacts_email ON cj_contacts (email)',
		'CREATE INDEX cj_contacts_phone ON cj_contacts (phone)',
		`CREATE TABLE cj_consents (
			contact_id ${contactRef},
			channel TEXT NOT NULL ${oneOf('channel', CHANNEL)},
			purpose TEXT NOT NULL ${oneOf('purpose', PURPOSE)},
			status TEXT NOT NULL ${oneOf('status', ['granted', 'revoked'])},
			source TEXT NOT NULL,
			updated_at ${t.time} NOT NULL,
			PRIMARY KEY (contact_id, channel, purpose)
		)`,
		`CREATE TABLE cj_consent_audit (
			id TEXT PRIMARY KEY,
			contact_id ${contactRef},
			channel TEXT NOT NULL ${oneOf('channel', CHANNEL)},
			purpose TEXT NOT NULL ${oneOf('purpose', PURPOSE)},
			status TEXT NOT NULL ${oneOf('status', ['granted', 'revoked'])},
			source TEXT NOT NULL,
			actor TEXT,
			reason TEXT,
			occurred_at ${t.time} NOT NULL,
			recorded_at ${t.time} NOT NULL
		)`,
		'CREATE INDEX cj_consent_audit_contact ON cj_consent_audit (contact_id, occurred_at)',
		...appendOnlyTrigger(dialect, 'cj_consent_audit'),
		`CREATE TABLE cj_visits (
			id TEXT PRIMARY KEY,
			external_id TEXT NOT NULL UNIQUE,
			contact_id ${contactRef},
			service TEXT,
			location TEXT,
			staff TEXT,
			start_at ${t.time} NOT NULL,
			end_at ${t.time},
			status TEXT NOT NULL ${oneOf('status', VISIT_STATUS)},
			version INTEGER NOT NULL,
			created_at ${t.time} NOT NULL,
			updated_at ${t.time} NOT NULL
		)`,
		'CREATE INDEX cj_visits_contact_start ON cj_visits (contact_id, start_at)',
		'CREATE INDEX cj_visits_ended ON cj_visits ((COALESCE(end_at, start_at)))',
		`CREATE TABLE cj_tags (
			contact_id ${contactRef},
			tag TEXT NOT NULL,
			created_at ${t.time} NOT NULL,
			PRIMARY KEY (contact_id, tag)
		)`,
		'CREATE INDEX cj_tags_tag ON cj_tags (tag)',
		// previous_value = value before the latest write, so one upsert can return both.
		`CREATE TABLE cj_counters (
			contact_id ${contactRef},
			name TEXT NOT NULL,
			value ${t.real} NOT NULL,
			previous_value ${t.real} NOT NULL,
			updated_at ${t.time} NOT NULL,
			PRIMARY KEY (contact_id, name)
		)`,
		'CREATE INDEX cj_counters_name ON cj_counters (name)',
		`CREATE TABLE cj_counter_dedup (
			contact_id ${contactRef},
			counter TEXT NOT NULL,
			dedup_key TEXT NOT NULL,
			created_at ${t.time} NOT NULL,
			PRIMARY KEY (contact_id, counter, dedup_key)
		)`,
		`CREATE TABLE cj_messages (
			id TEXT PRIMARY KEY,
			idempotency_key TEXT NOT NULL UNIQUE,
			contact_id ${contactRef},
			visit_id TEXT REFERENCES cj_visits (id) ON DELETE SET NULL,
			visit_version INTEGER,
			channel TEXT NOT NULL ${oneOf('channel', CHANNEL)},
			purpose TEXT NOT NULL ${oneOf('purpose', PURPOSE)},
			provider TEXT,
			provider_message_id TEXT,
			status TEXT NOT NULL ${oneOf('status', MESSAGE_STATUS)},
			body TEXT,
			error TEXT,
			created_at ${t.time} NOT NULL,
			updated_at ${t.time} NOT NULL,
			sent_at ${t.time}
		)`,
		'CREATE INDEX cj_messages_contact_created ON cj_messages (contact_id, created_at)',
		'CREATE INDEX cj_messages_provider_message ON cj_messages (provider_message_id)',
		`CREATE TABLE cj_events (
			id TEXT PRIMARY KEY,
			contact_id ${contactRef},
			message_id TEXT REFERENCES cj_messages (id) ON DELETE SET NULL,
			visit_id TEXT REFERENCES cj_visits (id) ON DELETE SET NULL,
			channel TEXT ${oneOf('channel', CHANNEL)},
			type TEXT NOT NULL ${oneOf('type', EVENT_TYPE)},
			intent TEXT,
			payload ${t.json} NOT NULL,
			external_event_id TEXT UNIQUE,
			occurred_at ${t.time} NOT NULL,
			recorded_at ${t.time} NOT NULL
		)`,
		'CREATE INDEX cj_events_contact_occurred ON cj_events (contact_id, occurred_at)',
		'CREATE INDEX cj_events_message ON cj_events (message_id)',
		'CREATE INDEX cj_events_visit ON cj_events (visit_id)',
		`CREATE TABLE cj_processed_events (
			source TEXT NOT NULL,
			event_id TEXT NOT NULL,
			processed_at ${t.time} NOT NULL,
			PRIMARY KEY (source, event_id)
		)`,
	];
}

/** Runs parked until an engagement event arrives (the condition node's "wait for it"). */
function waitersSchema(dialect: Dialect): string[] {
	const t = types(dialect);
	return [
		`CREATE TABLE cj_waiters (
			id TEXT PRIMARY KEY,
			contact_id TEXT NOT NULL REFERENCES cj_contacts (id) ON DELETE CASCADE,
			visit_id TEXT REFERENCES cj_visits (id) ON DELETE CASCADE,
			event_types TEXT NOT NULL,
			resume_url TEXT NOT NULL,
			execution_id TEXT,
			created_at ${t.time} NOT NULL,
			expires_at ${t.time} NOT NULL
		)`,
		'CREATE INDEX cj_waiters_contact ON cj_waiters (contact_id, expires_at)',
	];
}

/**
 * The positive additions of each counter that still count, with their time, so points can expire
 * oldest first. Counters written before this migration get one entry of their value dated now.
 */
function counterEntriesSchema(dialect: Dialect): string[] {
	const t = types(dialect);
	const seq = dialect === 'postgres' ? 'BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY' : 'INTEGER PRIMARY KEY';
	const migratedAt = new Date().toISOString();
	return [
		`CREATE TABLE cj_counter_entries (
			seq ${seq},
			contact_id TEXT NOT NULL,
			name TEXT NOT NULL,
			amount ${t.real} NOT NULL CHECK (amount > 0),
			added_at ${t.time} NOT NULL,
			FOREIGN KEY (contact_id, name) REFERENCES cj_counters (contact_id, name) ON DELETE CASCADE
		)`,
		'CREATE INDEX cj_counter_entries_counter ON cj_counter_entries (contact_id, name, added_at)',
		`INSERT INTO cj_counter_entries (contact_id, name, amount, added_at)
			SELECT contact_id, name, value, '${migratedAt}' FROM cj_counters WHERE value > 0`,
	];
}

/** Where each journey execution began, so a run lost with its worker can be started again (journey-runs.ts). */
function journeyRunsSchema(dialect: Dialect): string[] {
	const t = types(dialect);
	return [
		`CREATE TABLE cj_journey_runs (
			execution_id TEXT PRIMARY KEY,
			workflow_id TEXT NOT NULL,
			node TEXT NOT NULL,
			item TEXT NOT NULL,
			recorded_at ${t.time} NOT NULL
		)`,
		'CREATE INDEX cj_journey_runs_recorded ON cj_journey_runs (recorded_at)',
	];
}

/** Append only: never edit a released migration, add a new version instead. */
export const MIGRATIONS: readonly Migration[] = [
	{ version: 1, name: 'initial', statements: initialSchema },
	{ version: 2, name: 'waiters', statements: waitersSchema },
	{ version: 3, name: 'counter entries', statements: counterEntriesSchema },
	{ version: 4, name: 'journey runs', statements: journeyRunsSchema },
];
