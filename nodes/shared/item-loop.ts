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

/** What became of one item: its result(s), or the error it failed with. */
export type ItemOutcome = ItemResult | ItemResult[] | ItemFailure;

export interface ItemFailure {
	failure: unknown;
}

const isFailure = (outcome: ItemOutcome): outcome is ItemFailure => 'failure' in outcome;

/** Runs one item's handler, its error as a value. */
export const settleItem = (result: Promise<ItemResult | ItemResult[]>): Promise<ItemOutcome> =>
	result.catch((failure: unknown) => ({ failure }));

export async function processItems(
	ctx: IExecuteFunctions,
	outputCount: number,
	handle: (itemIndex: number, item: INodeExecutionData) => Promise<ItemResult | ItemResult[]>,
	options: { errorOutput?: number } = {},
): Promise<INodeExecutionData[][]> {
	return processItemRuns(
		ctx,
		outputCount,
		async (start, items) => {
			try {
				return [await handle(start, items[start])];
			} catch (failure) {
				return [{ failure }];
			}
		},
		options,
	);
}

/**
 * processItems for handlers that work on runs of consecutive items at once: handleRun(start)
 * handles items from `start` on and returns the outcome of each item it handled, in order (at
 * least one). A run must end at its first failed item, with nothing after it written, so that
 * without "continue on fail" the node stops exactly where the one-by-one loop would.
 */
export async function processItemRuns(
	ctx: IExecuteFunctions,
	outputCount: number,
	handleRun: (start: number, items: INodeExecutionData[]) => Promise<ItemOutcome[]>,
	options: { errorOutput?: number } = {},
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const outputs: INodeExecutionData[][] = Array.from({ length: outputCount }, () => []);
	for (let itemIndex = 0; itemIndex < items.length; ) {
		const outcomes = await handleRun(itemIndex, items);
		if (outcomes.length === 0) throw new Error(`a run from item ${itemIndex} handled no item`);
		for (const outcome of outcomes) {
			if (isFailure(outcome)) {
				const nodeError = toNodeError(ctx, outcome.failure, itemIndex);
				if (!ctx.continueOnFail()) throw nodeError;
				outputs[options.errorOutput ?? 0].push({ json: { error: nodeError.message }, pairedItem: { item: itemIndex } });
			} else {
				for (const result of Array.isArray(outcome) ? outcome : [outcome]) {
					outputs[result.output].push({ json: result.json, pairedItem: { item: itemIndex } });
				}
			}
			itemIndex++;
		}
	}
	return outputs;
}
