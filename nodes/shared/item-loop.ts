/**
 * The per-item loop every node shares: parameters are read per item by the handler, each output
 * item is paired with its input item, bad input becomes a NodeOperationError naming the field and
 * the item, and "continue on fail" turns an item's error into an output item instead. Branching
 * nodes name the output errors go to: never the branch that sends or rewards, as n8n's If sends
 * errors to its false branch. ("Continue (using error output)" is n8n's own routing on top.)
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

export interface ItemResult {
	/** Index of the output the item goes to. */
	output: number;
	json: IDataObject;
}

interface FieldError extends Error {
	field?: string;
}

export function toNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): NodeOperationError | NodeApiError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	const cause: FieldError = error instanceof Error ? error : new Error(String(error));
	const field = cause.field ? `${cause.field}: ` : '';
	return new NodeOperationError(ctx.getNode(), `Item ${itemIndex}: ${field}${cause.message}`, {
		itemIndex,
		description: cause.field ? `Check the "${cause.field}" value of item ${itemIndex}.` : undefined,
	});
}

export async function processItems(
	ctx: IExecuteFunctions,
	outputCount: number,
	handle: (itemIndex: number, item: INodeExecutionData) => Promise<ItemResult | ItemResult[]>,
	options: { errorOutput?: number } = {},
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const outputs: INodeExecutionData[][] = Array.from({ length: outputCount }, () => []);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const results = await handle(itemIndex, items[itemIndex]);
			for (const result of Array.isArray(results) ? results : [results]) {
				outputs[result.output].push({ json: result.json, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			const nodeError = toNodeError(ctx, error, itemIndex);
			if (!ctx.continueOnFail()) throw nodeError;
			outputs[options.errorOutput ?? 0].push({ json: { error: nodeError.message }, pairedItem: { item: itemIndex } });
		}
	}
	return outputs;
}
