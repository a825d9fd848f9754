import { openStore, type StoreConfig } from '../../lib/store';
import type { StoreHarness } from './contract';
import { runWorkers } from './concurrency/run-workers';
import type { WorkerReport } from './concurrency/worker';
import { postgresHarness } from './support/postgres-harness';
import { sqliteHarness } from './support/sqlite-harness';

const WORKERS = 20;
const ITERATIONS = 100;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

/** Every process writes the same contact, counters, tags and message keys at once. */
function describeConcurrency(name: string, harness: StoreHarness): void {
	describe(`${WORKERS} processes × ${ITERATIONS} iterations against ${name}`, () => {
		let config: StoreConfig;
		let reports: WorkerReport[];

		beforeAll(async () => {
			config = await harness.freshConfig();
			if (config.type === 'postgres') config = { ...config, poolSize: 2 };
			// The location is fresh: the workers also race to run the migrations.
			reports = await runWorkers(config, WORKERS, ITERATIONS);
		}, 240_000);

		afterAll(async () => {
			if (config) await harness.dispose(config);
		});

		it('all resolve to one contact and one visit, created once, never bumped', () => {
			expect(new Set(reports.map((r) => r.contactId)).size).toBe(1);
			expect(reports.filter((r) => r.contactCreated)).toHaveLength(1);
			expect(reports.filter((r) => r.visitCreated)).toHaveLength(1);
			expect(reports.filter((r) => r.visitBumped)).toHaveLength(0);
		});

		it('loses no counter update: every add saw a distinct value', async () => {
			const values = reports.flatMap((r) => r.pointValues);
			expect(sorted(values)).toEqual(range(1, WORKERS * ITERATIONS));
			const store = await openStore(config);
			try {
				expect(await store.getCounter(reports[0]!.contactId, 'points')).toBe(WORKERS * ITERATIONS);
				expect(await store.getCounter(reports[0]!.contactId, 'stamps')).toBe(ITERATIONS);
				expect((await store.getTags(reports[0]!.contactId)).length).toBe(1 + WORKERS * 5);
			} finally {
				await store.close();
			}
		});

		it('counts each dedup key once', () => {
			expect(sorted(reports.flatMap((r) => r.stampValues))).toEqual(range(1, ITERATIONS));
		});

		it('reports each tag as added exactly once', () => {
			const added = reports.flatMap((r) => r.addedTags);
			expect(added.filter((tag) => tag === 'shared')).toHaveLength(1);
			expect(added).toHaveLength(1 + WORKERS * 5);
			expect(new Set(added).size).toBe(added.length);
		});

		it('claims each message key exactly once, and every loser sees the winner', () => {
			const claims = reports.flatMap((r) => r.claims);
			const winners = claims.filter((c) => c.claimed);
			expect(winners.map((c) => c.key).sort()).toEqual(range(0, ITERATIONS - 1).map((i) => `reminder-${i}`).sort());
			const winnerOf = new Map(winners.map((c) => [c.key, c.messageId]));
			for (const claim of claims) expect(claim.messageId).toBe(winnerOf.get(claim.key));
		});
	});
}

describeConcurrency('SQLite (WAL)', sqliteHarness);
describeConcurrency('PostgreSQL', postgresHarness);
