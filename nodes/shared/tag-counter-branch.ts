/**
 * processItems for nodes that branch (Has Tag / Does Not Have Tag, Milestone Reached / Not Yet):
 * with "continue on fail" an item's error goes to the given output, as n8n's If node sends errors
 * to its false branch, never to the branch that triggers a reward. With "continue (using error
 * output)" n8n itself moves these items to the error output.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { processItems, toNodeError, type ItemResult } from './item-loop';

export async function processBranchedItems(
	ctx: IExecuteFunctions,
	outputCount: number,
	errorOutput: number,
	handle: (itemIndex: number, item: INodeExecutionData) => Promise<ItemResult>,
): Promise<INodeExecutionData[][]> {
	return processItems(ctx, outputCount, async (itemIndex, item) => {
		try {
			return await handle(itemIndex, item);
		} catch (error) {
			const nodeError = toNodeError(ctx, error, itemIndex);
			if (!ctx.continueOnFail()) throw nodeError;
			return { output: errorOutput, json: { error: nodeError.message } };
		}
	});
}
