import type {
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeExecutionData,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { journeyStoreConnectionTest, openJourneyStore } from '../shared/journey-store';
import { openStoreForRun } from '../shared/journey-checkpoint';
import { processItems } from '../shared/item-loop';
import { withParameterCache } from '../shared/parameter-cache';
import { DOES_NOT_HAVE_TAG, tagContactProperties, tagOutputs, tagSubtitle } from './properties';
import { TagVocabulary } from './tag-names';
import { tagItem } from './tag-operations';

export class TagContact implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tag Contact',
		name: 'tagContact',
		icon: { light: 'file:tagContact.svg', dark: 'file:tagContact.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: `={{(${tagSubtitle})($parameter)}}`,
		description: 'Add, remove, replace or check tags of a contact in the Journey Store (e.g. "no-show", "active contact")',
		defaults: { name: 'Tag Contact' },
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{(${tagOutputs})($parameter)}}`,
		usableAsTool: true,
		// Written out (not the shared constant) so the lint rules can see the credential and its test.
		credentials: [{ name: 'journeyStoreApi', required: false, testedBy: 'journeyStoreConnectionTest' }],
		properties: tagContactProperties,
	};

	methods = {
		loadOptions: {
			async getTagNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const store = await openJourneyStore(this);
				return (await store.listTagNames()).map((tag) => ({ name: tag, value: tag }));
			},
		},
		credentialTest: { journeyStoreConnectionTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const store = await openStoreForRun(this);
		const vocabulary = new TagVocabulary(() => store.listTagNames());
		// Operation takes no expressions, so it is the same for every item and fixes the outputs.
		const checks = this.getNodeParameter('operation', 0) === 'hasTag';
		const params = withParameterCache(this);
		return await processItems(this, checks ? 2 : 1, (itemIndex, item) => tagItem(params, store, vocabulary, itemIndex, item), {
			errorOutput: checks ? DOES_NOT_HAVE_TAG : 0,
		});
	}
}
