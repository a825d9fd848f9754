/**
 * The local sinks in their own process, as they run beside n8n: scripts/sinks/smtp-sink.cjs (one
 * .eml per mail) and scripts/sinks/sms-sink.cjs (one .json per SMS). Counts what arrived and
 * whether any recipient got two.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { freePort } from '../../send-support';

const sinksDir = path.resolve(__dirname, '..', '..', '..', 'scripts', 'sinks');

export interface Sinks {
	smtpPort: number;
	smsUrl: string;
	mailDir: string;
	smsDir: string;
	/** Mails and SMS received so far, and recipients that received more than one. */
	received(): { mails: number; sms: number; duplicateRecipients: string[] };
	close(): Promise<void>;
}

export async function startSinks(dir: string): Promise<Sinks> {
	const mailDir = path.join(dir, 'mail');
	const smsDir = path.join(dir, 'sms');
	const [smtpPort, httpPort, smsPort] = [await freePort(), await freePort(), await freePort()];
	const script = `Promise.all([
		require(${JSON.stringify(path.join(sinksDir, 'smtp-sink.cjs'))}).startSmtpSink({ dir: ${JSON.stringify(mailDir)}, smtpPort: ${smtpPort}, httpPort: ${httpPort} }),
		require(${JSON.stringify(path.join(sinksDir, 'sms-sink.cjs'))}).startSmsSink({ dir: ${JSON.stringify(smsDir)}, port: ${smsPort} }),
	]).then(() => process.send('ready'));`;
	const child = fork('-e', [script], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] } as never);
	await new Promise<void>((resolve, reject) => {
		child.once('message', () => resolve());
		child.once('exit', (code) => reject(new Error(`the sinks exited (${code})`)));
	});
	const files = (folder: string, ext: string) => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((file) => file.endsWith(ext)) : []);
	return {
		smtpPort,
		smsUrl: `http://127.0.0.1:${smsPort}/sms`,
		mailDir,
		smsDir,
		received() {
			const mails = files(mailDir, '.eml');
			const sms = files(smsDir, '.json');
			const seen = new Map<string, number>();
			const count = (to: string) => seen.set(to, (seen.get(to) ?? 0) + 1);
			for (const file of mails) {
				const head = fs.readFileSync(path.join(mailDir, file), 'utf8').split(/\r?\n\r?\n/, 1)[0];
				count(/^To:\s*(.*)$/im.exec(head)?.[1]?.trim().toLowerCase() ?? `?${file}`);
			}
			for (const file of sms) count(String(JSON.parse(fs.readFileSync(path.join(smsDir, file), 'utf8')).body?.to ?? `?${file}`));
			return { mails: mails.length, sms: sms.length, duplicateRecipients: [...seen].filter(([, n]) => n > 1).map(([to]) => to) };
		},
		close: async () => {
			child.removeAllListeners('exit');
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill();
			await exited;
		},
	};
}

/** Empties the sink folders between runs (the sinks keep running). */
export function clearSinks(sinks: Sinks): void {
	for (const folder of [sinks.mailDir, sinks.smsDir]) {
		for (const file of fs.existsSync(folder) ? fs.readdirSync(folder) : []) fs.rmSync(path.join(folder, file));
	}
}
