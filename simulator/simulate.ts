/**
 * simulate(): one workflow run through the real n8n engine (the harness) on a virtual clock, with
 * the Outbox, a fresh Journey Store and no network. The input enters through the workflow's trigger
 * (a signed POST to its production URL, or as a polling trigger's items); later events at their
 * virtual times through a Visit Trigger or a Journey Event Trigger, exactly as in production.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INode } from 'n8n-workflow';

import { getStore, resolveStoreConfig } from '../lib/store';
import { engagementBody, visitBody } from './bodies';
import { shortLocal } from './clock-text';
import { describeTimeline, type JourneyStep, type Posted } from './describe';
import { JourneyHarness, type WorkflowJson } from './engine';
import type { InjectedCredentials } from './engine/credentials';
import { isVisitEvent, parseEvents, parseInstant, SimulationInputError, type SimEvent } from './events';
import { hasProductionWebhook, post, startWithItems, type Endpoint } from './inject';
import { EVENT_TRIGGER, helperWorkflow, newSecret, prepareWorkflow, VISIT_TRIGGER } from './prepare';
import { journeyRefs, zoneOf } from './refs';
import { assertRuntime, checkZone, findTrigger } from './setup';
import { contactsAtEnd, findMessage, type SimulatedContact } from './store-view';

export { assertRuntime, SimulationSetupError } from './setup';
export type { SimulatedContact } from './store-view';

export interface SimulateOptions {
	workflow: WorkflowJson;
	/** The trigger's input: the body a webhook trigger receives, or a polling trigger's item(s). */
	input: unknown;
	/** Later events (the events file's JSON): `[{ "at": ISO, "type": …, …payload }]`. */
	events?: unknown;
	/** Virtual start (ISO 8601); default: now. */
	start?: string | Date;
	/** Stop the clock here (ISO 8601); default: run until nothing is left to do. */
	until?: string | Date;
	/** Name of the trigger node that gets the input; default: the workflow's first trigger. */
	trigger?: string;
	/** Time zone the timeline is shown in; default: the contact's, else the workflow's. */
	zone?: string;
	/** Keep the send nodes' providers (default: everything goes to the Outbox); give their credentials. */
	keepProviders?: boolean;
	/** More injected credentials, by type (e.g. `smtp` with keepProviders). */
	credentials?: InjectedCredentials;
}

export interface SimulatedJourney {
	number: number;
	execution: string;
	status: string;
	waitTill: string | null;
	error: string | null;
}

export interface SimulationResult {
	workflow: { id: string | null; name: string | null };
	zone: string;
	start: string;
	end: string;
	/** True when every send went to the Outbox (the default). */
	outbox: boolean;
	steps: JourneyStep[];
	journeys: SimulatedJourney[];
	/** The contacts the journeys touched, as the Journey Store has them at the end. */
	contacts: SimulatedContact[];
}

const SIMULATED_EVENTS = { id: 'simulatorJourneyEvents', name: 'Journey events', path: 'journey-events' };
const SIMULATED_VISITS = { id: 'simulatorVisitChanges', name: 'Visit changes', path: 'simulated-visit-changes' };

function eventWhat(event: SimEvent, zone: string): string {
	const f = event.fields;
	if (event.type === 'reschedule') return `reschedule to ${shortLocal(parseInstant(f.start, zone, 'start'), zone)}`;
	if (event.type === 'reply') return `reply "${String(f.text)}"`;
	if (event.type === 'attendance') return `attendance: ${String(f.status ?? 'attended')}`;
	if (event.type === 'visit') return f.body ? 'visit event' : 'the input again (a retry)';
	return event.type;
}

