/**
 * One node run, told in a line: what a send sent (channel, recipient, text), until when a delay
 * or a condition waits and why, which branch a condition took, which tags and counters changed.
 */
import type { IDataObject, INodeExecutionData, ITaskData } from 'n8n-workflow';

import { shortLocal } from './clock-text';

export type StepKind =
	| 'input'
	| 'event'
	| 'start'
	| 'send'
	| 'not-sent'
	| 'deferred'
	| 'wait'
	| 'due'
	| 'skipped'
	| 'branch'
	| 'tags'
	| 'counter'
	| 'step'
	| 'not-run'
	| 'end'
	| 'error'
	| 'waiting';

export interface StepText {
	kind: StepKind;
	text: string;
	/** Further lines: a message's subject and text, a schedule's explanation. */
	lines?: string[];
	data?: IDataObject;
}

export interface NodeRun {
	node: string;
	/** The node's type, e.g. n8n-nodes-customer-journey.quietHoursDelay. */
	type: string;
	task: ITaskData;
	/** Display names of its outputs. */
	outputNames: string[];
	/** The run parked on this node (until this instant). */
	parkedUntil?: string;
	/** This is the parked node passing its items on after a resume (timed, or 'webhook'). */
	resumed?: 'time' | 'webhook';
	/** Why the simulation did not run it (it would reach the network). */
	notRun?: string;
	zone: string;
}

const SHORT = (type: string) => type.replace(/^n8n-nodes-customer-journey\./, '').replace(/^n8n-nodes-base\./, '');

function outputs(run: NodeRun): INodeExecutionData[][] {
	return (run.task.data?.main ?? []).map((items) => items ?? []);
}

/** The first output that carries items, and its first item. */
function taken(run: NodeRun): { index: number; json: IDataObject } | undefined {
	const all = outputs(run);
	const index = all.findIndex((items) => items.length > 0);
	return index < 0 ? undefined : { index, json: all[index][0].json };
}

const nameOf = (run: NodeRun, index: number) => run.outputNames[index] ?? `output ${index + 1}`;
const asObject = (value: unknown): IDataObject => (value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {});
const str = (value: unknown) => (value === undefined || value === null ? '' : String(value));

function delay(run: NodeRun): StepText[] {
	if (run.resumed) return [];
	const first = taken(run);
	if (!first) return [];
	const schedule = asObject(first.json.schedule);
	const explanation = str(schedule.explanation);
	const data = { scheduledFor: schedule.scheduledFor ?? null, explanation };
	if (run.parkedUntil) return [{ kind: 'wait', text: `waits until ${shortLocal(run.parkedUntil, run.zone)}`, lines: [explanation], data: { ...data, until: run.parkedUntil } }];
	if (first.index === 1) return [{ kind: 'skipped', text: `skipped (${nameOf(run, 1)})`, lines: [explanation], data }];
	return [{ kind: 'due', text: 'due now', lines: [explanation], data }];
}

function condition(run: NodeRun): StepText[] {
	const first = taken(run);
	if (!first) return [];
	const condition = asObject(first.json.condition);
	const reason = str(condition.reason);
	if (run.parkedUntil) {
		const events = /^waiting for (\S+)/.exec(reason)?.[1] ?? 'the event';
		return [{ kind: 'wait', text: `waits for ${events.replace(/\//g, ' or ')} until ${shortLocal(run.parkedUntil, run.zone)}`, data: { until: run.parkedUntil, events } }];
	}
	const branch = nameOf(run, first.index);
	const how = run.resumed === 'webhook' ? 'woken by the event' : run.resumed === 'time' ? 'wait over' : '';
	return [{ kind: 'branch', text: `→ ${branch}${how ? ` (${how})` : ''}`, lines: reason ? [reason] : [], data: { branch, output: first.index, reason } }];
}

/** The address the channel decision chose: "valid phone +48…" / "valid email …" in the trace. */
function recipient(message: IDataObject): string | null {
	const trace = (Array.isArray(message.trace) ? message.trace : []) as IDataObject[];
	const chosen = trace.filter((step) => step.channel === message.channel && step.outcome === 'chosen').at(-1);
	return chosen ? (/(\S+@\S+|\+\d{6,})\s*$/.exec(str(chosen.reason))?.[1] ?? null) : null;
}

