// A local HTTP endpoint for the generic SMS provider: keeps every request as JSON and lists them.
// Configure the Channel Preference Send node's generic HTTP provider with http://127.0.0.1:8026/sms.
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const escape = (text) => String(text ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

async function startSmsSink({ dir, port = 8026, host = '127.0.0.1' }) {
	fs.mkdirSync(dir, { recursive: true });
	let counter = fs.readdirSync(dir).length;
	const server = http.createServer((req, res) => {
		if (req.method === 'POST') {
			const chunks = [];
			req.on('data', (chunk) => chunks.push(chunk));
			req.on('end', () => {
				const id = `sms-${Date.now()}-${String(++counter).padStart(6, '0')}`;
				const body = Buffer.concat(chunks).toString('utf8');
				let parsed;
				try {
					parsed = JSON.parse(body);
				} catch {
					parsed = body;
				}
				fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify({ id, receivedAt: new Date().toISOString(), path: req.url, body: parsed }, null, 2));
				res.setHeader('content-type', 'application/json');
				res.end(JSON.stringify({ id, status: 'queued' }));
			});
			return;
		}
		const files = fs.readdirSync(dir).filter((file) => file.endsWith('.json')).sort().reverse();
		const rows = files.slice(0, 200).map((file) => {
			const sms = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
			return `<tr><td>${escape(sms.receivedAt)}</td><td>${escape(sms.body?.to)}</td><td dir="auto">${escape(sms.body?.text ?? JSON.stringify(sms.body))}</td></tr>`;
		});
		res.setHeader('content-type', 'text/html; charset=utf-8');
		res.end(`<!doctype html><meta charset="utf-8"><title>SMS sink</title><h1>SMS sink (${files.length})</h1><table border="1" cellpadding="4"><tr><th>Received</th><th>To</th><th>Text</th></tr>${rows.join('')}</table>`);
	});
	await new Promise((resolve) => server.listen(port, host, resolve));
	return { port, close: () => new Promise((resolve) => server.close(resolve)) };
}

module.exports = { startSmsSink };
