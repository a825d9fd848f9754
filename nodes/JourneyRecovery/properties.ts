import type { INodeProperties } from 'n8n-workflow';

export const STARTED_AGAIN = 0;
export const NOT_RECOVERED = 1;

/** E.g. "lost runs · up to 3 times". Stringified into an expression: keep it self-contained. */
export function recoverySubtitle(parameters: { onlyLostRuns?: boolean; maxAttempts?: number }) {
	const which = parameters.onlyLostRuns === false ? 'every failed run' : 'lost runs';
	return which + ' · up to ' + String(parameters.maxAttempts ?? 3) + ' times';
}

export const journeyRecoveryProperties: INodeProperties[] = [
	{
		displayName:
			'Put an <b>Error Trigger</b> and this node into the journey workflow itself, and connect "Started Again" to the node right after the journey\'s trigger. n8n then runs this when an execution of the journey fails.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Failed Execution ID',
		name: 'executionId',
		type: 'string',
		default: '={{ $json.execution.id }}',
		required: true,
		description: 'The execution to recover. The Error Trigger gives it as execution.ID.',
	},
	{
		displayName: 'Error Message',
		name: 'errorMessage',
		type: 'string',
		default: '={{ $json.execution.error.message }}',
		description: 'Why it failed, as the Error Trigger gives it; decides whether the run was lost with its worker',
	},
	{
		displayName: 'Only Runs Lost With Their Worker',
		name: 'onlyLostRuns',
		type: 'boolean',
		default: true,
		description:
			'Whether to start again only runs that n8n lost with the process running them (a worker killed or out of memory in queue mode, n8n itself in regular mode). A run that failed in a node, e.g. on bad data, would fail the same way again.',
	},
	{
		displayName: 'Give Up After (Attempts)',
		name: 'maxAttempts',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10 },
		default: 3,
		description: 'How many times one journey may be started again before it goes to "Not Recovered"',
	},
];
