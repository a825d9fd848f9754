import type { ContractContext } from './context';
import { unique } from './context';

export function journeyRunsContract(ctx: ContractContext): void {
	describe('journey runs (where each execution began, for Journey Recovery)', () => {
		const item = (name: string) => ({ contact: { id: 'p-1', name }, visit: { id: 'v-1', start: '2030-01-01T09:00:00.000Z', version: 2 } });

		it('keeps the first record of an execution, whatever records it later, and concurrently', async () => {
			const executionId = unique('exec');
			await Promise.all(
				['Still booked?', 'Email reminder', 'Tag "no-show"'].map((node, index) =>
					ctx.store.recordJourneyRun({ executionId, workflowId: 'wf-1', node, item: item(`Anna ${index}`) }),
				),
			);
			const first = await ctx.store.getJourneyRun(executionId);
			expect(first).toMatchObject({ executionId, workflowId: 'wf-1' });
			await ctx.store.recordJourneyRun({ executionId, workflowId: 'wf-1', node: 'Later node', item: item('Changed') });
			expect(await ctx.store.getJourneyRun(executionId)).toEqual(first);
			// The item comes back as it was recorded, nested fields included.
			expect(first!.item).toEqual(item((first!.item.contact as { name: string }).name));
		});

		it('knows nothing of an execution it never recorded, and refuses an empty execution ID', async () => {
			expect(await ctx.store.getJourneyRun(unique('never'))).toBeNull();
			await expect(ctx.store.recordJourneyRun({ executionId: ' ', workflowId: 'wf-1', node: 'n', item: {} })).rejects.toThrow(/executionId/);
		});
	});
}
