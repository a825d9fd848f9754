// A local SMTP server that keeps every mail it receives as an .eml file, plus a small page that
// lists them: where the workflows' email goes when n8n runs with no real accounts.
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { SMTPServer } = require('smtp-server');
const { simpleParser } = require('mailparser');

const escape = (text) => String(text ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

async function startSmtpSink({ dir, smtpPort = 2525, httpPort = 8025, host = '127.0.0.1' }) {
	fs.mkdirSync(dir, { recursive: true });
	let counter = fs.readdirSync(dir).length;
	const smtp = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onAuth: (_auth, _session, callback) => callback(null, { user: 'sink' }),
		onData(stream, _session, callback) {
			const chunks = [];
			stream.on('data', (chunk) => chunks.push(chunk));
			stream.on('end', () => {
				const name = `${Date.now()}-${String(++counter).padStart(6, '0')}.eml`;
				fs.writeFileSync(path.join(dir, name), Buffer.concat(chunks));
				callback();
			});
		},
	});
	await new Promise((resolve) => smtp.listen(smtpPort, host, resolve));

	const page = http.createServer(async (req, res) => {
		const files = fs.readdirSync(dir).filter((file) => file.endsWith('.eml')).sort().reverse();
		const wanted = decodeURIComponent((req.url ?? '/').slice(1));
		if (wanted && files.includes(wanted)) {
			res.setHeader('content-type', 'text/plain; charset=utf-8');
			return res.end(fs.readFileSync(path.join(dir, wanted)));
		}
		const rows = [];
		for (const file of files.slice(0, 200)) {
			const mail = await simpleParser(fs.readFileSync(path.join(dir, file)));
			rows.push(`<tr><td>${escape(mail.date?.toISOString())}</td><td>${escape(mail.to?.text)}</td><td><a href="/${file}">${escape(mail.subject)}</a></td></tr>`);
		}
		res.setHeader('content-type', 'text/html; charset=utf-8');
		res.end(`<!doctype html><meta charset="utf-8"><title>Mail sink</title><h1>Mail sink (${files.length})</h1><table border="1" cellpadding="4"><tr><th>Date</th><th>To</th><th>Subject</th></tr>${rows.join('')}</table>`);
	});
	await new Promise((resolve) => page.listen(httpPort, host, resolve));
	return {
		smtpPort,
		httpPort,
		close: async () => {
			await new Promise((resolve) => smtp.close(resolve));
			await new Promise((resolve) => page.close(resolve));
		},
	};
}

module.exports = { startSmtpSink };
