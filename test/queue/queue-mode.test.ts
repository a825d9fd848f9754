/**
 * n8n 2.40.7 in queue mode, for real: PostgreSQL (n8n and the Journey Store in one database),
 * Redis, a main process, two workers × concurrency 10 and a webhook process
 * (scripts/queue-cluster.cjs). Signed visit events go to the webhook process; journeys park in
 * PostgreSQL and the main's WaitTracker resumes them through the queue; messages reach the real
 * SMTP and SMS sinks. One cluster for the whole file: the tests run in order, and the loyalty
 * counters run while the 1,000 journeys are parked.
 */
import fs from 'node:fs';
import { DateTime } from 'luxon';

import { eventually, nodeOf, signedPost, webhookUrl, type Workflow } from '../e2e/support/journey';
import { executionStatuses, inParallel, startCluster, type QueueCluster } from './support/cluster';
import { startSinks, type Sinks } from './support/sinks';
import { SECRET, credentials, dentalWorkflow, loyaltyWorkflow, zoneWithLocalHour } from './support/workflows';

jest.setTimeout(600_000);

interface Patient {
	id: string;
	email: string;
	phone: string;
	timeZone: string;
}

/** Day, night, loyalty and crash patients: each group its own IDs, addresses and numbers. */
const GROUPS = ['D', 'N', 'L', 'K'] as const;

const patient = (group: (typeof GROUPS)[number], index: number, timeZone: string): Patient => ({
	id: `${group}-${index}`,
	email: `${group.toLowerCase()}-${index}@patients.test`,
	phone: `+4860${GROUPS.indexOf(group)}${String(index).padStart(6, '0')}`,
	timeZone,
});

function visitEvent(who: Patient, visitId: string, eventId: string, type = 'scheduled') {
	const start = DateTime.now().plus({ days: 2 }).startOf('minute');
	return {
		event: { id: eventId, type },
		contact: { id: who.id, name: `Patient ${who.id}`, email: who.email, phone: who.phone, timeZone: who.timeZone, locale: 'en-GB' },
		visit: { id: visitId, service: 'Check-up', location: 'Clinic Centrum', start: start.toISO(), end: start.plus({ minutes: 45 }).toISO() },
	};
}

/** Executions a worker has started and not finished, from its log ("Worker started/finished execution N"). */
function runningOn(logFile: string): string[] {
	const log = fs.readFileSync(logFile, 'utf8');
	const count = (verb: string) => {
		const counts = new Map<string, number>();
		for (const match of log.matchAll(new RegExp(`Worker ${verb} execution (\\d+)`, 'g'))) counts.set(match[1], (counts.get(match[1]) ?? 0) + 1);
		return counts;
	};
	const finished = count('finished');
	return [...count('started')].filter(([id, started]) => started > (finished.get(id) ?? 0)).map(([id]) => id);
}

