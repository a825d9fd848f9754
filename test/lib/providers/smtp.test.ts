/** The SMTP provider against a real local SMTP server: pooled delivery and how SMTP refusals are classified. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { ProviderError, closeSmtpTransports, smtpSender } from '../../../lib/providers';
import { SmtpCapture } from './support/smtp-capture';

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
	try {
		await promise;
	} catch (error) {
		if (error instanceof ProviderError) return error;
		throw error;
	}
	throw new Error('expected a ProviderError');
}

const REFUSALS: Record<string, { code: number; message: string }> = {
	'unknown@example.com': { code: 550, message: '5.1.1 Mailbox unknown' },
	'full@example.com': { code: 452, message: '4.2.2 Mailbox full, try later' },
};

describe('SMTP provider', () => {
	let smtp: SmtpCapture;

	beforeAll(async () => {
		smtp = await SmtpCapture.start({ refuse: (address) => REFUSALS[address] });
	});

	afterAll(async () => {
		await closeSmtpTransports();
		await smtp.close();
	});

	const sender = () => smtpSender(smtp.credential() as never);
	const mail = (to: string) => ({ to, from: 'Clinic <hello@clinic.example>', subject: 'Hi', text: 'Hello', html: '<p>Hello</p>', headers: { 'X-Journey': 'test' } });

	it('delivers twenty mails through one pooled transport and reports the Message-ID', async () => {
		const results = await Promise.all(Array.from({ length: 20 }, (_, i) => sender().send(mail(`p${i}@example.com`))));
		expect(new Set(results.map((r) => r.providerMessageId)).size).toBe(20);
		expect(smtp.mails.filter((m) => m.to[0].startsWith('p'))).toHaveLength(20);
		const received = smtp.mails.find((m) => m.to[0] === 'p3@example.com')!;
		expect(received.parsed.messageId).toBe(results[3].providerMessageId);
		expect(received.parsed.messageId).toMatch(/^<[0-9a-f-]{36}@clinic\.example>$/);
		expect(received.parsed.headers.get('x-journey')).toBe('test');
		// text and HTML arrive as two parts of one multipart/alternative
		expect(received.parsed.text?.trim()).toBe('Hello');
		expect(received.parsed.html).toBe('<p>Hello</p>');
	});

	it('reads 550 at RCPT as a rejected recipient and 452 as a retryable failure', async () => {
		expect(await failure(sender().send(mail('unknown@example.com')))).toMatchObject({ kind: 'rejected', details: expect.objectContaining({ providerCode: 550 }) });
		const full = await failure(sender().send(mail('full@example.com')));
		expect(full).toMatchObject({ kind: 'failed', retryable: true });
		expect(full.message).toContain('Mailbox full');
	});

	it('fails without leaking the password when the server is not there', async () => {
		const closed = http.createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise<void>((resolve) => closed.close(() => resolve()));
		const error = await failure(smtpSender({ host: '127.0.0.1', port, secure: false, user: 'u', password: 'pa55-secret' }).send(mail('a@example.com')));
		expect(error).toMatchObject({ kind: 'failed', retryable: true });
		expect(error.message).not.toContain('pa55-secret');
	});
});
