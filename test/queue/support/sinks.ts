/** The local SMTP and SMS sinks (scripts/sinks/) on free ports, counted per recipient. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { freePort } from '../../e2e/support/instance';

const { startSmtpSink } = require('../../../scripts/sinks/smtp-sink.cjs') as {
	startSmtpSink(options: { dir: string; smtpPort: number; httpPort: number }): Promise<{ close(): Promise<void> }>;
};
const { startSmsSink } = require('../../../scripts/sinks/sms-sink.cjs') as {
	startSmsSink(options: { dir: string; port: number }): Promise<{ close(): Promise<void> }>;
};

export interface Sinks {
	smtpPort: number;
	/** The generic HTTP SMS provider's URL. */
	smsUrl: string;
	/** Mails received per recipient address. */
	mailsTo(): Map<string, number>;
	/** SMS received per phone number. */
	smsTo(): Map<string, number>;
	close(): Promise<void>;
}

function countBy(values: string[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
	return counts;
}

/** The To header of a raw message (unfolded), lower-cased addresses only. */
function recipients(raw: string): string[] {
	const headers = raw.slice(0, raw.search(/\r?\n\r?\n/)).replace(/\r?\n[ \t]+/g, ' ');
	const to = /^To:(.*)$/im.exec(headers)?.[1] ?? '';
	return (to.match(/[\w.+-]+@[\w.-]+/g) ?? []).map((address) => address.toLowerCase());
}

export async function startSinks(): Promise<Sinks> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cj-queue-sinks-'));
	const mailDir = path.join(dir, 'mail');
	const smsDir = path.join(dir, 'sms');
	const smtpPort = await freePort();
	const smsPort = await freePort();
	const mail = await startSmtpSink({ dir: mailDir, smtpPort, httpPort: await freePort() });
	const sms = await startSmsSink({ dir: smsDir, port: smsPort });
	const files = (folder: string, extension: string) =>
		fs.readdirSync(folder).filter((file) => file.endsWith(extension)).map((file) => fs.readFileSync(path.join(folder, file), 'utf8'));
	return {
		smtpPort,
		smsUrl: `http://127.0.0.1:${smsPort}/sms`,
		mailsTo: () => countBy(files(mailDir, '.eml').flatMap(recipients)),
		smsTo: () => countBy(files(smsDir, '.json').map((text) => String((JSON.parse(text) as { body: { to?: string } }).body.to))),
		async close() {
			await mail.close();
			await sms.close();
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}
