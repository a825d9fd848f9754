/**
 * The Visit and Journey Event Triggers' URLs as n8n's backend works them out without its expression
 * engine (the user's parameters hold no expression) are exactly the URLs the engine gives for the
 * editor's templates; and a Path that is itself an expression still goes through the engine.
 */
import {
	resolveWebhookDescriptionField,
	webhookDescriptionIsNativelyResolvable,
	Workflow,
	type INode,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWebhookDescription,
} from 'n8n-workflow';

import { JourneyEventTrigger } from '../../../nodes/JourneyEventTrigger/JourneyEventTrigger.node';
import { VisitTrigger } from '../../../nodes/VisitTrigger/VisitTrigger.node';

const triggers: INodeType[] = [new VisitTrigger(), new JourneyEventTrigger()];
const typeOf = (name: string) => triggers.find((trigger) => trigger.description.name === name)!;
const nodeTypes: INodeTypes = { getByName: typeOf, getByNameAndVersion: typeOf, getKnownTypes: () => ({}) };

/** The node as n8n's Workflow holds it (parameter defaults applied), and that workflow. */
function placed(trigger: INodeType, typeVersion: number, parameters: INodeParameters): { node: INode; workflow: Workflow } {
	const node: INode = { id: 'n1', name: 'Trigger', type: trigger.description.name, typeVersion, position: [0, 0], parameters };
	const workflow = new Workflow({ id: 'w1', nodes: [node], connections: {}, active: true, nodeTypes });
	return { node: workflow.getNode('Trigger')!, workflow };
}

const byEngine = (workflow: Workflow, node: INode, hook: IWebhookDescription) =>
	workflow.expression.getSimpleParameterValue(node, hook.path, 'internal', {});

describe.each(triggers.map((trigger) => [trigger.description.displayName, trigger] as const))('%s URLs', (_name, trigger) => {
	const hooks = trigger.description.webhooks!;
	const versions = trigger.description.version as number[];

	it('need no expression engine when the parameters are plain values, and match what the engine gives', () => {
		for (const typeVersion of versions) {
			for (const parameters of [{}, { path: 'clinic-centrum/bookings' }]) {
				const { node, workflow } = placed(trigger, typeVersion, parameters);
				for (const hook of hooks) {
					expect(webhookDescriptionIsNativelyResolvable(hook)).toBe(true);
					const native = resolveWebhookDescriptionField(node, hook, 'path');
					expect(native).toEqual({ resolved: true, value: byEngine(workflow, node, hook) });
				}
			}
		}
	});

	it('leave a Path written as an expression to the engine', () => {
		const { node, workflow } = placed(trigger, 2, { path: '={{ "clinic-" + "north" }}' });
		for (const hook of hooks) {
			expect(resolveWebhookDescriptionField(node, hook, 'path')).toEqual({ resolved: false });
			expect(String(byEngine(workflow, node, hook))).toMatch(/^clinic-north(\/|$)/);
		}
	});

	it('start new nodes at typeVersion 2, the one for which n8n evaluates no expression per request', () => {
		expect(trigger.description.defaultVersion).toBe(2);
		expect(versions).toEqual([1, 2]);
	});
});
