/** Shared by the Visit Trigger, Recall Due Trigger and Journey Event Trigger tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { JourneyHarness, readWorkflow, type WorkflowJson } from '../../harness';
import { getStore, resolveStoreConfig, type JourneyStore } from '../../../lib/store';
import { timestampedHeader } from '../../../lib/webhooks';

export const START = '2027-04-13T06:00:00.000Z';
export const SECRET = 'whsec_current_5f0c1e2d3b4a69788796a5b4c3d2e1f0';
export const OLD_SECRET = 'whsec_previous_0a1b2c3d4e5f60718293a4b5c6d7e8f9';

export const fixture = (name: string): WorkflowJson => readWorkflow(`test/fixtures/triggers/${name}.json`);
/** A payload file's exact bytes; names without an extension are .json. */
export const payloadText = (name: string): string =>
	fs.readFileSync(path.join(__dirname, '../../fixtures/triggers/payloads', /\.\w+$/.test(name) ? name : `${name}.json`), 'utf8');
export const payload = (name: string): IDataObject => JSON.parse(payloadText(name)) as IDataObject;

export interface TriggerHarness {
	h: JourneyHarness;
	store: JourneyStore;
}

/** A harness on real HTTP with a fresh SQLite store and the webhook secrets injected as credentials. */
export async function triggerHarness(credentials: Record<string, ICredentialDataDecryptedObject> = {}): Promise<TriggerHarness> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cj-triggers-'));
	const journeyStoreApi = { type: 'sqlite' as const, sqlitePath: path.join(dir, 'journey-store.sqlite') };
	const h = await JourneyHarness.create({
		start: START,
		credentials: { journeyStoreApi, journeyWebhookApi: { secret: SECRET, previousSecrets: OLD_SECRET }, ...credentials },
	});
	await h.listen();
	const store = await getStore(resolveStoreConfig({ credential: journeyStoreApi, env: {} }));
	return { h, store };
}

/** A copy of the workflow with some parameters of one node changed (options merge). */
export function withParameters(workflow: WorkflowJson, nodeName: string, parameters: IDataObject): WorkflowJson {
	const copy = structuredClone(workflow);
	const node = copy.nodes.find((candidate) => candidate.name === nodeName);
	if (!node) throw new Error(`no node "${nodeName}" in ${workflow.name}`);
	Object.assign(node.parameters, parameters);
	return copy;
}

export interface Reply {
	status: number;
	body: any;
	headers: Headers;
}

export async function send(url: string, init: RequestInit): Promise<Reply> {
	const response = await fetch(url, { redirect: 'manual', ...init });
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// not JSON (a GIF, TwiML, a challenge)
	}
	return { status: response.status, body, headers: response.headers };
}

/** POSTs the bytes signed as the generic HMAC scheme does, at the harness's virtual time unless `at` is given. */
export async function postSigned(h: JourneyHarness, url: string, body: string, options: { secret?: string; at?: number; header?: string } = {}): Promise<Reply> {
	const at = options.at ?? Math.floor(h.now().getTime() / 1000);
	return await send(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', [options.header ?? 'x-journey-signature']: timestampedHeader(options.secret ?? SECRET, at, body) },
		body,
	});
}

export const jsonOf = (items: Array<{ json: IDataObject }>): any[] => items.map((item) => item.json);
