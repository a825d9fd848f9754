/** Helpers for driving the scenario workflows in a real n8n: test copies, signing, the mail sink. */
import fs from 'node:fs';
import path from 'node:path';

import { timestampedHeader } from '../../../lib/webhooks';

const root = path.resolve(__dirname, '..', '..', '..');

export interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	webhookId?: string;
	credentials?: Record<string, { id: string; name: string }>;
}

export interface Workflow {
	id: string;
	name: string;
	nodes: WorkflowNode[];
	[key: string]: unknown;
}

export const loadWorkflow = (file: string): Workflow =>
	JSON.parse(fs.readFileSync(path.join(root, 'workflows', file), 'utf8')) as Workflow;

export function nodeOf(workflow: Workflow, name: string): WorkflowNode {
	const node = workflow.nodes.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`${workflow.name} has no node "${name}"`);
	return node;
}

/** Shortened offsets and an always-open window, set through parameters only (no code changes). */
export function setParameters(workflow: Workflow, name: string, parameters: Record<string, unknown>): void {
	Object.assign(nodeOf(workflow, name).parameters, parameters);
}

export const byType = (workflow: Workflow, suffix: string) => workflow.nodes.filter((node) => node.type.endsWith(suffix));

export const ALWAYS_OPEN = { sendWindowStart: '00:00', sendWindowEnd: '24:00' };

export function signedPost(url: string, secret: string, body: unknown, contentType = 'application/json'): Promise<Response> {
	const text = JSON.stringify(body);
	const at = Math.floor(Date.now() / 1000);
	return fetch(url, {
		method: 'POST',
		headers: { 'content-type': contentType, 'x-journey-signature': timestampedHeader(secret, at, text) },
		body: text,
	});
}

/** Polls until `probe` returns a value (not undefined) or the time runs out. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

export function webhookUrl(baseUrl: string, node: WorkflowNode): string {
	return `${baseUrl}/webhook/${node.webhookId}/${node.parameters.path as string}`;
}
