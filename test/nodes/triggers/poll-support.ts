/**
 * Runs a polling trigger's poll() once, as n8n's ActiveWorkflows does on each tick: n8n-core's
 * PollContext over the workflow, with the harness's injected credentials. (The harness itself
 * drives webhooks and waits; polling is this small addition for the Recall Due Trigger.)
 */
import type { ICredentialDataDecryptedObject, INodeExecutionData, INodeType, IPollFunctions, IWorkflowExecuteAdditionalData, Workflow, WorkflowExecuteMode } from 'n8n-workflow';

import type { JourneyHarness, WorkflowJson } from '../../harness';
import { createCredentialsHelper } from '../../../simulator/engine/credentials';
import { loadWorkflowModule, runtimeRequire } from '../../../simulator/engine/runtime';

type PollContextClass = new (
	workflow: Workflow,
	node: WorkflowJson['nodes'][number],
	additionalData: IWorkflowExecuteAdditionalData,
	mode: WorkflowExecuteMode,
	activation: string,
) => IPollFunctions;

export async function pollOnce(
	h: JourneyHarness,
	json: WorkflowJson,
	nodeName: string,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	mode: WorkflowExecuteMode = 'trigger',
): Promise<INodeExecutionData[][] | null> {
	const { Workflow: WorkflowClass } = loadWorkflowModule();
	const workflow = new WorkflowClass({ id: 'recall', nodes: structuredClone(json.nodes), connections: json.connections, active: true, nodeTypes: h.nodeTypes });
	const node = workflow.getNode(nodeName)!;
	const additionalData = { credentialsHelper: createCredentialsHelper(credentials, h.nodeTypes), variables: {} } as unknown as IWorkflowExecuteAdditionalData;
	const { PollContext } = runtimeRequire('n8n-core') as { PollContext: PollContextClass };
	const context = new PollContext(workflow, node, additionalData, mode, 'trigger');
	const nodeType = h.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
	return await nodeType.poll!.call(context);
}
