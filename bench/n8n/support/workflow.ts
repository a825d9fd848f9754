/** Workflow JSON for n8n's import: nodes in a line, connected output 0 → input 0 unless told otherwise. */
export const PACKAGE = 'n8n-nodes-customer-journey';

export interface BenchNode {
	name: string;
	type: string;
	typeVersion?: number;
	parameters: Record<string, unknown>;
	webhookId?: string;
	credentials?: Record<string, { id: string; name: string }>;
}

/** `edges`: [from, to, fromOutput?]; without edges the nodes are chained in order. */
export function workflow(id: string, name: string, nodes: BenchNode[], edges?: Array<[string, string, number?]>): object {
	const chain = edges ?? nodes.slice(1).map((node, index) => [nodes[index].name, node.name, 0] as [string, string, number]);
	const connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }> = {};
	for (const [from, to, output = 0] of chain) {
		const main = (connections[from] ??= { main: [] }).main;
		while (main.length <= output) main.push([]);
		main[output].push({ node: to, type: 'main', index: 0 });
	}
	return {
		id,
		name,
		active: false,
		nodes: nodes.map((node, index) => ({
			id: `${id}-${index}`,
			typeVersion: 1,
			position: [index * 240, 0],
			...node,
		})),
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** n8n's Webhook node (POST, answering as soon as it is received). */
export function stockWebhook(name: string, webhookPath: string): BenchNode {
	return {
		name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: `bench-${webhookPath}`,
		parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
	};
}

export const noOp = (name = 'Done'): BenchNode => ({ name, type: 'n8n-nodes-base.noOp', parameters: {} });

/** n8n's Webhook node takes its path as the full path; other trigger nodes' paths sit under their webhookId. */
export const webhookUrl = (base: string, node: BenchNode) =>
	node.type === 'n8n-nodes-base.webhook' ? `${base}/webhook/${String(node.parameters.path)}` : `${base}/webhook/${node.webhookId}/${String(node.parameters.path)}`;
