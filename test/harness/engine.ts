/**
 * Runs workflow JSON through n8n-core's real WorkflowExecute with this package's nodes and
 * n8n-nodes-base, on a virtual clock. A run that parks (waitTill) is resumed the way n8n's
 * WaitTracker does it: the clock moves to waitTill and a new WorkflowExecute continues from the
 * saved run data (n8n-core itself disables the waiting node and drops its last run entry).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {
	IConnections,
	INode,
	INodeExecutionData,
	IRun,
	IRunExecutionData,
	ITaskData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IWorkflowSettings,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { createCredentialsHelper, type InjectedCredentials } from './credentials';
import { HarnessNodeTypes } from './node-types';
import { loadCore, loadWorkflowModule, repoRoot, type N8nCore } from './runtime';
import { Timeline } from './timeline';
import { VirtualClock } from './virtual-clock';

export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	staticData?: IWorkflowBase['staticData'];
}

export interface HarnessOptions {
	/** Virtual time at which the harness starts. */
	start: Date | string;
	credentials?: InjectedCredentials;
	/** Where n8n-core may write its instance settings; a fresh temp folder by default. */
	userFolder?: string;
}

export interface StartOptions {
	items?: INodeExecutionData[];
	/** Node to start from; the workflow's trigger/start node by default. */
	startNode?: string;
	mode?: WorkflowExecuteMode;
}

export type JourneyStatus = 'waiting' | 'success' | 'error' | 'canceled' | 'crashed' | 'running' | 'new' | 'unknown';

export interface JourneyRun {
	id: string;
	workflow: Workflow;
	status: JourneyStatus;
	waitTill?: Date;
	data: IRunExecutionData;
	/** Virtual instants at which the run was resumed after parking. */
	resumedAt: Date[];
	errorMessage?: string;
}

interface ScheduledAction {
	at: Date;
	label: string;
	action: () => Promise<void> | void;
}

export function readWorkflow(file: string): WorkflowJson {
	const resolved = path.isAbsolute(file) ? file : path.join(repoRoot, file);
	return JSON.parse(fs.readFileSync(resolved, 'utf8')) as WorkflowJson;
}

export class JourneyHarness {
	readonly timeline = new Timeline();

	readonly runs: JourneyRun[] = [];

	private readonly scheduled: ScheduledAction[] = [];

	private executionCounter = 0;

	private constructor(
		private readonly core: N8nCore,
		readonly nodeTypes: HarnessNodeTypes,
		readonly clock: VirtualClock,
		private readonly credentials: InjectedCredentials,
	) {}

	static async create(options: HarnessOptions): Promise<JourneyHarness> {
		const userFolder = options.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cj-harness-'));
		const core = loadCore(userFolder);
		const nodeTypes = await HarnessNodeTypes.create(core);
		const clock = new VirtualClock(new Date(options.start));
		return new JourneyHarness(core, nodeTypes, clock, options.credentials ?? {});
	}

	dispose(): void {
		this.clock.uninstall();
	}

	now(): Date {
		return this.clock.now();
	}

	/** Starts a journey and runs it until it finishes or parks. */
	async start(json: WorkflowJson, options: StartOptions = {}): Promise<JourneyRun> {
		const { Workflow: WorkflowClass } = loadWorkflowModule();
		const id = `exec-${++this.executionCounter}`;
		const workflow = new WorkflowClass({
			id: json.id ?? 'workflow',
			name: json.name,
			nodes: json.nodes,
			connections: json.connections,
			active: false,
			nodeTypes: this.nodeTypes,
			settings: json.settings,
			staticData: json.staticData,
		});
		const startNode = options.startNode ? workflow.getNode(options.startNode) : workflow.getStartNode();
		if (!startNode) throw new Error(`Harness: start node "${options.startNode ?? '(trigger)'}" not found`);
		const data: IRunExecutionData = {
			version: 1,
			startData: {},
			resultData: { runData: {} },
			executionData: {
				contextData: {},
				metadata: {},
				nodeExecutionStack: [
					{ node: startNode, data: { main: [options.items ?? [{ json: {} }]] }, source: null },
				],
				waitingExecution: {},
				waitingExecutionSource: {},
			},
		} as IRunExecutionData;
		const run: JourneyRun = { id, workflow, status: 'new', data, resumedAt: [] };
		this.runs.push(run);
		this.timeline.add({ at: this.isoNow(), executionId: id, kind: 'start', node: startNode.name });
		await this.execute(run, options.mode ?? 'trigger');
		return run;
	}

	/** Runs `action` when the virtual clock reaches `at` (e.g. the clinic marks attendance). */
	schedule(at: Date | string, label: string, action: () => Promise<void> | void): void {
		this.scheduled.push({ at: new Date(at), label, action });
	}