function sendItem(run: NodeRun, json: IDataObject): StepText {
	const message = asObject(json.message);
	const status = str(message.status);
	const channel = str(message.channel);
	if (status === 'sent' || status === 'outbox') {
		const to = recipient(message) ?? '?';
		const sms = asObject(message.sms);
		const parts = sms.segments ? ` (${str(sms.encoding).toUpperCase()}, ${str(sms.segments)} part${sms.segments === 1 ? '' : 's'})` : '';
		const lines = [...(message.subject ? [`Subject: ${str(message.subject)}`] : []), ...str(message.text).split('\n')];
		const data = { channel, to, status, provider: message.provider ?? null, subject: message.subject ?? null, text: message.text ?? null, sms: message.sms ?? null, messageId: message.messageId ?? null };
		return { kind: 'send', text: `${channel.toUpperCase()} to ${to}${parts}${status === 'outbox' ? ' [Outbox]' : ''}`, lines, data };
	}
	if (status === 'deferred') {
		const until = str(message.deferredUntil);
		return { kind: 'deferred', text: `deferred until ${until ? shortLocal(until, run.zone) : '?'}`, lines: [str(message.reason)], data: { status, deferredUntil: until, reason: message.reason ?? null } };
	}
	const reason = str(message.reason || message.error);
	return { kind: status === 'failed' ? 'error' : 'not-sent', text: `not sent: ${status}`, lines: reason ? [reason] : [], data: { status, channel: channel || null, reason } };
}

function tags(json: IDataObject, run: NodeRun): StepText {
	const change = asObject(json.tags);
	const added = (change.added ?? []) as string[];
	const removed = (change.removed ?? []) as string[];
	const current = (change.current ?? []) as string[];
	const data = { added, removed, current };
	if (Array.isArray(change.matched)) {
		const first = taken(run);
		return { kind: 'branch', text: `→ ${first ? nameOf(run, first.index) : '?'}`, lines: [`contact's tags: ${current.join(', ') || '(none)'}`], data };
	}
	const changes = [...added.map((tag) => `+"${tag}"`), ...removed.map((tag) => `-"${tag}"`)];
	const text = changes.length ? `tags ${changes.join(' ')}` : 'tags unchanged';
	return { kind: 'tags', text, lines: [`contact's tags: ${current.join(', ') || '(none)'}`], data };
}

function counter(json: IDataObject): StepText {
	const c = asObject(json.counter);
	const milestone = asObject(c.milestone);
	const lines = milestone.reached !== undefined ? [`milestone ${milestone.reached ? 'reached' : 'not reached'}`] : [];
	const text = c.applied === false && c.previous === c.value ? `counter "${str(c.name)}" = ${str(c.value)} (unchanged)` : `counter "${str(c.name)}" ${str(c.previous)} → ${str(c.value)}`;
	return { kind: 'counter', text, lines, data: c };
}

/** What one node run did, as zero or more lines of the journey. */
export function describeNodeRun(run: NodeRun): StepText[] {
	if (run.task.error) return [{ kind: 'error', text: `error: ${run.task.error.message}`, data: { message: run.task.error.message } }];
	if (run.notRun) return [{ kind: 'not-run', text: `not run in the simulation (would call ${run.notRun})` }];
	const items = outputs(run).flat();
	switch (SHORT(run.type)) {
		case 'quietHoursDelay':
			return delay(run);
		case 'journeyCondition':
			return condition(run);
		case 'channelPreferenceSend':
			return items.map((item) => sendItem(run, item.json));
		case 'tagContact':
			return items.map((item) => tags(item.json, run));
		case 'loyaltyCounter':
			return items.map((item) => counter(item.json));
		default: {
			const all = outputs(run);
			if (all.length > 1) {
				const first = taken(run);
				return [{ kind: 'branch', text: first ? `→ ${nameOf(run, first.index)}` : '→ (no output)', data: { output: first?.index ?? null } }];
			}
			return [{ kind: 'step', text: `ran (${SHORT(run.type)}, ${items.length} item${items.length === 1 ? '' : 's'})` }];
		}
	}
}
