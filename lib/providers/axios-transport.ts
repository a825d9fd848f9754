/** The HTTP transport for tests, benchmarks and scripts: axios, any status resolved. */
import axios, { type AxiosInstance } from 'axios';
import http from 'node:http';
import https from 'node:https';

import type { HttpRequest, HttpResponse, HttpTransport } from './types';

export function createAxiosTransport(instance?: AxiosInstance): HttpTransport {
	const client =
		instance ??
		axios.create({
			httpAgent: new http.Agent({ keepAlive: true }),
			httpsAgent: new https.Agent({ keepAlive: true }),
		});
	return async (request: HttpRequest): Promise<HttpResponse> => {
		const response = await client.request({
			method: request.method,
			url: request.url,
			headers: request.headers,
			data: request.body,
			timeout: request.timeoutMs ?? 30_000,
			validateStatus: () => true,
			responseType: 'text',
			transformResponse: (data: unknown) => data,
		});
		return { status: response.status, headers: { ...response.headers }, body: parseBody(response.data) };
	};
}

/** JSON bodies parsed, anything else kept as text. */
export function parseBody(data: unknown): unknown {
	if (typeof data !== 'string') return data;
	const text = data.trim();
	if (!text.startsWith('{') && !text.startsWith('[')) return data;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return data;
	}
}
