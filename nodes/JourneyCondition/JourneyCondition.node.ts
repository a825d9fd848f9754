import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError, UnexpectedError } from 'n8n-workflow';

import { toNodeError } from '../shared/item-loop';
import { journeyStoreConnectionTest, journeyStoreCredential, openJourneyStore } from '../shared/journey-store';
import { openStoreForRun } from '../shared/journey-checkpoint';
import type { Evaluation } from './checks/types';
import { evaluate, WAITABLE } from './evaluate';
import { conditionOutputNames, conditionOutputs, conditionSubtitle } from './outputs';
import { ItemParameters } from './params';
import { journeyConditionProperties } from './properties';
import { parkUntilEvent, registerWaiter, routedItem, type Routed } from './wait-for-event';

const FAN_OUT =
	'"Wait for It" pauses the whole execution, so it needs one item per execution. Put an Execute Workflow node (mode "Run once for each item") before this node, with this node in the sub-workflow.';

/** The check and the outputs it gives; the check takes no expressions, so item 0 decides. */
function outputNamesOf(read: (name: string) => unknown) {
	const check = String(read('check'));
	const messageStatus = check === 'message' ? String(read('messageStatus')) : undefined;
	return { check, names: conditionOutputNames({ check, messageStatus }) };
}

function routeBy(names: string[], check: string, item: INodeExecutionData, index: number) {
	return (evaluation: Evaluation): Routed => {
		const output = names.indexOf(evaluation.outcome);
		if (output < 0) throw new UnexpectedError(`no output "${evaluation.outcome}" for the check ${check}`);
		return { output, item: routedItem(item, index, { check, outcome: evaluation.outcome, reason: evaluation.reason }) };
	};
}

export class JourneyCondition implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Attendance/Survey Condition',
		name: 'journeyCondition',
		icon: { light: 'file:journeyCondition.svg', dark: 'file:journeyCondition.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: `={{(${conditionSubtitle})($parameter)}}`,
		description:
			'Branch a journey on attendance, a survey, the status of an earlier message, a tag, a counter, a custom field, a date, or whether the visit is still current; optionally wait for the event',
		defaults: { name: 'Attendance/Survey Condition' },
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{(${conditionOutputs})($parameter)}}`,
		usableAsTool: true,
		credentials: [{ ...journeyStoreCredential }],
		webhooks: [{ name: 'default', httpMethod: 'POST', path: '', restartWebhook: true, responseMode: 'onReceived' }],
		waitingNodeTooltip: '=Execution will continue when the awaited event arrives, or on the first output when the wait time is over',
		properties: journeyConditionProperties,
	};

	methods = {
		loadOptions: {
			async getTagNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const store = await openJourneyStore(this);
				return (await store.listTagNames()).map((name) => ({ name, value: name }));
			},
			async getCounterNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const store = await openJourneyStore(this);
				return (await store.listCounterNames()).map((name) => ({ name, value: name }));
			},
		},
		credentialTest: { journeyStoreConnectionTest },
	};

	// The resume webhook is per execution ($execution.resumeUrl): nothing to register on activation.
	webhookMethods = {
		default: {
			async checkExists(): Promise<boolean> {
				return true;
			},
			async create(): Promise<boolean> {
				return true;
			},
			async delete(): Promise<boolean> {
				return true;
			},
		},
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { check, names } = outputNamesOf((name) => this.getNodeParameter(name, 0));
		// Errors under "continue on fail" go where nothing is sent or rewarded: the first output of a
		// check that can wait ("not yet"), else the second (Stale, Does Not Have Tag, False).
		const safeOutput = WAITABLE.has(check) ? 0 : 1;
		const store = await openStoreForRun(this);
		const items = this.getInputData();
		const outputs: INodeExecutionData[][] = names.map(() => []);
		for (let index = 0; index < items.length; index++) {
			try {
				const parameters = new ItemParameters((name, fallback) => this.getNodeParameter(name, index, fallback), this.getTimezone());
				const route = routeBy(names, check, items[index], index);
				const evaluation = await evaluate(check, parameters, store);
				const hours = WAITABLE.has(check) && parameters.get('waitForEvent', false) === true ? parameters.number('waitHours', 'Wait Up To (Hours)') : 0;
				if (!evaluation.waitFor || hours <= 0) {
					const routed = route(evaluation);
					outputs[routed.output].push(routed.item);
					continue;
				}
				if (items.length > 1) {
					throw new NodeOperationError(this.getNode(), `Item ${index}: needs to wait for an event, but the execution holds ${items.length} items`, {
						itemIndex: index,
						description: FAN_OUT,
					});
				}
				const item = { index, data: items[index], check, hours, target: evaluation.waitFor };
				const routed = await parkUntilEvent(this, store, item, () => evaluate(check, parameters, store), route, names[0]);
				outputs[routed.output].push(routed.item);
			} catch (error) {
				const nodeError = toNodeError(this, error, index);
				if (!this.continueOnFail()) throw nodeError;
				outputs[safeOutput].push({ json: { error: nodeError.message }, pairedItem: { item: index } });
			}
		}
		return outputs;
	}

	/**
	 * Called through the execution's resume URL when an awaited event arrived. n8n resolves the
	 * parameters against the parked item here. The check is made again on the Journey Store: when it
	 * now holds, the run continues on that output (n8n forwards every output of a webhook resume);
	 * when it still does not (an event for another message, a waiter left by an earlier step), no
	 * workflow data is returned, so n8n keeps the execution waiting, and the waiter is registered again.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const { check, names } = outputNamesOf((name) => this.getNodeParameter(name));
		const store = await openJourneyStore(this);
		const parked = { json: this.evaluateExpression('{{ $json }}', 0) as IDataObject };
		const parameters = new ItemParameters((name, fallback) => this.getNodeParameter(name, fallback), this.getTimezone());
		const evaluation = await evaluate(check, parameters, store);
		const waitedUntil = (parked.json.condition as IDataObject | undefined)?.waitedUntil;
		if (evaluation.waitFor && evaluation.outcome === names[0] && typeof waitedUntil === 'string' && Date.parse(waitedUntil) > Date.now()) {
			await registerWaiter(this, store, evaluation.waitFor, waitedUntil, 0);
			return { webhookResponse: { resumed: false, reason: evaluation.reason } };
		}
		const routed = routeBy(names, check, parked, 0)(evaluation);
		// The event that woke the run (posted by the Journey Event / Visit Trigger), e.g. a reply's text for a staff task.
		const body = this.getBodyData();
		const event = body.event as IDataObject | undefined;
		if (event) {
			const woken = { type: event.type, intent: event.intent ?? null, channel: event.channel ?? null, occurredAt: event.occurredAt, text: body.text ?? null };
			routed.item.json = { ...routed.item.json, condition: { ...(routed.item.json.condition as IDataObject), event: woken } };
		}
		const workflowData: INodeExecutionData[][] = names.map(() => []);
		workflowData[routed.output].push(routed.item);
		return { workflowData };
	}
}
