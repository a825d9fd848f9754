/**
 * Getting things into the simulated n8n the way production does: a real (signed) HTTP POST to a
 * trigger's production URL, or for triggers without a URL (polling) the input as the trigger's items.
 */
import type { INode } from 'n8n-workflow';

import type { JourneyHarness, WorkflowJson } from './engine';
import { signedHeaders } from './prepare';

/** A trigger in one of the workflows active in the simulation. */
export interface Endpoint {
	workflow: WorkflowJson;
	node: INode;
}

export interface Delivery {
	/** Virtual instant (UTC ISO). */
	at: string;
	/** The trigger node that received it. */
	target: string;
	status: number;
	answer: unknown;
	/** Executions that this request started. */
	started: string[];
}

function httpMethod(node: INode): string {
	const method = (node.parameters as Record<string, unknown>).httpMethod;
	return typeof method === 'string' && method ? method.toUpperCase() : 'POST';
}

/** POSTs `body` to the endpoint's production URL, signed as its Authentication setting expects, and waits for what it started. */
export async function post(h: JourneyHarness, endpoint: Endpoint, body: unknown, secret: string): Promise<Delivery> {
	const at = h.now().toISOString();
	const before = new Set(h.runs.map((run) => run.id));
	const text = JSON.stringify(body);
	const method = httpMethod(endpoint.node);
	const response = await fetch(h.webhookUrl(endpoint.workflow, endpoint.node.name), {
		method,
		headers: signedHeaders(endpoint.node, secret, text, h.now().getTime()),
		body: method === 'GET' || method === 'HEAD' ? undefined : text,
	});
	const raw = await response.text();
	let answer: unknown = raw;
	try {
		answer = JSON.parse(raw);
	} catch {
		// not JSON: keep the text
	}
	await h.settled();
	const started = h.runs.filter((run) => !before.has(run.id)).map((run) => run.id);
	return { at, target: endpoint.node.name, status: response.status, answer, started };
}

/** A trigger without a URL (polling, schedule) gets the input as its items, as when it fires. */
export async function startWithItems(h: JourneyHarness, endpoint: Endpoint, input: unknown): Promise<Delivery> {
	const at = h.now().toISOString();
	const list = Array.isArray(input) ? input : [input];
	const items = list.map((json) => ({ json: (typeof json === 'object' && json !== null ? json : { value: json }) as Record<string, never> }));
	const run = await h.start(endpoint.workflow, { items, startNode: endpoint.node.name });
	return { at, target: endpoint.node.name, status: 0, answer: { items: items.length }, started: [run.id] };
}

/** Whether n8n would give this trigger a production URL (webhooks that are not resume URLs). */
export function hasProductionWebhook(h: JourneyHarness, node: INode): boolean {
	const description = h.nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description;
	return (description.webhooks ?? []).some((webhook) => !webhook.restartWebhook);
}
