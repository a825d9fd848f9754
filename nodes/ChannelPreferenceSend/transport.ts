/** The providers' HTTP transport inside n8n: this.helpers.httpRequest, any status resolved, full response. */
import type { IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { parseBody, type HttpRequest, type HttpResponse, type HttpTransport } from '../../lib/providers';

interface FullResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

export function n8nTransport(ctx: IExecuteFunctions): HttpTransport {
	return async (request: HttpRequest): Promise<HttpResponse> => {
		const response = (await ctx.helpers.httpRequest({
			method: request.method as IHttpRequestMethods,
			url: request.url,
			headers: request.headers,
			body: request.body,
			timeout: request.timeoutMs ?? 30_000,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as FullResponse;
		return { status: response.statusCode, headers: response.headers ?? {}, body: parseBody(response.body) };
	};
}
