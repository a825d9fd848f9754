/** HTTP load: `concurrency` clients (keep-alive, Node's fetch) posting bodies until a count is reached. */
export interface PostOptions {
	url: string;
	count: number;
	concurrency: number;
	/** Body and headers of request i (0-based). */
	request(i: number): { body: string; headers?: Record<string, string> };
	/** Statuses that count as accepted (default 200). */
	accept?: number[];
}

/** Posts `count` requests; throws on the first unexpected status with the response text. */
export async function postAll(options: PostOptions): Promise<void> {
	const accept = options.accept ?? [200];
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(options.concurrency, options.count) }, async () => {
			for (let i = next++; i < options.count; i = next++) {
				const { body, headers } = options.request(i);
				const response = await fetch(options.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
				const text = await response.text();
				if (!accept.includes(response.status)) throw new Error(`POST ${options.url} #${i}: HTTP ${response.status} ${text.slice(0, 300)}`);
			}
		}),
	);
}

/** Polls `url` with POST `body` until it stops answering 404 (n8n registers webhooks just after it reports ready). */
export async function waitForWebhook(url: string, body = '{}', timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).catch(() => undefined);
		await response?.arrayBuffer();
		if (response && response.status !== 404) return;
		if (Date.now() > deadline) throw new Error(`${url} still answers 404 after ${timeoutMs / 1000} s: the workflow was not activated`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}
