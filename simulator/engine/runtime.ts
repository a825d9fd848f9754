/**
 * The pinned n8n runtime (runtime/, installed by scripts/runtime.mjs) supplies the real engine:
 * n8n-core's WorkflowExecute and n8n-nodes-base. Only the few members the harness uses are typed.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type {
	INode,
	INodeType,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	IWebhookData,
	IWebhookFunctions,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';

/** The package root: the folder above this file that holds the package's package.json. */
function findPackageRoot(start: string): string {
	for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
		const manifest = path.join(dir, 'package.json');
		if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'n8n-nodes-customer-journey') return dir;
	}
	throw new Error(`n8n-nodes-customer-journey's package.json not found above ${start}`);
}

export const repoRoot = findPackageRoot(__dirname);

/**
 * Where n8n-core and n8n-nodes-base come from: N8N_MODULES (an n8n installation's node_modules),
 * else this repository's pinned runtime (runtime/node_modules, installed by npm run runtime).
 */
export const runtimeModules = process.env.N8N_MODULES
	? path.resolve(process.env.N8N_MODULES)
	: path.join(repoRoot, 'runtime', 'node_modules');

declare global {
	// Set by test/support/n8n-environment.js under jest.
	var __cjRuntimeRequire: NodeJS.Require | undefined;
	var __cjOuterGlobal: typeof globalThis | undefined;
}

/**
 * Node's own require rooted in the runtime: n8n-core and n8n-nodes-base load outside jest's module
 * registry (they need require(esm)), once per worker, exactly as n8n loads them. Under jest,
 * 'n8n-workflow' in our sources maps to this same instance (test/support/n8n-workflow.js).
 */
export const runtimeRequire: NodeJS.Require =
	globalThis.__cjRuntimeRequire ?? createRequire(path.join(runtimeModules, 'n8n-core', 'package.json'));

/** Globals whose Date the virtual clock fakes: the test's and, under jest, the engine's realm. */
export function clockGlobals(): Array<typeof globalThis> {
	const outer = globalThis.__cjOuterGlobal;
	return outer && outer !== globalThis ? [globalThis, outer] : [globalThis];
}

export interface LifecycleHooks {
	// Each hook passes different arguments (see n8n-core's ExecutionLifecycleHookHandlers).
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	addHandler(hook: string, handler: (...args: any[]) => unknown): void;
}

export interface PackageLoader {
	loadAll(): Promise<void>;
	getNode(shortName: string): { type: INodeType | IVersionedNodeType };
	getCredential(type: string): { type: { name: string } };
	known: { nodes: Record<string, unknown>; credentials: Record<string, unknown> };
}

export interface N8nCore {
	WorkflowExecute: new (
		additionalData: IWorkflowExecuteAdditionalData,
		mode: WorkflowExecuteMode,
		data: IRunExecutionData,
	) => { processRunExecutionData(workflow: Workflow): Promise<IRun> };
	ExecutionLifecycleHooks: new (
		mode: WorkflowExecuteMode,
		executionId: string,
		workflowData: IWorkflowBase,
	) => LifecycleHooks;
	LazyPackageDirectoryLoader: new (directory: string) => PackageLoader;
	WebhookContext: new (
		workflow: Workflow,
		node: INode,
		additionalData: IWorkflowExecuteAdditionalData,
		mode: WorkflowExecuteMode,
		webhookData: IWebhookData,
		closeFunctions: unknown[],
		runExecutionData: IRunExecutionData | null,
	) => IWebhookFunctions;
}

export type N8nWorkflowModule = typeof import('n8n-workflow');

let core: N8nCore | undefined;

/** n8n-core writes an encryption key into N8N_USER_FOLDER when loaded: keep it out of ~/.n8n. */
export function loadCore(userFolder: string): N8nCore {
	if (!core) {
		process.env.N8N_USER_FOLDER ??= userFolder;
		core = runtimeRequire('n8n-core') as N8nCore;
	}
	return core;
}

export function loadWorkflowModule(): N8nWorkflowModule {
	return runtimeRequire('n8n-workflow') as N8nWorkflowModule;
}

export type { INode };
