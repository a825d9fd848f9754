#!/usr/bin/env node
// npm run queue: n8n in queue mode with this package and its workflows — PostgreSQL (n8n and the
// Journey Store), Redis, a main process, two workers and a webhook process — plus the local mail
// and SMS sinks. Ctrl-C stops everything and drops the cluster's database.
import path from 'node:path';

import lib from './lib.cjs';
import cluster from './queue-cluster.cjs';
import smtpSink from './sinks/smtp-sink.cjs';
import smsSink from './sinks/sms-sink.cjs';

const { ensureInstalled, envWithNode24, main, root, run, runtimeDir, step } = lib;

await main(async () => {
	ensureInstalled(root, 'the package dependencies');
	ensureInstalled(runtimeDir, 'the pinned n8n runtime (n8n 2.40.7, Node 24)');
	step('Building the package');
	run('npm', ['run', '--silent', 'build'], { env: envWithNode24() });

	const redisHost = process.env.QUEUE_REDIS_HOST;
	const redisPort = process.env.QUEUE_REDIS_PORT;
	const n8n = await cluster.startQueueCluster({
		workflowsDir: path.join(root, 'workflows'),
		mainPort: Number(process.env.N8N_PORT ?? 5678),
		webhookPort: Number(process.env.QUEUE_WEBHOOK_PORT ?? 5690),
		postgresUrl: process.env.QUEUE_PG_URL,
		redis: redisHost || redisPort ? { host: redisHost, port: redisPort } : undefined,
	});

	step('Starting the local mail and SMS sinks');
	const sinksDir = path.join(n8n.dir, 'sinks');
	const mail = await smtpSink.startSmtpSink({ dir: path.join(sinksDir, 'mail') });
	const sms = await smsSink.startSmsSink({ dir: path.join(sinksDir, 'sms') });

	const { port: mainPort } = new URL(n8n.mainUrl);
	console.log(`
n8n is running in queue mode with n8n-nodes-customer-journey.

  Editor          http://localhost:${mainPort}  (first visit: create the owner account)
  Webhooks        ${n8n.webhookUrl}/webhook/…  and resume URLs ${n8n.webhookUrl}/webhook-waiting/…  (the webhook process)
  Workers         ${n8n.workers.length} × concurrency 10
  Database        ${n8n.database.replace(/:[^:@/]*@/, ':***@')}  (n8n and the Journey Store, tables cj_*; dropped on exit)
  Redis           ${n8n.redis.host}:${n8n.redis.port}, key prefix ${n8n.redis.prefix}
  Mail sink       SMTP 127.0.0.1:${mail.smtpPort}, read at http://127.0.0.1:${mail.httpPort}
  SMS sink        POST http://127.0.0.1:${sms.port}/sms, read at http://127.0.0.1:${sms.port}
  Logs            ${n8n.logDir}

Ctrl-C stops every process and drops the database.
`);

	let stopping = false;
	const shutdown = async (code = 0) => {
		if (stopping) return;
		stopping = true;
		step('Stopping the cluster');
		await n8n.stop();
		await mail.close();
		await sms.close();
		process.exit(code);
	};
	process.on('SIGINT', () => void shutdown());
	process.on('SIGTERM', () => void shutdown());
});
