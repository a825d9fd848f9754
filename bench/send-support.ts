/** Pieces of bench/send.ts: the SMTP sink in its own process, free ports, the workflow and its items. */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import type { WorkflowJson } from '../simulator/engine';

export async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

/** The local SMTP sink (scripts/sinks/smtp-sink.cjs) in its own process, as it runs beside n8n. */
export async function startSink(dir: string, smtpPort: number, httpPort: number): Promise<{ cpuSeconds(): number; close(): Promise<void> }> {
	const script = `require(${JSON.stringify(path.join(__dirname, '..', 'scripts', 'sinks', 'smtp-sink.cjs'))})
		.startSmtpSink({ dir: ${JSON.stringify(dir)}, smtpPort: ${smtpPort}, httpPort: ${httpPort} }).then(() => process.send('ready'));`;
	const child = fork('-e', [script], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] } as never);
	await new Promise<void>((resolve, reject) => {
		child.once('message', () => resolve());
		child.once('exit', (code) => reject(new Error(`the SMTP sink exited (${code})`)));
	});
	return {
		cpuSeconds: () => processCpuSeconds(child.pid!),
		close: async () => {
			child.removeAllListeners('exit');
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill();
			await exited;
		},
	};
}

/** User + system CPU a process has used so far (Linux /proc; NaN elsewhere). */
export function processCpuSeconds(pid: number): number {
	try {
		const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return Number.NaN;
	}
}

/** CPU seconds this process has used so far. */
export function ownCpuSeconds(): number {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1e6;
}

export function benchItem(i: number, receivedAt: string) {
	return {
		event: { id: `evt-${i}`, type: 'scheduled', source: 'generic', receivedAt },
		contact: { id: `bench-${i}`, name: `Pacjent ${i}`, email: `patient${i}@example.com`, phone: null, timeZone: 'Europe/Warsaw', locale: 'pl-PL' },
		visit: { id: `visit-${i}`, service: 'Check-up', location: 'Smile Dental, Warszawa', staff: null, start: '2027-04-15T08:30:00.000Z', end: '2027-04-15T09:00:00.000Z', status: 'scheduled', version: 1 },
	};
}

export function benchWorkflow(parallelSends: number): WorkflowJson {
	return {
		id: 'bench-send',
		name: 'bench: send N reminders',
		nodes: [
			{ id: 'a', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'b',
				name: 'Send reminder',
				type: 'n8n-nodes-customer-journey.channelPreferenceSend',
				typeVersion: 1,
				position: [240, 0],
				parameters: { channelPolicy: 'emailOnly', emailProvider: 'smtp', emailFrom: 'Smile Dental <hello@smile-dental.example>', options: { parallelSends } },
				credentials: { journeyStoreApi: { id: '1', name: 'Journey Store' }, smtp: { id: '2', name: 'SMTP' } },
			},
		],
		connections: { Start: { main: [[{ node: 'Send reminder', type: 'main', index: 0 }]] } },
		settings: { timezone: 'Europe/Warsaw', executionOrder: 'v1' },
	} as unknown as WorkflowJson;
}