export async function simulate(options: SimulateOptions): Promise<SimulationResult> {
	assertRuntime();
	const workflowZone = typeof options.workflow.settings?.timezone === 'string' && options.workflow.settings.timezone !== 'DEFAULT' ? options.workflow.settings.timezone : undefined;
	const zone = checkZone(options.zone ?? zoneOf([options.input]) ?? workflowZone ?? 'UTC', 'time zone');
	const start = options.start ? parseInstant(options.start instanceof Date ? options.start.toISOString() : options.start, zone, 'start') : new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
	const until = options.until ? parseInstant(options.until instanceof Date ? options.until.toISOString() : options.until, zone, 'until') : undefined;
	const events = options.events === undefined ? [] : parseEvents(options.events, zone, start);

	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cj-simulator-'));
	const storeCredential = { type: 'sqlite' as const, sqlitePath: path.join(dir, 'journey-store.sqlite') };
	const secret = newSecret();
	const h = await JourneyHarness.create({
		start,
		userFolder: dir,
		credentials: { journeyStoreApi: storeCredential, journeyWebhookApi: { secret }, ...options.credentials },
	});
	const store = await getStore(resolveStoreConfig({ credential: storeCredential, env: {} }));
	try {
		await h.listen();
		const describeNode = (node: INode) => h.nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description;
		const prepared = prepareWorkflow(options.workflow, describeNode, secret, options.keepProviders);
		const trigger = findTrigger(h, prepared.json, options.trigger);
		const own = (type: string) => prepared.json.nodes.find((node) => node.type === type && !node.disabled);
		const endpointFor = (type: string, helper: typeof SIMULATED_EVENTS, parameters: Record<string, unknown>): Endpoint => {
			const node = own(type);
			if (node) return { workflow: prepared.json, node };
			const workflow = helperWorkflow(helper.id, helper.name, type, { path: helper.path, authentication: 'hmac', options: {}, ...parameters });
			h.activate(workflow);
			return { workflow, node: workflow.nodes[0] };
		};
		h.activate(prepared.json);
		const visits = endpointFor(VISIT_TRIGGER, SIMULATED_VISITS, { format: 'generic', events: [] });
		const engagement = endpointFor(EVENT_TRIGGER, SIMULATED_EVENTS, { startOn: [] });

		const posted: Posted[] = [];
		const entry: Endpoint = { workflow: prepared.json, node: trigger };
		const delivery = hasProductionWebhook(h, trigger) ? await post(h, entry, options.input, secret) : await startWithItems(h, entry, options.input);
		if (delivery.status >= 400) throw new SimulationInputError(`"${trigger.name}" refused the input: ${delivery.status} ${JSON.stringify(delivery.answer)}`);
		posted.push({ label: 'input', what: 'input', delivery });

		for (const event of events) {
			const label = `event ${event.index + 1}: ${event.type}`;
			h.schedule(event.at, label, async () => {
				const refs = journeyRefs(h, options.input);
				const visitEvent = isVisitEvent(event.type);
				const body = visitEvent ? visitBody(event, options.input) : await engagementBody(event, refs, (channel) => findMessage(store, refs, channel));
				const result = await post(h, visitEvent ? visits : engagement, body, secret);
				posted.push({ label, what: eventWhat(event, zone), delivery: result });
			});
		}
		await h.runUntilIdle({ until, maxSteps: 10_000 });
		if (until) h.clock.advanceTo(new Date(until));

		const steps = describeTimeline(h, zone, posted, prepared.disabled, prepared.json.id);
		const journeys = h.runs
			.filter((run) => run.workflow.id === (prepared.json.id ?? 'workflow'))
			.map((run, index) => ({ number: index + 1, execution: run.id, status: run.status, waitTill: run.waitTill?.toISOString() ?? null, error: run.errorMessage ?? null }));
		return {
			workflow: { id: options.workflow.id ?? null, name: options.workflow.name ?? null },
			zone,
			start,
			end: h.now().toISOString(),
			outbox: !options.keepProviders,
			steps,
			journeys,
			contacts: await contactsAtEnd(h, store, options.input),
		};
	} finally {
		await h.dispose();
		await store.close();
		fs.rmSync(dir, { recursive: true, force: true });
	}
}
