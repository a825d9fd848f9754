/** A real local SMTP server (smtp-server) that parses what arrives (mailparser) and can refuse recipients. */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export interface CapturedMail {
	raw: string;
	parsed: ParsedMail;
	to: string[];
}

export interface SmtpCaptureOptions {
	/** SMTP error for a recipient (e.g. 550 mailbox unknown), or undefined to accept. */
	refuse?: (address: string) => { code: number; message: string } | undefined;
	/** Keep only counts, not the parsed mails (benchmarks). */
	countOnly?: boolean;
}

export class SmtpCapture {
	readonly mails: CapturedMail[] = [];

	received = 0;

	private constructor(
		private readonly server: SMTPServer,
		readonly port: number,
	) {}

	static async start(options: SmtpCaptureOptions = {}): Promise<SmtpCapture> {
		const ref: { self?: SmtpCapture } = {};
		const server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			logger: false,
			size: 10 * 1024 * 1024,
			onAuth: (_auth, _session, callback) => callback(null, { user: 'test' }),
			onRcptTo(address, _session, callback) {
				const refusal = options.refuse?.(address.address);
				if (!refusal) return callback();
				callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
			},
			onData(stream, session, callback) {
				const chunks: Buffer[] = [];
				stream.on('data', (chunk: Buffer) => chunks.push(chunk));
				stream.on('end', () => {
					ref.self!.received++;
					if (options.countOnly) return callback();
					const raw = Buffer.concat(chunks).toString('utf8');
					void simpleParser(raw).then((parsed) => {
						ref.self!.mails.push({ raw, parsed, to: session.envelope.rcptTo.map((r) => r.address) });
						callback();
					}, callback);
				});
			},
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		ref.self = new SmtpCapture(server, (server.server.address() as AddressInfo).port);
		return ref.self;
	}

	/** n8n's smtp credential fields for this server. */
	credential(): ICredentialDataDecryptedObject {
		return { host: '127.0.0.1', port: this.port, secure: false, disableStartTls: true, user: '', password: '' };
	}

	async close(): Promise<void> {
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}
