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
	INodeType,
	IRun,
	IRunExecutionData,
	ITaskData,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
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
import { sendJson, WebhookServer, type Route, type WebhookRequest, type WebhookResponse } from './webhook-server';

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
	/** Data for every output of the start node (a trigger's webhook() result). */
	mainData?: INodeExecutionData[][];
	/** Node to start from; the workflow's trigger/start node by default. */
	startNode?: string;
	mode?: WorkflowExecuteMode;
	executionId?: string;
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

interface RegisteredWebhook {
	/** "<webhookId>/<path>", or the path of a full-path webhook. */
	key: string;
	json: WorkflowJson;
	nodeName: string;
	httpMethod: string;
	description: IWebhookDescription;
	path: string;
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

	private baseUrl = 'http://localhost:5678';

	private server?: WebhookServer;

	private readonly webhooks = new Map<string, RegisteredWebhook>();

	private readonly inFlight = new Set<Promise<unknown>>();

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

	async dispose(): Promise<void> {
		await this.settled();
		await this.server?.close();
		this.clock.uninstall();
	}

	/** Starts the HTTP front (production webhooks, resume URLs) and returns its base URL. */
	async listen(): Promise<string> {
		this.server ??= new WebhookServer((route, req, res) => this.onHttp(route, req, res));
		this.baseUrl = await this.server.listen();
		return this.baseUrl;
	}

	/** Production webhook URL of a trigger node, as n8n builds it: /webhook/<webhookId>/<path>. */
	webhookUrl(json: WorkflowJson, nodeName: string): string {
		const found = [...this.webhooks.values()].find((hook) => hook.json === json && hook.nodeName === nodeName);
		if (!found) throw new Error(`Harness: "${nodeName}" has no active webhook (call activate first)`);
		return `${this.baseUrl}/webhook/${found.key}`;
	}

	/** Registers the workflow's production webhooks, as activating it in n8n does. */
	activate(json: WorkflowJson): void {
		const workflow = this.createWorkflow(json);
		for (const node of Object.values(workflow.nodes)) {
			const nodeType = this.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
			for (const description of nodeType.description.webhooks ?? []) {
				if (description.restartWebhook) continue;
				const { httpMethod, path, isFullPath } = this.resolveWebhook(workflow, node, description);
				const key = isFullPath ? path : `${node.webhookId}/${path}`;
				// As in n8n, one path may serve several methods (e.g. WhatsApp's GET handshake and POST events).
				this.webhooks.set(`${httpMethod} ${key}`, { json, nodeName: node.name, httpMethod, description, path, key });
			}
		}
	}

	/** Waits for executions started by HTTP requests to finish or park. */
	async settled(): Promise<void> {
		while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
	}

	now(): Date {
		return this.clock.now();
	}

