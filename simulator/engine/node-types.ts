/**
 * Node and credential types for the harness: this package's nodes (as listed in package.json, so
 * a node missing there is missing here too) and n8n-nodes-base from the pinned runtime, under the
 * same type names n8n gives them when the package is installed as a community package.
 */
import fs from 'node:fs';
import path from 'node:path';
import type {
	ICredentialType,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';

import { loadWorkflowModule, repoRoot, runtimeModules, type N8nCore, type PackageLoader } from './runtime';

export const PACKAGE_NAME = 'n8n-nodes-customer-journey';
const BASE_PREFIX = 'n8n-nodes-base.';

interface PackageJson {
	n8n: { nodes: string[]; credentials: string[] };
}

/** Under ts-jest the TypeScript sources are loaded; elsewhere (simulator, bench) the built dist/. */
function modulePathFor(distPath: string): string {
	if (process.env.JEST_WORKER_ID) {
		return path.join(repoRoot, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	}
	return path.join(repoRoot, distPath);
}

function instantiateExports(file: string): unknown[] {
	// Node and credential files are found at run time (package.json lists them), so a dynamic require.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(file) as Record<string, new () => unknown>;
	return Object.values(exported)
		.filter((value) => typeof value === 'function')
		.map((Class) => new Class());
}

export class HarnessNodeTypes implements INodeTypes {
	private readonly ownNodes = new Map<string, INodeType | IVersionedNodeType>();

	readonly ownCredentials = new Map<string, ICredentialType>();

	private readonly baseLoader: PackageLoader;

	private constructor(core: N8nCore) {
		this.baseLoader = new core.LazyPackageDirectoryLoader(path.join(runtimeModules, 'n8n-nodes-base'));
	}

	static async create(core: N8nCore): Promise<HarnessNodeTypes> {
		const types = new HarnessNodeTypes(core);
		await types.baseLoader.loadAll();
		types.loadOwnPackage();
		return types;
	}

	private loadOwnPackage() {
		const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as PackageJson;
		for (const file of pkg.n8n.nodes) {
			for (const node of instantiateExports(modulePathFor(file)) as Array<INodeType | IVersionedNodeType>) {
				this.ownNodes.set(`${PACKAGE_NAME}.${node.description.name}`, node);
			}
		}
		for (const file of pkg.n8n.credentials) {
			for (const credential of instantiateExports(modulePathFor(file)) as ICredentialType[]) {
				this.ownCredentials.set(credential.name, credential);
			}
		}
	}

	ownNodeTypeNames(): string[] {
		return [...this.ownNodes.keys()];
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const own = this.ownNodes.get(nodeType);
		if (own) return own;
		if (nodeType.startsWith(BASE_PREFIX)) {
			return this.baseLoader.getNode(nodeType.slice(BASE_PREFIX.length)).type;
		}
		throw new Error(`Unknown node type "${nodeType}": not in this package's package.json nor in n8n-nodes-base`);
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return loadWorkflowModule().NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes() {
		return {};
	}

	getCredentialType(name: string): ICredentialType | undefined {
		const own = this.ownCredentials.get(name);
		if (own) return own;
		try {
			return this.baseLoader.getCredential(name).type as ICredentialType;
		} catch {
			return undefined;
		}
	}
}
