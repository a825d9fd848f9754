/**
 * Journey Recovery in the real engine: the journey workflow holds an Error Trigger → Journey
 * Recovery → the journey's first node, as n8n runs it (as its own error workflow) when an
 * execution fails. n8n's loss of a run with its worker is what no engine here can stage: the
 * queue-mode test (test/queue) kills a real worker; here the Error Trigger gets n8n's item.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { JourneyHarness, type WorkflowJson } from '../../harness';
import { closeAllStores, type JourneyStore } from '../../../lib/store';
import { SEND_NODE, journeyItem, messageOf, sendWorkflow, storeAt, tempSqlitePath } from '../send/support';

const LOST = 'This execution failed to be processed too many times and will no longer retry. To allow this execution to complete, please break down your workflow or scale up your workers or adjust your worker settings.';
const RECOVERY = 'Journey Recovery';
const GAVE_UP = 'Not recovered';

/** The Send fixture (Outbox, email) with the recovery path wired back into the send. */
function journeyWithRecovery(recoveryParameters: INodeParameters = {}): WorkflowJson {
	const workflow = sendWorkflow({ channelPolicy: 'emailOnly', messageSource: 'custom', subject: 'Visit', text: 'Your visit at {time}.' });
	workflow.id = 'wf-dental';
	const node = (name: string, type: string, parameters: INodeParameters, x: number) => ({ id: `id-${name}`, name, type, typeVersion: 1, position: [x, 300] as [number, number], parameters });
	workflow.nodes.push(
		node('Error Trigger', 'n8n-nodes-base.errorTrigger', {}, 0),
		{ ...node(RECOVERY, 'n8n-nodes-customer-journey.journeyRecovery', recoveryParameters, 240), credentials: { journeyStoreApi: { id: '1', name: 'Journey Store' } } },
		node(GAVE_UP, 'n8n-nodes-base.noOp', {}, 480),
	);
	workflow.connections['Error Trigger'] = { main: [[{ node: RECOVERY, type: 'main', index: 0 }]] };
	workflow.connections[RECOVERY] = { main: [[{ node: SEND_NODE, type: 'main', index: 0 }], [{ node: GAVE_UP, type: 'main', index: 0 }]] };
	return workflow;
}

/** What n8n's Error Trigger emits for a failed execution of this workflow. */
const failure = (executionId: string, message = LOST, workflowId = 'wf-dental') => ({
	json: { execution: { id: executionId, error: { message }, lastNodeExecuted: SEND_NODE, mode: 'webhook' }, workflow: { id: workflowId, name: 'Dental' } },
});

describe('Journey Recovery (real engine, SQLite Journey Store)', () => {
	let harness: JourneyHarness;
	let store: JourneyStore;
	let sqlitePath: string;

	beforeEach(async () => {
		sqlitePath = tempSqlitePath();
		harness = await JourneyHarness.create({ start: '2027-04-13T08:00:00Z', credentials: { journeyStoreApi: { type: 'sqlite', sqlitePath } } });
		store = await storeAt(sqlitePath);
	});

	afterEach(async () => {
		await harness.dispose();
		await closeAllStores();
	});

	const recover = (executionId: string, workflow = journeyWithRecovery(), error = failure(executionId)) =>
		harness.start(workflow, { startNode: 'Error Trigger', items: [error] });

	it('starts a journey lost before its send again from where it began: the reminder goes out once', async () => {
		// The journey reached its first Customer Journey node (which recorded its start), then its worker died.
		await store.recordJourneyRun({ executionId: 'exec-7', workflowId: 'wf-dental', node: 'Still booked?', item: journeyItem() });

		const run = await recover('exec-7');
		expect(run.status).toBe('success');
		const [sent] = harness.output(run, SEND_NODE, 0);
		expect(messageOf(sent)).toMatchObject({ status: 'outbox', channel: 'email', to: 'anna@example.com' });
		expect(sent.json.contact).toEqual(journeyItem().contact);
		expect(sent.json.recovery).toMatchObject({ failedExecutionId: 'exec-7', attempt: 1, error: LOST, recordedBy: 'Still booked?' });
		expect(harness.output(run, GAVE_UP, 0)).toEqual([]);
	});

	it('sends nothing twice when the lost run had sent already, and starts a journey once however often n8n reports it', async () => {
		const first = await harness.start(journeyWithRecovery(), { items: [{ json: journeyItem() }], executionId: 'exec-8' });
		const original = messageOf(harness.output(first, SEND_NODE, 0)[0]);
		// The send node recorded the journey's start before sending.
		expect(await store.getJourneyRun('exec-8')).toMatchObject({ workflowId: 'wf-dental', node: SEND_NODE, item: journeyItem() });

		const again = await recover('exec-8');
		const replayed = messageOf(harness.output(again, SEND_NODE, 0)[0]);
		expect(replayed).toMatchObject({ status: 'duplicate suppressed', idempotencyKey: original.idempotencyKey });

		const twice = await recover('exec-8');
		expect(harness.output(twice, SEND_NODE, 0)).toEqual([]);
		expect(harness.output(twice, GAVE_UP, 0)[0].json.recovery).toEqual({ started: false, reason: 'execution exec-8 was started again already' });
	});

	it('leaves runs that failed in a node, unknown runs, other workflows\' runs and journeys lost too often to "Not Recovered"', async () => {
		await store.recordJourneyRun({ executionId: 'exec-9', workflowId: 'wf-dental', node: SEND_NODE, item: journeyItem() });
		await store.recordJourneyRun({ executionId: 'exec-10', workflowId: 'wf-other', node: SEND_NODE, item: journeyItem() });
		await store.recordJourneyRun({ executionId: 'exec-11', workflowId: 'wf-dental', node: SEND_NODE, item: { ...journeyItem(), recovery: { attempt: 2 } } });
		const reasonFor = async (executionId: string, error = failure(executionId), parameters: INodeParameters = {}) => {
			const run = await recover(executionId, journeyWithRecovery(parameters), error);
			expect(harness.output(run, SEND_NODE, 0)).toEqual([]);
			return (harness.output(run, GAVE_UP, 0)[0].json.recovery as IDataObject).reason;
		};
		expect(await reasonFor('exec-9', failure('exec-9', 'SMTP: 550 mailbox unavailable'))).toMatch(/failed in a node/);
		expect(await reasonFor('exec-404')).toMatch(/no journey start is recorded for execution exec-404/);
		expect(await reasonFor('exec-10')).toMatch(/belongs to workflow wf-other/);
		expect(await reasonFor('exec-11', failure('exec-11'), { maxAttempts: 2 })).toMatch(/lost 3 times, more than the 2 allowed/);
		// Told to, it also starts again a run that failed in a node (regular mode's crash message included).
		const run = await recover('exec-9', journeyWithRecovery({ onlyLostRuns: false }), failure('exec-9', 'SMTP: 550 mailbox unavailable'));
		expect(messageOf(harness.output(run, SEND_NODE, 0)[0]).status).toBe('outbox');
	});

	it('names the field and the item when the failed execution ID is missing', async () => {
		const run = await recover('', journeyWithRecovery(), { json: { execution: { error: { message: LOST } }, workflow: { id: 'wf-dental' } } } as never);
		expect(run.status).toBe('error');
		expect(run.errorMessage).toBe('Item 0: Failed Execution ID: is empty: connect an Error Trigger, or map the ID of the failed execution');
	});
});
