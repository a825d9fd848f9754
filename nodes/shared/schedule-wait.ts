/**
 * Pausing an execution the way n8n's Wait node does, for Quiet-Hours Delay and the Condition's
 * "wait for it".
 */
import type { IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

/** Below this n8n's WaitTracker (polling every 60 s) could resume late: wait in process instead. */
const IN_PROCESS_LIMIT_MS = 65_000;

/**
 * Makes a later resume carry `outgoing` (e.g. items with `schedule` added).
 *
 * On a timed resume n8n does not run the waiting node again: n8n-core re-runs the parked stack
 * entry with the node disabled, which passes the entry's input to output 0. `getInputData()`
 * returns that entry's own array (n8n-core copies the items into a fresh array when the node
 * starts, in addPairedItemLineage), and the entry is saved with the execution when it parks. So
 * replacing the array's entries — never mutating the json objects, which the previous node's
 * output shares — puts `outgoing` on output 0 at wake-up. The engine tests assert this.
 */
export function carryIntoResume(ctx: IExecuteFunctions, outgoing: INodeExecutionData[]): void {
	const parked = ctx.getInputData();
	for (const item of outgoing) {
		const paired = (Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem) as IPairedItemData | undefined;
		if (paired === undefined || typeof paired !== 'object') throw new Error('carryIntoResume: an item without pairedItem');
		parked[paired.item] = item;
	}
}

/**
 * Waits until `until` (epoch ms): in process for short waits (cancellable, as n8n's Wait node),
 * otherwise parks the execution in n8n's database until then.
 */
export async function waitUntil(ctx: IExecuteFunctions, until: Date): Promise<void> {
	const ms = until.getTime() - Date.now();
	if (ms <= 0) return;
	if (ms < IN_PROCESS_LIMIT_MS) {
		await new Promise<void>((resolve) => {
			const timer = setTimeout(resolve, ms);
			ctx.onExecutionCancellation(() => {
				clearTimeout(timer);
				resolve();
			});
		});
		return;
	}
	await ctx.putExecutionToWait(until);
}
