/**
 * The journey as a timeline: the harness's record of every execution (node runs, parks, resumes)
 * and what the simulation posted (the input, later events), in virtual-time order.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { localIso, shortLocal } from './clock-text';
import { describeNodeRun, type StepKind, type StepText } from './describe-node';
import type { JourneyHarness, JourneyRun, TimelineEntry } from './engine';
import { loadWorkflowModule } from './engine/runtime';
import type { Delivery } from './inject';

export interface JourneyStep {
	/** Virtual instant, UTC ISO. */
	at: string;
	/** The same instant in the contact's zone, with its offset. */
	local: string;
	/** 1-based number of the journey (execution of the simulated workflow) it belongs to. */
	journey?: number;
	node?: string;
	kind: StepKind;
	text: string;
	lines?: string[];
	data?: IDataObject;
}

export interface Posted {
	/** 'input', or the event's label. */
	label: string;
	/** What was posted, in words ("survey_completed", "reschedule to …"). */
	what: string;
	delivery: Delivery;
}

interface Context {
	h: JourneyHarness;
	zone: string;
	journeys: Map<string, number>;
	notRun: Map<string, string>;
}

function outputNames(run: JourneyRun, nodeName: string, h: JourneyHarness): string[] {
	const node = run.workflow.getNode(nodeName);
	if (!node) return [];
	const description = h.nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description;
	const outputs = loadWorkflowModule().NodeHelpers.getNodeOutputs(run.workflow, node, description);
	return outputs.map((output, index) => (typeof output === 'object' && output.displayName) || description.outputNames?.[index] || `output ${index + 1}`);
}

function answerText(posted: Posted, journeys: Map<string, number>): string {
	const { delivery } = posted;
	const answer = (delivery.answer ?? {}) as IDataObject;
	const started = delivery.started.filter((id) => journeys.has(id)).map((id) => `journey #${journeys.get(id)}`);
	const into = `→ "${delivery.target}"`;
	if (delivery.status >= 400) return `${posted.what} ${into}: refused ${delivery.status} ${JSON.stringify(answer)}`;
	if (answer.duplicate) return `${posted.what} ${into}: duplicate of an event already received, nothing started`;
	const parts: string[] = [];
	if (Array.isArray(answer.recorded)) parts.push(`recorded ${(answer.recorded as IDataObject[]).map((r) => (r.intent ? `${r.type} (${r.intent})` : r.type)).join(', ')}`);
	else if (answer.type) parts.push(String(answer.type));
	if (typeof answer.woken === 'number') parts.push(`woke ${answer.woken} waiting journey${answer.woken === 1 ? '' : 's'}`);
	if (started.length) parts.push(`started ${started.join(', ')}`);
	else if (answer.started === false && answer.reason) parts.push(`started nothing (${String(answer.reason)})`);
	if (answer.ignored) parts.push(`ignored (${String(answer.reason)})`);
	if (Array.isArray(answer.warnings)) parts.push(...(answer.warnings as IDataObject[]).map((w) => `warning: ${String(w.field)} ${String(w.message)}`));
	return `${posted.what} ${into}${parts.length ? `: ${parts.join('; ')}` : ''}`;
}

function startText(items: INodeExecutionData[], zone: string): string {
	const json = items[0]?.json ?? {};
	const visit = (json.visit ?? null) as IDataObject | null;
	const event = (json.event ?? null) as IDataObject | null;
	const contact = (json.contact ?? null) as IDataObject | null;
	const who = contact?.name ?? contact?.id ?? contact?.email ?? contact?.phone;
	const parts = [event?.type ? String(event.type) : undefined, visit?.id ? `visit ${String(visit.id)}` : undefined, typeof visit?.start === 'string' ? `on ${shortLocal(visit.start, zone)}` : undefined];
	const what = parts.filter(Boolean).join(' ');
	return `starts${what ? `: ${what}` : ''}${who ? ` for ${String(who)}` : ''}${items.length > 1 ? ` (${items.length} items)` : ''}`;
}

