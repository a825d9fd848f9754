import type {
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodeListSearchResult,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { journeyStoreConnectionTest, openJourneyStore } from '../shared/journey-store';
import { openStoreForRun } from '../shared/journey-checkpoint';
import { processItemRuns, processItems } from '../shared/item-loop';
import { withParameterCache } from '../shared/parameter-cache';
import { countRun } from './batch-add';
import { countItem } from './counter-operations';
import { counterOutputs, counterSubtitle, loyaltyCounterProperties, NOT_YET } from './properties';

export class LoyaltyCounter implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Loyalty Counter',
		name: 'loyaltyCounter',
		icon: { light: 'file:loyaltyCounter.svg', dark: 'file:loyaltyCounter.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: `={{(${counterSubtitle})($parameter)}}`,
		description: 'Count visits or points per contact exactly once per visit, and branch when a milestone is reached',
		defaults: { name: 'Loyalty Counter' },
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{(${counterOutputs})($parameter)}}`,
		usableAsTool: true,
		// Written out (not the shared constant) so the lint rules can see the credential and its test.
		credentials: [{ name: 'journeyStoreApi', required: false, testedBy: 'journeyStoreConnectionTest' }],
		properties: loyaltyCounterProperties,
	};

	methods = {
		listSearch: {
			async searchCounters(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
				const store = await openJourneyStore(this);
				const needle = filter?.trim().toLowerCase() ?? '';
				const names = (await store.listCounterNames()).filter((name) => name.toLowerCase().includes(needle));
				return { results: names.map((name) => ({ name, value: name })) };
			},
		},
		credentialTest: { journeyStoreConnectionTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const store = await openStoreForRun(this);
		// Operation and milestone take no expressions, so they are the same for every item and fix the outputs.
		const branches = this.getNodeParameter('operation', 0) !== 'reset' && this.getNodeParameter('milestone', 0, 'none') !== 'none';
		const params = withParameterCache(this);
		const options = { errorOutput: branches ? NOT_YET : 0 };
		if (this.getNodeParameter('operation', 0) === 'add') {
			return await processItemRuns(this, branches ? 2 : 1, (start, items) => countRun(params, store, start, items), options);
		}
		return await processItems(this, branches ? 2 : 1, (itemIndex, item) => countItem(params, store, itemIndex, item), options);
	}
}