	/**
	 * Resumes parked runs and scheduled actions in time order, as n8n's WaitTracker would, until
	 * nothing is left or the clock would pass `until`.
	 */
	async runUntilIdle(options: { until?: Date | string; maxSteps?: number } = {}): Promise<void> {
		const until = options.until ? new Date(options.until).getTime() : Infinity;
		for (let step = 0; step < (options.maxSteps ?? 1000); step++) {
			const nextRun = this.runs
				.filter((run) => run.status === 'waiting' && run.waitTill)
				.sort((a, b) => a.waitTill!.getTime() - b.waitTill!.getTime())[0];
			const nextAction = [...this.scheduled].sort((a, b) => a.at.getTime() - b.at.getTime())[0];
			const runAt = nextRun?.waitTill?.getTime() ?? Infinity;
			const actionAt = nextAction?.at.getTime() ?? Infinity;
			if (Math.min(runAt, actionAt) > until || Math.min(runAt, actionAt) === Infinity) return;
			if (actionAt <= runAt) {
				this.scheduled.splice(this.scheduled.indexOf(nextAction), 1);
				this.clock.advanceTo(nextAction.at);
				this.timeline.add({ at: this.isoNow(), executionId: '-', kind: 'action', detail: nextAction.label });
				await nextAction.action();
			} else {
				await this.resume(nextRun);
			}
		}
		throw new Error('Harness: runUntilIdle did not settle (a loop of waits?)');
	}

	/** Resumes one parked run at its waitTill. */
	async resume(run: JourneyRun): Promise<void> {
		if (run.status !== 'waiting' || !run.waitTill) throw new Error(`Harness: ${run.id} is not waiting`);
		this.clock.advanceTo(run.waitTill);
		run.resumedAt.push(this.now());
		this.timeline.add({ at: this.isoNow(), executionId: run.id, kind: 'resume' });
		await this.execute(run, 'trigger');
	}

	/** Items a node put on one of its outputs in its last (or given) run. */
	output(run: JourneyRun, nodeName: string, outputIndex = 0, runIndex?: number): INodeExecutionData[] {
		const taskData = this.taskData(run, nodeName, runIndex);
		return taskData?.data?.main?.[outputIndex] ?? [];
	}

	taskData(run: JourneyRun, nodeName: string, runIndex?: number): ITaskData | undefined {
		const entries = run.data.resultData.runData[nodeName];
		if (!entries?.length) return undefined;
		return entries[runIndex ?? entries.length - 1];
	}

	/** Names of nodes that ran, in order, across all resumes of the run. */
	executedNodes(run: JourneyRun): string[] {
		return this.timeline
			.forExecution(run.id)
			.filter((entry) => entry.kind === 'node')
			.map((entry) => entry.node!);
	}

	private async execute(run: JourneyRun, mode: WorkflowExecuteMode): Promise<void> {
		const additionalData = this.additionalData(run, mode);
		const workflowExecute = new this.core.WorkflowExecute(additionalData, mode, run.data);
		run.status = 'running';
		const result: IRun = await workflowExecute.processRunExecutionData(run.workflow);
		run.data = result.data;
		run.status = result.status as JourneyStatus;
		run.waitTill = result.waitTill ?? undefined;
		const error = result.data.resultData.error;
		if (run.waitTill) {
			run.status = 'waiting';
			this.timeline.add({
				at: this.isoNow(),
				executionId: run.id,
				kind: 'park',
				node: result.data.resultData.lastNodeExecuted,
				detail: `until ${run.waitTill.toISOString()}`,
			});
		} else if (error) {
			run.status = 'error';
			run.errorMessage = error.message;
			this.timeline.add({ at: this.isoNow(), executionId: run.id, kind: 'error', detail: error.message });
		} else {
			this.timeline.add({ at: this.isoNow(), executionId: run.id, kind: 'finish' });
		}
	}

	private additionalData(run: JourneyRun, mode: WorkflowExecuteMode): IWorkflowExecuteAdditionalData {
		const workflowData = {
			id: run.workflow.id,
			name: run.workflow.name,
			nodes: Object.values(run.workflow.nodes),
			connections: run.workflow.connectionsBySourceNode,
			active: false,
			settings: run.workflow.settings,
		} as unknown as IWorkflowBase;
		const hooks = new this.core.ExecutionLifecycleHooks(mode, run.id, workflowData);
		hooks.addHandler('nodeExecuteAfter', (nodeName: string, taskData: ITaskData) => {
			this.timeline.add({
				at: this.isoNow(),
				executionId: run.id,
				kind: 'node',
				node: nodeName,
				outputs: (taskData.data?.main ?? []).map((items) => items?.length ?? 0),
				detail: taskData.error ? `error: ${taskData.error.message}` : undefined,
			});
		});
		const base = 'http://localhost:5678';
		return {
			executionId: run.id,
			hooks,
			credentialsHelper: createCredentialsHelper(this.credentials, this.nodeTypes),
			instanceBaseUrl: base,
			restApiUrl: `${base}/rest`,
			webhookBaseUrl: `${base}/webhook`,
			webhookTestBaseUrl: `${base}/webhook-test`,
			webhookWaitingBaseUrl: `${base}/webhook-waiting`,
			formWaitingBaseUrl: `${base}/form-waiting`,
			variables: {},
			currentNodeExecutionIndex: 0,
			setExecutionStatus: () => {},
			sendDataToUI: () => {},
			executeWorkflow: async () => {
				throw new Error('Harness: Execute Workflow is not wired yet');
			},
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	private isoNow(): string {
		return this.now().toISOString();
	}
}