describe('queue mode: main, 2 workers and a webhook process on PostgreSQL and Redis', () => {
	let cluster: QueueCluster;
	let sinks: Sinks;
	// Parks 68 s (over n8n's 65 s in-process limit), so the main's WaitTracker resumes it through the queue.
	const dental = dentalWorkflow({ id: 'cjQueueDental01', path: 'queue-dental', parkSeconds: 68 });
	const loyalty = loyaltyWorkflow('queue-loyalty');
	// Sends the email at once, then waits 15 s inside the worker before the SMS: the window to kill it in.
	const crash = dentalWorkflow({ id: 'cjQueueDental02', path: 'queue-dental-crash', parkSeconds: 0, onTheDaySeconds: 15 });
	const triggerUrl = (workflow: Workflow, name: string) => webhookUrl(cluster.webhookUrl, nodeOf(workflow, name));

	/** Executions of `workflow` parked for longer than `minutes` (a later journey step, not the short park). */
	const parkedLong = async (workflow: Workflow, minutes: number) => {
		const { rows } = await cluster.db.query<{ count: string }>(
			`SELECT count(*) AS count FROM execution_entity WHERE "workflowId" = $1 AND status = 'waiting' AND "waitTill" > now() + make_interval(mins => $2)`,
			[workflow.id, minutes],
		);
		return Number(rows[0].count);
	};

	beforeAll(async () => {
		sinks = await startSinks();
		cluster = await startCluster({
			workflows: [dental, loyalty, crash],
			credentials: credentials(sinks),
			// 4 processes × (10 for n8n + 5 for the Journey Store): at most 60 connections, inside PostgreSQL's
			// default 100 with the rest of the test run. n8n keeps 10: with fewer, the main loads the 1,000
			// overdue runs so slowly that its WaitTracker resumes some twice (see the README's queue mode).
			storePoolSize: 5,
			env: {
				// n8n 2.40's default 'vm' expression engine builds a fresh isolate for every execution and for
				// every webhook request to a community trigger: about 4× the CPU on 2 cores. The nodes under
				// that engine are covered by test/e2e; here the subject is queue mode.
				N8N_EXPRESSION_ENGINE: 'legacy',
				// "Worker started/finished execution N" lines tell which worker ran what.
				N8N_LOG_LEVEL: 'info',
				N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
				// Bull notices a dead worker's jobs when their lock expires (default 60 s, checked every 30 s).
				QUEUE_WORKER_LOCK_DURATION: '15000',
				QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
				QUEUE_WORKER_STALLED_INTERVAL: '5000',
			},
		});
		// The main registers the published workflows' webhooks at start; the webhook process then serves them.
		const url = triggerUrl(dental, 'Visit booked or moved');
		await eventually(async () => ((await fetch(url, { method: 'POST', body: '{}' })).status === 404 ? undefined : true), 60_000, 'the webhook process to serve the trigger');
	}, 400_000);

	afterAll(async () => {
		// CJ_QUEUE_KEEP=1 keeps the cluster's folder (logs of every process) for a look after a failure.
		await cluster?.stop({ keepDir: process.env.CJ_QUEUE_KEEP === '1' });
		await sinks?.close();
	});

	const DAY = 800;
	const NIGHT = 200;
	const dayZone = zoneWithLocalHour(10, 17);
	const nightZone = zoneWithLocalHour(0, 5);
	const day = Array.from({ length: DAY }, (_, index) => patient('D', index, dayZone));
	const night = Array.from({ length: NIGHT }, (_, index) => patient('N', index, nightZone));

	it('takes 1,000 signed visit events at the webhook process and parks every journey in PostgreSQL', async () => {
		const url = triggerUrl(dental, 'Visit booked or moved');
		const everyone = [...day, ...night];
		const answers = await inParallel(everyone, 16, async (who) => {
			const response = await signedPost(url, SECRET, visitEvent(who, `V-${who.id}`, `evt-${who.id}`));
			return { status: response.status, body: (await response.json()) as { started?: boolean } };
		});
		expect(answers.filter((answer) => answer.status !== 200 || answer.body.started !== true)).toEqual([]);
		await eventually(async () => ((await executionStatuses(cluster, dental.id)).waiting === everyone.length ? true : undefined), 120_000, 'every journey to park');
	});

	it('keeps every parked journey when the main is SIGKILLed, and resumes the overdue ones when it is back', async () => {
		await cluster.main.kill('SIGKILL');
		// Down until the first parked runs are due, so the restarted main finds overdue runs as well as later ones.
		const firstDue = async () => {
			const { rows } = await cluster.db.query<{ overdue: boolean }>(`SELECT min("waitTill") < now() AS overdue FROM execution_entity WHERE "workflowId" = $1`, [dental.id]);
			return rows[0].overdue ? true : undefined;
		};
		await eventually(firstDue, 120_000, 'the first parked run to be due');
		await cluster.main.start();
		// At start the main marks runs it finds "running" without a queue job as crashed; parked runs are untouched.
		const { waiting = 0, running = 0, new: queued = 0, ...others } = await executionStatuses(cluster, dental.id);
		expect(others).toEqual({});
		expect(waiting + running + queued).toBe(DAY + NIGHT);
	});

	it('counts visits exactly with 2 workers × concurrency 10 on the same contacts, each visit once', async () => {
		const url = triggerUrl(loyalty, 'Visit completed');
		const contacts = Array.from({ length: 4 }, (_, index) => patient('L', index, dayZone));
		const VISITS = 40;
		// Every visit is delivered twice under two event IDs (two executions); the dedup key is the visit ID.
		const deliveries = contacts.flatMap((who) =>
			Array.from({ length: VISITS }, (_, visit) => [1, 2].map((copy) => visitEvent(who, `LV-${who.id}-${visit}`, `lv-${who.id}-${visit}-${copy}`, 'completed'))).flat(),
		);
		const answers = await inParallel(deliveries, 20, async (body) => (await signedPost(url, SECRET, body)).status);
		expect(answers.filter((status) => status !== 200)).toEqual([]);
		await eventually(async () => ((await executionStatuses(cluster, loyalty.id)).success === deliveries.length ? true : undefined), 180_000, 'every counter execution');
		expect(await executionStatuses(cluster, loyalty.id)).toEqual({ success: deliveries.length });

		const { rows } = await cluster.db.query<{ external_id: string; value: number; dedup: string }>(
			`SELECT c.external_id, k.value, (SELECT count(*) FROM cj_counter_dedup d WHERE d.contact_id = c.id AND d.counter = 'visits') AS dedup
			   FROM cj_counters k JOIN cj_contacts c ON c.id = k.contact_id WHERE k.name = 'visits' ORDER BY 1`,
		);
		expect(rows.map((row) => ({ contact: row.external_id, value: Number(row.value), dedup: Number(row.dedup) }))).toEqual(
			contacts.map((who) => ({ contact: who.id, value: VISITS, dedup: VISITS })),
		);
	});

	it('resumes every parked journey through the queue: one email and one SMS per daytime patient, nothing at night', async () => {
		const progress = async () => {
			const { waiting = 0, running = 0, new: queued = 0, ...failed } = await executionStatuses(cluster, dental.id);
			if (Object.keys(failed).length) throw new Error(`journeys failed: ${JSON.stringify(failed)} (logs: ${cluster.logDir})`);
			return waiting + running + queued === DAY + NIGHT && (await parkedLong(dental, 60)) === DAY + NIGHT ? true : undefined;
		};
		await eventually(progress, 300_000, 'every journey to reach its next long wait');
		expect(await executionStatuses(cluster, dental.id)).toEqual({ waiting: DAY + NIGHT });

		const mails = sinks.mailsTo();
		const texts = sinks.smsTo();
		expect(new Set(mails.keys())).toEqual(new Set(day.map((who) => who.email)));
		expect([...mails.values()].every((count) => count === 1)).toBe(true);
		expect(new Set(texts.keys())).toEqual(new Set(day.map((who) => who.phone)));
		expect([...texts.values()].every((count) => count === 1)).toBe(true);

		// The Journey Store agrees: two sent messages per daytime patient, none for the others.
		const { rows } = await cluster.db.query<{ night: boolean; channel: string; status: string; count: string }>(
			`SELECT c.external_id LIKE 'N-%' AS night, m.channel, m.status, count(*) AS count
			   FROM cj_messages m JOIN cj_contacts c ON c.id = m.contact_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
		);
		expect(rows.map((row) => ({ ...row, count: Number(row.count) }))).toEqual([
			{ night: false, channel: 'email', status: 'sent', count: DAY },
			{ night: false, channel: 'sms', status: 'sent', count: DAY },
		]);

		// Night patients wait for 08:00 in their zone (Deferred → "Email: wait for the send window").
		const opening = DateTime.now().setZone(nightZone).set({ hour: 8, minute: 0, second: 0, millisecond: 0 });
		const { rows: waits } = await cluster.db.query<{ waitTill: Date; count: string }>(
			`SELECT "waitTill", count(*) AS count FROM execution_entity WHERE "workflowId" = $1 AND "waitTill" < now() + interval '20 hours' GROUP BY 1`,
			[dental.id],
		);
		expect(waits.map((row) => ({ at: row.waitTill.toISOString(), count: Number(row.count) }))).toEqual([{ at: opening.toUTC().toISO(), count: NIGHT }]);
	});

	it('starts again every journey a SIGKILLed worker lost (Error Trigger → Journey Recovery), sending nothing twice', async () => {
		const url = triggerUrl(crash, 'Visit booked or moved');
		const patients = Array.from({ length: 20 }, (_, index) => patient('K', index, dayZone));
		for (const who of patients) expect((await signedPost(url, SECRET, visitEvent(who, `V-${who.id}`, `evt-${who.id}`))).status).toBe(200);

		// Each run sends its email, then waits 15 s in a worker: kill the first worker then, and restart it.
		const mailed = () => patients.filter((who) => sinks.mailsTo().has(who.email)).length;
		await eventually(async () => (mailed() === patients.length ? true : undefined), 60_000, 'every email');
		const killed = runningOn(cluster.workers[0].logFile);
		await cluster.workers[0].kill('SIGKILL');
		await cluster.workers[0].start();
		expect(killed.length).toBeGreaterThan(0);
		expect(killed.length).toBeLessThan(patients.length);

		// n8n 2.40.7 runs Bull with maxStalledCount 0: the dead worker's jobs fail once their lock expires and
		// the process that enqueued them stores MaxStalledCountError in place of the run data. It then runs
		// the workflow's own Error Trigger, and Journey Recovery starts each lost journey again from the
		// start recorded in the Journey Store, in that error execution, which parks like the others.
		const settled = async () => {
			const statuses = await executionStatuses(cluster, crash.id);
			return (statuses.waiting ?? 0) === patients.length && !statuses.running && !statuses.new ? statuses : undefined;
		};
		const statuses = await eventually(settled, 180_000, 'every journey to reach its next long wait');
		expect(statuses).toMatchObject({ error: killed.length, waiting: patients.length });
		const { rows } = await cluster.db.query<{ id: string; status: string; mode: string; data: string }>(
			'SELECT e.id::text, e.status, e.mode, d.data FROM execution_entity e JOIN execution_data d ON d."executionId" = e.id WHERE e."workflowId" = $1',
			[crash.id],
		);
		const failed = rows.filter((row) => row.status === 'error');
		expect(failed.map((row) => row.id).sort()).toEqual([...killed].sort());
		for (const row of failed) expect(row.data).toContain('This execution failed to be processed too many times and will no longer retry');
		// Each recovered journey parks in its error execution. n8n may report a lost run more than once
		// (it did here: two error executions per lost run): the later ones end on "Not Recovered".
		const errorRuns = rows.filter((row) => row.mode === 'error');
		expect(errorRuns.filter((row) => row.status === 'waiting')).toHaveLength(killed.length);
		const repeats = errorRuns.filter((row) => row.status !== 'waiting');
		expect(repeats.map((row) => row.status)).toEqual(repeats.map(() => 'success'));
		for (const row of repeats) expect(row.data).toContain('was started again already');
		expect(statuses).toEqual({ error: killed.length, waiting: patients.length, ...(repeats.length ? { success: repeats.length } : {}) });

		// Every patient got one email (the recovered journeys' second send was suppressed) and one SMS.
		const mails = sinks.mailsTo();
		const texts = sinks.smsTo();
		expect(patients.map((who) => mails.get(who.email))).toEqual(patients.map(() => 1));
		expect(patients.map((who) => texts.get(who.phone))).toEqual(patients.map(() => 1));
		const { rows: messages } = await cluster.db.query<{ channel: string; status: string; count: string }>(
			`SELECT m.channel, m.status, count(*) AS count FROM cj_messages m JOIN cj_contacts c ON c.id = m.contact_id
			  WHERE c.external_id LIKE 'K-%' GROUP BY 1, 2 ORDER BY 1, 2`,
		);
		expect(messages.map((row) => ({ ...row, count: Number(row.count) }))).toEqual([
			{ channel: 'email', status: 'sent', count: patients.length },
			{ channel: 'sms', status: 'sent', count: patients.length },
		]);
		// The recovered journeys recorded where they began again, naming the execution they replace.
		const { rows: runs } = await cluster.db.query<{ item: string }>('SELECT r.item FROM cj_journey_runs r WHERE r.execution_id = ANY($1::text[])', [
			errorRuns.map((row) => row.id),
		]);
		expect(runs.map((run) => (JSON.parse(run.item) as { recovery: { failedExecutionId: string } }).recovery.failedExecutionId).sort()).toEqual([...killed].sort());
	});
});
