#!/usr/bin/env node
// npm start: n8n with this package (installed as a community package) and its workflows, on
// SQLite, at http://localhost:5678, with local mail and SMS sinks. Ctrl-C stops everything.
import fs from 'node:fs';
import path from 'node:path';

import lib from './lib.cjs';
import instance from './n8n-instance.cjs';
import smtpSink from './sinks/smtp-sink.cjs';
import smsSink from './sinks/sms-sink.cjs';

const { ensureInstalled, envWithNode24, main, root, run, runtimeDir, step } = lib;
const { ensureSqlite3Built, importWorkflows, installPackage, n8nEnv, startN8n } = instance;

await main(async () => {
	const port = Number(process.env.N8N_PORT ?? 5678);
	const userFolder = path.resolve(process.env.CJ_USER_FOLDER ?? path.join(root, '.n8n-local'));
	const sinksDir = path.join(userFolder, 'sinks');

	ensureInstalled(root, 'the package dependencies');
	ensureInstalled(runtimeDir, 'the pinned n8n runtime (n8n 2.40.7, Node 24)');
	ensureSqlite3Built();
	step('Building the package');
	run('npm', ['run', '--silent', 'build'], { env: envWithNode24() });
	fs.mkdirSync(userFolder, { recursive: true });
	installPackage(userFolder);

	// Lazy expression isolates: see N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE in scripts/queue-cluster.cjs.
	const env = n8nEnv({ userFolder, port, extra: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: process.env.N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE ?? 'true' } });
	importWorkflows(path.join(root, 'workflows'), env);

	step('Starting the local mail and SMS sinks');
	const mail = await smtpSink.startSmtpSink({ dir: path.join(sinksDir, 'mail') });
	const sms = await smsSink.startSmsSink({ dir: path.join(sinksDir, 'sms') });

	step(`Starting n8n on http://localhost:${port} (about 30 s)`);
	const n8n = await startN8n({ env, port });

	console.log(`
n8n is running with n8n-nodes-customer-journey.

  Editor         http://localhost:${port}  (first visit: create the owner account; it stays on this machine)
  Workflows      Overview → the imported journeys (start with "Dental visit reminder and survey")
  Journey Store  ${path.join(userFolder, '.n8n', 'journey-store.sqlite')}
  Outbox         every workflow records its messages without sending (see each node's output)
  Mail sink      SMTP 127.0.0.1:${mail.smtpPort}, read at http://127.0.0.1:${mail.httpPort}
  SMS sink       POST http://127.0.0.1:${sms.port}/sms (generic HTTP provider), read at http://127.0.0.1:${sms.port}

Ctrl-C stops n8n and the sinks. Data stays in ${path.relative(root, userFolder)}/.
`);

	const shutdown = async () => {
		await n8n.stop();
		await mail.close();
		await sms.close();
		process.exit(0);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
	n8n.child.on('exit', (code) => {
		console.error(`n8n exited (${code})`);
		void mail.close().then(() => sms.close()).then(() => process.exit(code ?? 1));
	});
});
