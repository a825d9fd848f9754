/**
 * Email over SMTP with nodemailer, using the fields of n8n's `smtp` credential. One pooled
 * transport per distinct credential per process (a connection cache, no per-contact state),
 * closed after a minute without use.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';

import nodemailer, { type Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';

import { ProviderError } from './errors';
import { fingerprint } from './fingerprint';
import type { EmailMessage, MessageSender, SendResult } from './types';

export interface SmtpCredentials {
	host: string;
	port: number;
	secure: boolean;
	user?: string;
	password?: string;
	disableStartTls?: boolean;
	hostName?: string;
}

export interface SmtpOptions {
	/** Parallel SMTP connections in the pool (default 5). */
	maxConnections?: number;
	allowUnauthorizedCerts?: boolean;
}

interface CachedTransport {
	transporter: Transporter;
	lastUsed: number;
	idle?: NodeJS.Timeout;
}

const IDLE_CLOSE_MS = 60_000;
const transports = new Map<string, CachedTransport>();

/** The pool of `key` (a fingerprint of credential and options), closed a minute after its last use. */
function transportFor(key: string, credentials: SmtpCredentials, options: SmtpOptions): CachedTransport {
	let cached = transports.get(key);
	if (!cached) {
		const transporter = nodemailer.createTransport(
			{
				pool: true,
				maxConnections: options.maxConnections ?? 5,
				maxMessages: 1000,
				host: credentials.host,
				port: Number(credentials.port),
				secure: credentials.secure === true,
				...(credentials.secure === false && credentials.disableStartTls ? { ignoreTLS: true } : {}),
				...(credentials.hostName ? { name: credentials.hostName } : {}),
				...(credentials.user || credentials.password ? { auth: { user: credentials.user ?? '', pass: credentials.password ?? '' } } : {}),
				...(options.allowUnauthorizedCerts ? { tls: { rejectUnauthorized: false } } : {}),
			},
			{ disableFileAccess: true, disableUrlAccess: true },
		);
		cached = { transporter, lastUsed: Date.now() };
		transports.set(key, cached);
		closeWhenIdle(key, cached, IDLE_CLOSE_MS);
	}
	// A timestamp per mail; the timer re-arms itself rather than being replaced on every send.
	cached.lastUsed = Date.now();
	return cached;
}

function closeWhenIdle(key: string, entry: CachedTransport, delay: number): void {
	entry.idle = setTimeout(() => {
		const idleFor = Date.now() - entry.lastUsed;
		if (idleFor < IDLE_CLOSE_MS) return closeWhenIdle(key, entry, IDLE_CLOSE_MS - idleFor);
		transports.delete(key);
		entry.transporter.close();
	}, delay);
	entry.idle.unref();
}

/**
 * Message-ID and MIME boundary from one random UUID: left to nodemailer, each mail cost seven
 * random-byte calls (one per MIME part, five for the ID), several percent of a large campaign.
 */
function uniqueParts(from: string): { messageId: string; baseBoundary: string } {
	const unique = randomUUID();
	const domain = /@([^\s<>@]+)>?\s*$/.exec(from)?.[1] ?? os.hostname();
	return { messageId: `<${unique}@${domain}>`, baseBoundary: unique.replace(/-/g, '') };
}

export function smtpSender(credentials: SmtpCredentials, options: SmtpOptions = {}): MessageSender<EmailMessage> {
	if (!credentials.host?.trim()) throw new ProviderError('smtp', 'smtp: the credential has no host', { kind: 'failed' });
	const key = fingerprint(credentials, options.maxConnections ?? 5, options.allowUnauthorizedCerts ?? false);
	return {
		provider: 'smtp',
		async send(message: EmailMessage): Promise<SendResult> {
			const { transporter } = transportFor(key, credentials, options);
			try {
				const unique = uniqueParts(message.from);
				// Composed into one buffer first: streamed, nodemailer writes each MIME part to the
				// socket separately (a dozen small writes, a system call each, per mail).
				const mail = new MailComposer({
					from: message.from,
					to: message.to,
					replyTo: message.replyTo,
					subject: message.subject,
					text: message.text,
					html: message.html,
					headers: message.headers,
					attachments: message.attachments,
					disableFileAccess: true,
					disableUrlAccess: true,
					...unique,
				}).compile();
				const raw = await mail.build();
				const info = (await transporter.sendMail({ envelope: mail.getEnvelope(), raw, messageId: unique.messageId })) as { rejected?: unknown[]; response?: string };
				if (info.rejected?.length) {
					throw new ProviderError('smtp', `smtp: the server refused the recipient (${info.response ?? 'rejected'})`, { kind: 'rejected' });
				}
				return { provider: 'smtp', providerMessageId: unique.messageId };
			} catch (error) {
				throw smtpError(error, credentials.password);
			}
		},
	};
}

/** Closes every cached pool (tests, benchmarks, shutdown). */
export async function closeSmtpTransports(): Promise<void> {
	for (const [key, cached] of transports) {
		if (cached.idle) clearTimeout(cached.idle);
		cached.transporter.close();
		transports.delete(key);
	}
}

/** Stages at which a failure proves the message was not handed over. */
const BEFORE_DATA = /^(CONN|EHLO|HELO|LHLO|STARTTLS|AUTH|MAIL FROM|RCPT TO)/i;
const NOT_SENT_CODES = new Set(['ECONNECTION', 'EDNS', 'EAUTH', 'ENOAUTH', 'ETLS', 'ECONFIG', 'EENVELOPE', 'EMESSAGE']);

export function smtpError(error: unknown, secret?: string): ProviderError {
	if (error instanceof ProviderError) return error;
	const e = (error ?? {}) as { code?: string; responseCode?: number; command?: string; response?: string; message?: string };
	const said = redact(e.response || e.message || String(error), secret);
	const message = `smtp: ${said}`;
	const code = e.responseCode;
	const details = { providerCode: code ?? e.code };
	if (code && code >= 500 && /^RCPT/i.test(e.command ?? '')) return new ProviderError('smtp', message, { ...details, kind: 'rejected' });
	if (code && code >= 400 && code < 500) return new ProviderError('smtp', message, { ...details, kind: 'failed', retryable: true });
	if (code && code >= 500) return new ProviderError('smtp', message, { ...details, kind: 'failed' });
	if (NOT_SENT_CODES.has(e.code ?? '') || BEFORE_DATA.test(e.command ?? '')) {
		const retryable = e.code === 'ECONNECTION' || e.code === 'EDNS' || e.code === 'ESOCKET' || e.code === 'ETIMEDOUT';
		return new ProviderError('smtp', message, { ...details, kind: 'failed', retryable });
	}
	return new ProviderError('smtp', `${message}; the message may or may not have been sent`, { ...details, kind: 'unknown' });
}

function redact(text: string, secret: string | undefined): string {
	return secret ? text.split(secret).join('***') : text;
}
