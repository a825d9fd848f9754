/**
 * The simulated copy of a workflow: every send goes to the Outbox, the Journey Store and the
 * webhook secret are the simulation's own (injected credentials), stock nodes that would reach the
 * network are disabled, and stock Webhook triggers answer at once without authentication.
 */
import { randomBytes } from 'node:crypto';
import type { INode, INodeTypeDescription } from 'n8n-workflow';

import { bodyHmacHex, timestampedHeader, CALENDLY_SIGNATURE_HEADER, CAL_SIGNATURE_HEADER, DEFAULT_SIGNATURE_HEADER, DEFAULT_TOKEN_HEADER } from '../lib/webhooks';
import type { WorkflowJson } from './engine';
import { SimulationInputError } from './events';

export const PACKAGE = 'n8n-nodes-customer-journey';
export const VISIT_TRIGGER = `${PACKAGE}.visitTrigger`;
export const EVENT_TRIGGER = `${PACKAGE}.journeyEventTrigger`;
const SEND = `${PACKAGE}.channelPreferenceSend`;
const STOCK_WEBHOOK = 'n8n-nodes-base.webhook';
/** Stock nodes that would call out: not run in a simulation (their input passes through). */
const NETWORK_NODES = new Set(['n8n-nodes-base.httpRequest', 'n8n-nodes-base.emailSend', 'n8n-nodes-base.executeCommand', 'n8n-nodes-base.ssh', 'n8n-nodes-base.ftp']);

const STORE_REF = { id: 'simulator-store', name: 'Simulator Journey Store' };
const SECRET_REF = { id: 'simulator-webhook-secret', name: 'Simulator webhook secret' };

export type DescribeNode = (node: INode) => INodeTypeDescription;

export interface PreparedWorkflow {
	json: WorkflowJson;
	/** Nodes the simulation did not run (they would reach the network), with what they would have done. */
	disabled: Map<string, string>;
	/** The injected webhook secret every trigger of ours checks. */
	secret: string;
}

export const newSecret = (): string => randomBytes(24).toString('hex');

function usesCredential(description: INodeTypeDescription, name: string): boolean {
	return (description.credentials ?? []).some((credential) => credential.name === name);
}

function networkSummary(node: INode): string {
	const p = node.parameters as Record<string, unknown>;
	if (node.type === 'n8n-nodes-base.httpRequest') return `${String(p.method ?? 'GET')} ${String(p.url ?? '')}`.trim();
	return node.type.replace(/^n8n-nodes-base\./, '');
}

export function prepareWorkflow(source: WorkflowJson, describe: DescribeNode, secret: string, keepProviders = false): PreparedWorkflow {
	const json = structuredClone(source);
	const disabled = new Map<string, string>();
	for (const node of json.nodes) {
		if (node.type === 'n8n-nodes-base.stickyNote' || node.disabled) continue;
		const parameters = node.parameters as Record<string, unknown>;
		if (node.type === SEND && !keepProviders) Object.assign(parameters, { smsProvider: 'outbox', emailProvider: 'outbox', whatsAppProvider: 'outbox' });
		if (node.type === STOCK_WEBHOOK) Object.assign(parameters, { authentication: 'none', responseMode: 'onReceived' });
		if (NETWORK_NODES.has(node.type)) {
			disabled.set(node.name, networkSummary(node));
			node.disabled = true;
			continue;
		}
		if (!node.type.startsWith(`${PACKAGE}.`)) continue;
		const description = describe(node);
		const credentials = { ...(node.credentials ?? {}) };
		if (usesCredential(description, 'journeyStoreApi')) credentials.journeyStoreApi = STORE_REF;
		if (usesCredential(description, 'journeyWebhookApi')) credentials.journeyWebhookApi = SECRET_REF;
		node.credentials = credentials;
	}
	return { json, disabled, secret };
}

/** A workflow with one trigger of ours that records and wakes only (starts nothing). */
export function helperWorkflow(id: string, name: string, type: string, parameters: Record<string, unknown>): WorkflowJson {
	const node = {
		id: `${id}-trigger`,
		name,
		type,
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters,
		webhookId: `${id}-webhook`,
		credentials: { journeyStoreApi: STORE_REF, journeyWebhookApi: SECRET_REF },
	};
	return { id, name: `${name} (simulated)`, nodes: [node as INode], connections: {} };
}

/** The headers a sender would put on this body for the trigger's Authentication setting. */
export function signedHeaders(node: INode, secret: string, body: string, nowMs: number): Record<string, string> {
	const p = node.parameters as Record<string, unknown>;
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (node.type !== VISIT_TRIGGER && node.type !== EVENT_TRIGGER) return headers;
	const seconds = Math.floor(nowMs / 1000);
	switch (String(p.authentication ?? 'hmac')) {
		case 'none':
			return headers;
		case 'hmac':
			return { ...headers, [String(p.signatureHeader || DEFAULT_SIGNATURE_HEADER)]: timestampedHeader(secret, seconds, body) };
		case 'calendly':
			return { ...headers, [CALENDLY_SIGNATURE_HEADER]: timestampedHeader(secret, seconds, body) };
		case 'calcom':
			return { ...headers, [CAL_SIGNATURE_HEADER]: bodyHmacHex(secret, body) };
		case 'headerToken':
			return { ...headers, [String(p.authHeader || DEFAULT_TOKEN_HEADER)]: secret };
		default:
			throw new SimulationInputError(`"${node.name}": unknown authentication ${JSON.stringify(p.authentication)}`);
	}
}
