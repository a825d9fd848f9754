import type { IDataObject, ILoadOptionsFunctions, INodeExecutionData, INodePropertyOptions, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type { VisitStatus } from '../../lib/store';
import { DAYS_PER_MONTH, findDueRecalls } from '../../lib/webhooks';
import { journeyStoreConnectionTest, journeyStoreCredential, openJourneyStore } from '../shared/journey-store';
import { recallSubtitle, recallTriggerProperties } from './recall-properties';

const DAYS_PER_UNIT: Record<string, number> = { days: 1, weeks: 7, months: DAYS_PER_MONTH };

export class RecallTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Recall Due Trigger',
		name: 'recallTrigger',
		icon: { light: 'file:recallTrigger.svg', dark: 'file:recallTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		polling: true,
		subtitle: `={{(${recallSubtitle})($parameter)}}`,
		description:
			'Starts a journey for each contact whose last visit of a service ended a set time ago and who has not booked again (recurring visit, check-up invitation)',
		defaults: { name: 'Recall Due Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ ...journeyStoreCredential }],
		properties: recallTriggerProperties,
	};

	methods = {
		loadOptions: {
			async getServices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const store = await openJourneyStore(this);
				return (await store.listServices()).map((service) => ({ name: service, value: service }));
			},
			async getTagNames(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const store = await openJourneyStore(this);
				return (await store.listTagNames()).map((tag) => ({ name: tag, value: tag }));
			},
		},
		credentialTest: { journeyStoreConnectionTest },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const reminder = String(this.getNodeParameter('reminder', '')).trim();
		if (!reminder) throw new NodeOperationError(this.getNode(), 'Reminder Name is empty', { description: 'Recalls are remembered per reminder name.' });
		const amount = this.getNodeParameter('delayAmount', 6) as number;
		const unit = this.getNodeParameter('delayUnit', 'months') as string;
		const store = await openJourneyStore(this);
		const items = await findDueRecalls(store, {
			reminder,
			services: this.getNodeParameter('services', []) as string[],
			delayDays: amount * (DAYS_PER_UNIT[unit] ?? 1),
			catchUpDays: this.getNodeParameter('catchUpDays', 7) as number,
			statuses: this.getNodeParameter('statuses', []) as VisitStatus[],
			excludeTags: this.getNodeParameter('excludeTags', []) as string[],
			now: new Date().toISOString(),
			preview: this.getMode() === 'manual',
		});
		return items.length ? [this.helpers.returnJsonArray(items as unknown as IDataObject[])] : null;
	}
}
