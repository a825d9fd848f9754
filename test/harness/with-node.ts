import type { IDataObject } from 'n8n-workflow';

import type { WorkflowJson } from '../../simulator/engine';

/** A copy of the workflow with some parameters (and node settings such as onError) of one node changed. */
export function withNode(
	workflow: WorkflowJson,
	nodeName: string,
	parameters: IDataObject,
	settings: Partial<WorkflowJson['nodes'][number]> = {},
): WorkflowJson {
	const copy = structuredClone(workflow);
	const node = copy.nodes.find((candidate) => candidate.name === nodeName);
	if (!node) throw new Error(`no node "${nodeName}" in ${workflow.name}`);
	Object.assign(node.parameters, parameters);
	Object.assign(node, settings);
	return copy;
}
