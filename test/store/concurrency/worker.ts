/**
 * One writer process of the concurrency test, run by run-workers.ts as
 * `node -r test/store/support/register-ts.js worker.ts <base64 JSON WorkerArgs>`.
 * Opens the store, prints "ready", waits for "go" on stdin, races, prints a JSON WorkerReport.
 */
import { openStore, type StoreConfig } from '../../../lib/store';

export interface WorkerArgs {
	config: StoreConfig;
	worker: number;
	iterations: number;
}

export interface WorkerReport {
	worker: number;
	contactId: string;
	contactCreated: boolean;
	visitCreated: boolean;
	visitBumped: boolean;
	/** Values returned by the plain counter adds. */
	pointValues: number[];
	/** Values returned by dedup adds that were applied. */
	stampValues: number[];
	addedTags: string[];
	/** idempotency key → message id seen, and whether this worker won the claim. */
	claims: { key: string; messageId: string; claimed: boolean }[];
}

const waitForGo = () =>
	new Promise<void>((resolve) => {
		process.stdin.once('data', () => resolve());
	});

async function main(): Promise<void> {
	const args = JSON.parse(Buffer.from(process.argv[2] ?? '', 'base64').toString('utf8')) as WorkerArgs;
	const store = await openStore(args.config);
	process.stdout.write('ready\n');
	await waitForGo();
	process.stdin.pause();

	const { contact, created } = await store.upsertContact({ externalId: 'race-contact', email: 'race@example.com' });
	const visit = await store.upsertVisit({
		externalId: 'race-visit', contactId: contact.id, startAt: '2030-01-01T09:00:00Z', endAt: '2030-01-01T09:30:00Z',
	});
	const report: WorkerReport = {
		worker: args.worker, contactId: contact.id, contactCreated: created, visitCreated: visit.created,
		visitBumped: visit.versionBumped, pointValues: [], stampValues: [], addedTags: [], claims: [],
	};
	for (let i = 0; i < args.iterations; i++) {
		report.pointValues.push((await store.addToCounter(contact.id, 'points', 1)).value);
		const stamp = await store.addToCounter(contact.id, 'stamps', 1, `visit-${i}`);
		if (stamp.applied) report.stampValues.push(stamp.value);
		report.addedTags.push(...(await store.addTags(contact.id, ['shared', `w${args.worker}-${i % 5}`])).added);
		const key = `reminder-${i}`;
		const claim = await store.claimMessage({ idempotencyKey: key, contactId: contact.id, channel: 'sms', purpose: 'service', body: `from ${args.worker}` });
		report.claims.push({ key, messageId: claim.message.id, claimed: claim.claimed });
	}
	await store.close();
	process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