	/** Starts a journey and runs it until it finishes or parks. */
	async start(json: WorkflowJson, options: StartOptions = {}): Promise<JourneyRun> {
		const id = options.executionId ?? this.nextExecutionId();
		const workflow = this.createWorkflow(json);
		const startNode = options.startNode ? workflow.getNode(options.startNode) : workflow.getStartNode();
		if (!startNode) throw new Error(`Harness: start node "${options.startNode ?? '(trigger)'}" not found`);
		const main = options.mainData ?? [options.items ?? [{ json: {} }]];
		const data = loadWorkflowModule().createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node: startNode, data: { main }, source: null }] },
		});
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
			await this.settled();
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

	private createWorkflow(json: WorkflowJson): Workflow {
		const { Workflow: WorkflowClass } = loadWorkflowModule();
		return new WorkflowClass({
			id: json.id ?? 'workflow',
			name: json.name,
			nodes: structuredClone(json.nodes),
			connections: json.connections,
			active: false,
			nodeTypes: this.nodeTypes,
			settings: json.settings,
			staticData: json.staticData,
		});
	}

	private async onHttp(route: Route, req: WebhookRequest, res: WebhookResponse): Promise<void> {
		if (route.kind === 'webhook') return await this.onProductionWebhook(route, req, res);
		return await this.onWaitingWebhook(route, req, res);
	}

	private async onProductionWebhook(route: Route, req: WebhookRequest, res: WebhookResponse): Promise<void> {
		const hook = this.webhooks.get(`${req.method} ${route.key}`);
		if (!hook) {
			return sendJson(res, 404, { message: `The requested webhook "${req.method} ${route.key}" is not registered.` });
		}
		const workflow = this.createWorkflow(hook.json);
		const node = workflow.getNode(hook.nodeName)!;
		const executionId = this.nextExecutionId();
		const result = await this.callWebhook(workflow, node, executionId, 'webhook', hook.description, hook.path, req, res, null);
		if (result.workflowData) {
			this.track(this.start(hook.json, { mainData: result.workflowData, startNode: node.name, mode: 'webhook', executionId }));
		}
	}

	private async onWaitingWebhook(route: Route, req: WebhookRequest, res: WebhookResponse): Promise<void> {
		const run = this.runs.find((candidate) => candidate.id === route.key);
		if (!run) return sendJson(res, 404, { message: `The execution "${route.key}" does not exist.` });
		const token = req.query.signature;
		if (run.data.resumeToken && token !== run.data.resumeToken) return sendJson(res, 401, { error: 'Invalid token' });
		if (run.status !== 'waiting') {
			return sendJson(res, 409, { message: `The execution "${run.id}" is not waiting (${run.status}).` });
		}
		const nodeName = run.data.resultData.lastNodeExecuted!;
		const node = run.workflow.getNode(nodeName)!;
		const nodeType = this.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		const description = (nodeType.description.webhooks ?? []).find((hook) => {
			if (!hook.restartWebhook) return false;
			const { httpMethod, path } = this.resolveWebhook(run.workflow, node, hook);
			return httpMethod === req.method && path === (route.suffix ?? '');
		});
		if (!description) {
			return sendJson(res, 404, { message: `Execution "${run.id}" has no waiting webhook for ${req.method}.` });
		}
		const stackEntry = run.data.executionData!.nodeExecutionStack[0];
		const result = await this.callWebhook(run.workflow, node, run.id, 'webhook', description, route.suffix ?? '', req, res, run.data);
		if (!result.workflowData) return;
		// As n8n's WaitingWebhooks: the node's webhook() output replaces its input, all outputs are
		// forwarded (so webhook() picks the branch), and the parked run-data entry is dropped.
		stackEntry.node.disabled = true;
		stackEntry.data.main = result.workflowData;
		stackEntry.metadata = { ...stackEntry.metadata, forwardAllOutputs: true };
		run.data.waitTill = undefined;
		run.data.resultData.runData[nodeName]?.pop();
		run.resumedAt.push(this.now());
		this.timeline.add({ at: this.isoNow(), executionId: run.id, kind: 'resume', node: nodeName, detail: 'webhook' });
		this.track(this.execute(run, 'webhook'));
	}

	private async callWebhook(
		workflow: Workflow,
		node: INode,
		executionId: string,
		mode: WorkflowExecuteMode,
		description: IWebhookDescription,
		path: string,
		req: WebhookRequest,
		res: WebhookResponse,
		runData: IRunExecutionData | null,
	): Promise<IWebhookResponseData> {
		const nodeType = this.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
		const additionalData = this.additionalData(executionId, workflow, mode);
		additionalData.httpRequest = req as unknown as IWorkflowExecuteAdditionalData['httpRequest'];
		additionalData.httpResponse = res as unknown as IWorkflowExecuteAdditionalData['httpResponse'];
		const webhookData = {
			httpMethod: req.method,
			node: node.name,
			path,
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
		} as unknown as IWebhookData;
		const context = new this.core.WebhookContext(workflow, node, additionalData, mode, webhookData, [], runData);
		// n8n's newer class-style nodes take the context as an argument (see n8n's WebhookService).
		const { isNodeClassInstance } = loadWorkflowModule() as unknown as { isNodeClassInstance(n: unknown): boolean };
		const webhook = nodeType.webhook as unknown as (this: unknown, ctx?: unknown) => Promise<IWebhookResponseData>;
		const result = isNodeClassInstance(nodeType) ? await webhook.call(nodeType, context) : await webhook.call(context);
		if (result.noWebhookResponse) return result;
		if (result.webhookResponse !== undefined) sendJson(res, 200, result.webhookResponse);
		else if (result.workflowData) sendJson(res, 200, { message: 'Workflow was started' });
		else sendJson(res, 200, { message: 'Webhook call received' });
		return result;
	}

	/** A webhook description's method and path may be expressions over the node's parameters. */
	private resolveWebhook(workflow: Workflow, node: INode, description: IWebhookDescription) {
		const value = <T>(raw: unknown, fallback: T) =>
			workflow.expression.getSimpleParameterValue(node, raw as string, 'webhook', {}, undefined, fallback as string) as T;
		return {
			httpMethod: String(value(description.httpMethod, 'POST')),
			path: String(value(description.path, '') ?? '').replace(/^\/+/, ''),
			isFullPath: Boolean(value(description.isFullPath, false)),
		};
	}

	private nextExecutionId(): string {
		return `exec-${++this.executionCounter}`;
	}

	private track(promise: Promise<unknown>): void {
		const tracked = promise.finally(() => this.inFlight.delete(tracked));
		this.inFlight.add(tracked);
	}

	private async execute(run: JourneyRun, mode: WorkflowExecuteMode): Promise<void> {
		const additionalData = this.additionalData(run.id, run.workflow, mode);
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

	private additionalData(executionId: string, workflow: Workflow, mode: WorkflowExecuteMode): IWorkflowExecuteAdditionalData {
		const workflowData = {
			id: workflow.id,
			name: workflow.name,
			nodes: Object.values(workflow.nodes),
			connections: workflow.connectionsBySourceNode,
			active: false,
			settings: workflow.settings,
		} as unknown as IWorkflowBase;
		const hooks = new this.core.ExecutionLifecycleHooks(mode, executionId, workflowData);
		hooks.addHandler('nodeExecuteAfter', (nodeName: string, taskData: ITaskData) => {
			this.timeline.add({
				at: this.isoNow(),
				executionId,
				kind: 'node',
				node: nodeName,
				outputs: (taskData.data?.main ?? []).map((items) => items?.length ?? 0),
				detail: taskData.error ? `error: ${taskData.error.message}` : undefined,
				task: taskData,
			});
		});
		const base = this.baseUrl;
		return {
			executionId,
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
