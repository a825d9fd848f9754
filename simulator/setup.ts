/** Before a run: is n8n there, is the zone real, which node gets the input. */
import fs from 'node:fs';
import path from 'node:path';
import type { INode } from 'n8n-workflow';
import { IANAZone } from 'luxon';

import type { JourneyHarness, WorkflowJson } from './engine';
import { runtimeModules } from './engine/runtime';
import { SimulationInputError } from './events';

export class SimulationSetupError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SimulationSetupError';
	}
}

export function assertRuntime(): void {
	for (const name of ['n8n-core', 'n8n-nodes-base', 'n8n-workflow']) {
		if (fs.existsSync(path.join(runtimeModules, name, 'package.json'))) continue;
		throw new SimulationSetupError(
			`n8n not found: ${runtimeModules} has no ${name}. The simulator runs workflows on n8n's own engine: ` +
				'set N8N_MODULES to the node_modules folder of an n8n 2.x installation ' +
				'(e.g. N8N_MODULES="$(npm root -g)/n8n/node_modules" after npm install -g n8n), or pass --n8n-modules <folder>.',
		);
	}
}

export function checkZone(zone: string, where: string): string {
	if (!IANAZone.isValidZone(zone)) throw new SimulationInputError(`${where}: unknown time zone ${JSON.stringify(zone)} (expected an IANA name such as Europe/Warsaw)`);
	return zone;
}

function isTrigger(h: JourneyHarness, node: INode): boolean {
	const description = h.nodeTypes.getByNameAndVersion(node.type, node.typeVersion).description;
	return description.group.includes('trigger') || (Array.isArray(description.inputs) && description.inputs.length === 0);
}

export function findTrigger(h: JourneyHarness, workflow: WorkflowJson, name?: string): INode {
	const nodes = workflow.nodes.filter((node) => !node.disabled && node.type !== 'n8n-nodes-base.stickyNote');
	const triggers = nodes.filter((node) => isTrigger(h, node));
	if (name) {
		const named = nodes.find((node) => node.name === name);
		if (!named) throw new SimulationInputError(`no node named "${name}" (triggers: ${triggers.map((t) => `"${t.name}"`).join(', ') || 'none'})`);
		return named;
	}
	if (!triggers.length) throw new SimulationInputError('the workflow has no trigger node to give the input to');
	return triggers[0];
}
