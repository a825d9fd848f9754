/**
 * The lint gate in the test command really catches what it promises: both n8n rule sets on nodes
 * and the "lib/ never imports n8n" boundary. Each probe is linted in memory under a real path.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

/** Runs the project's eslint CLI (its real config) on `code` as if it lived at `filePath`. */
async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
	const result = spawnSync(
		process.execPath,
		[path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--stdin', '--stdin-filename', filePath, '--format', 'json'],
		{ cwd: root, input: code, encoding: 'utf8' },
	);
	if (!result.stdout) throw new Error(`eslint produced no report: ${result.stderr}`);
	const [report] = JSON.parse(result.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
	return report.messages.map((message) => message.ruleId ?? message.message);
}

const nodeWithViolations = `
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionType } from 'n8n-workflow';

export class LintProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Lint Probe',
		name: 'lintProbe',
		group: ['transform'],
		version: 1,
		description: 'probe',
		defaults: { name: 'Lint Probe' },
		inputs: [NodeConnectionType.Main],
		outputs: [NodeConnectionType.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		for (const item of this.getInputData()) out.push({ json: item.json });
		return [out];
	}
}
`;

describe('lint gate', () => {
	it('rejects an n8n import inside lib/ (the domain stays pure)', async () => {
		const ids = await ruleIdsFor('lib/lint-probe.ts', `import { NodeOperationError } from 'n8n-workflow';\nexport const E = NodeOperationError;\n`);
		expect(ids).toContain('no-restricted-imports');
	});

	it('accepts the same import inside nodes/', async () => {
		const ids = await ruleIdsFor('nodes/Probe/helper.ts', `import { NodeOperationError } from 'n8n-workflow';\nexport const E = NodeOperationError;\n`);
		expect(ids).not.toContain('no-restricted-imports');
	});

	it('applies the n8n community and nodes-base rules to node files', async () => {
		const ids = await ruleIdsFor('nodes/LintProbe/LintProbe.node.ts', nodeWithViolations);
		expect(ids).toEqual(
			expect.arrayContaining([
				'@n8n/community-nodes/missing-paired-item',
				'@n8n/community-nodes/node-usable-as-tool',
			]),
		);
		expect(ids.some((id) => id.startsWith('n8n-nodes-base/'))).toBe(true);
	});
});
