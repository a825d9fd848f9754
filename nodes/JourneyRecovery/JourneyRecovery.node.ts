import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { planRecovery } from '../../lib/journey/recovery';
import { journeyStoreConnectionTest, openJourneyStore } from '../shared/journey-store';
import { processItems } from '../shared/item-loop';
import { withParameterCache } from '../shared/parameter-cache';
import { journeyRecoveryProperties, NOT_RECOVERED, recoverySubtitle, STARTED_AGAIN } from './properties';

/** Claims each failed execution once, so an error delivered twice starts its journey once. */
const CLAIM_SOURCE = 'journeyRecovery';

export class JourneyRecovery implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Journey Recovery',
		name: 'journeyRecovery',
		icon: { light: 'file:journeyRecovery.svg', dark: 'file:journeyRecovery.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: `={{(${recoverySubtitle})($parameter)}}`,
		description: 'Start a journey again from its recorded start when n8n lost its execution with a worker (behind an Error Trigger)',
		defaults: { name: 'Journey Recovery' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Started Again' },
			{ type: NodeConnectionTypes.Main, displayName: 'Not Recovered' },
		],
		usableAsTool: true,
		// Written out (not the shared constant) so the lint rules can see the credential and its test.
		credentials: [{ name: 'journeyStoreApi', required: false, testedBy: 'journeyStoreConnectionTest' }],
		properties: journeyRecoveryProperties,
	};

	methods = { credentialTest: { journeyStoreConnectionTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const store = await openJourneyStore(this);
		const params = withParameterCache(this);
		const workflowId = String(this.getWorkflow().id ?? '');
		return await processItems(
			this,
			2,
			async (itemIndex, item) => {
				const failedExecutionId = String(params.getNodeParameter('executionId', itemIndex, '') ?? '').trim();
				if (!failedExecutionId) throw Object.assign(new Error('is empty: connect an Error Trigger, or map the ID of the failed execution'), { field: 'Failed Execution ID' });
				const plan = planRecovery({
					failedExecutionId,
					errorMessage: String(params.getNodeParameter('errorMessage', itemIndex, '') ?? ''),
					workflowId,
					run: await store.getJourneyRun(failedExecutionId),
					onlyLostRuns: params.getNodeParameter('onlyLostRuns', itemIndex, true) as boolean,
					maxAttempts: Number(params.getNodeParameter('maxAttempts', itemIndex, 3)),
					now: new Date().toISOString(),
				});
				if (plan.kind === 'skip') return { output: NOT_RECOVERED, json: { ...item.json, recovery: { started: false, reason: plan.reason } } };
				if (!(await store.claimEvent(CLAIM_SOURCE, failedExecutionId))) {
					const reason = `execution ${failedExecutionId} was started again already`;
					return { output: NOT_RECOVERED, json: { ...item.json, recovery: { started: false, reason } } };
				}
				return { output: STARTED_AGAIN, json: plan.item as IDataObject };
			},
			{ errorOutput: NOT_RECOVERED },
		);
	}
}