/** Node entries of one execution with how each relates to parking and resuming. */
function nodeSteps(ctx: Context, run: JourneyRun, entries: TimelineEntry[]): Map<TimelineEntry, StepText[]> {
	const steps = new Map<TimelineEntry, StepText[]>();
	let resumed: 'time' | 'webhook' | undefined;
	entries.forEach((entry, index) => {
		if (entry.kind === 'resume') resumed = entry.detail === 'webhook' ? 'webhook' : 'time';
		if (entry.kind !== 'node' || !entry.task) return;
		const next = entries[index + 1];
		const parkedUntil = next?.kind === 'park' && next.node === entry.node ? next.detail?.replace(/^until /, '') : undefined;
		const node = run.workflow.getNode(entry.node!)!;
		if (index === 1 && entries[0].kind === 'start') {
			const items = entry.task.data?.main?.[0] ?? [];
			const { event, contact, visit } = items[0]?.json ?? {};
			steps.set(entry, [{ kind: 'start', text: startText(items, ctx.zone), data: { items: items.length, event, contact, visit } as IDataObject }]);
			return;
		}
		steps.set(
			entry,
			describeNodeRun({
				node: entry.node!,
				type: node.type,
				task: entry.task,
				outputNames: outputNames(run, entry.node!, ctx.h),
				parkedUntil,
				resumed,
				notRun: ctx.notRun.get(entry.node!),
				zone: ctx.zone,
			}),
		);
		resumed = undefined;
	});
	return steps;
}

/**
 * The whole simulation as steps. `posted` are the requests in the order they were made; the
 * first is the input, the others match the harness's scheduled actions by label.
 */
export function describeTimeline(h: JourneyHarness, zone: string, posted: Posted[], notRun: Map<string, string>, workflowId: string | undefined): JourneyStep[] {
	const journeys = new Map<string, number>();
	for (const run of h.runs) if (run.workflow.id === (workflowId ?? 'workflow')) journeys.set(run.id, journeys.size + 1);
	const ctx: Context = { h, zone, journeys, notRun };
	const runs = new Map(h.runs.map((run) => [run.id, run]));
	const perRun = new Map<TimelineEntry, StepText[]>();
	for (const run of h.runs) {
		for (const [entry, steps] of nodeSteps(ctx, run, h.timeline.forExecution(run.id))) perRun.set(entry, steps);
	}
	const byLabel = new Map(posted.map((p) => [p.label, p]));
	const steps: JourneyStep[] = [];
	const push = (at: string, step: StepText, extra: Partial<JourneyStep> = {}) =>
		steps.push({ at, local: localIso(at, zone), ...extra, kind: step.kind, text: step.text, ...(step.lines?.length ? { lines: step.lines } : {}), ...(step.data ? { data: step.data } : {}) });
	const postedStep = (p: Posted) => push(p.delivery.at, { kind: p.label === 'input' ? 'input' : 'event', text: answerText(p, journeys), data: { status: p.delivery.status, answer: p.delivery.answer as IDataObject } });

	if (posted[0]?.label === 'input') postedStep(posted[0]);
	for (const entry of h.timeline.entries) {
		if (entry.kind === 'action') {
			const p = byLabel.get(entry.detail ?? '');
			if (p) postedStep(p);
			continue;
		}
		const journey = journeys.get(entry.executionId);
		if (journey === undefined) continue;
		if (entry.kind === 'node') {
			for (const step of perRun.get(entry) ?? []) push(entry.at, step, { journey, node: entry.node });
		} else if (entry.kind === 'finish') {
			push(entry.at, { kind: 'end', text: 'ends' }, { journey });
		} else if (entry.kind === 'error') {
			push(entry.at, { kind: 'error', text: `fails: ${entry.detail ?? ''}` }, { journey });
		}
	}
	const end = h.now().toISOString();
	for (const [id, journey] of journeys) {
		const run = runs.get(id)!;
		if (run.status === 'waiting') push(end, { kind: 'waiting', text: `still waiting${run.waitTill ? ` until ${shortLocal(run.waitTill.toISOString(), zone)}` : ''} when the simulation stops`, data: { waitTill: run.waitTill?.toISOString() ?? null } }, { journey });
	}
	return steps;
}
