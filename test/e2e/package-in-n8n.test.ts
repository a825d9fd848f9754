/**
 * The package as users get it: packed, installed into a real n8n 2.40.7 as a community package,
 * and loaded by n8n itself — every registered node and credential shows up under its
 * community-package type name.
 */
import fs from 'node:fs';
import path from 'node:path';

import { startInstance, type N8nInstance } from './support/instance';

const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8'));

const exportedNames = (files: string[], kind: 'node' | 'credential') =>
	files.map((file) => {
		const source = fs.readFileSync(path.resolve(__dirname, '..', '..', file.replace(/^dist\//, '').replace(/\.js$/, '.ts')), 'utf8');
		const match = kind === 'node' ? source.match(/\bname: '([A-Za-z0-9]+)'/) : source.match(/\bname = '([A-Za-z0-9]+)'/);
		if (!match) throw new Error(`no name in ${file}`);
		return match[1];
	});

describe('the package inside a real n8n', () => {
	let n8n: N8nInstance;

	beforeAll(async () => {
		n8n = await startInstance();
	}, 300_000);

	afterAll(async () => await n8n?.stop());

	it('loads every node under n8n-nodes-customer-journey.<name>', async () => {
		const types = await n8n.rest<Array<{ name: string }>>('GET', '/../types/nodes.json');
		// n8n adds a "<name>Tool" variant of nodes that are usable as AI tools.
		const ours = types
			.map((type) => type.name)
			.filter((name) => name.startsWith('n8n-nodes-customer-journey.') && !name.endsWith('Tool'));
		const expected = exportedNames(pkg.n8n.nodes, 'node').map((name) => `n8n-nodes-customer-journey.${name}`);
		expect(expected.length).toBeGreaterThan(0);
		expect([...new Set(ours)].sort()).toEqual(expected.sort());
	});

	it('loads every credential type', async () => {
		const types = await n8n.rest<Array<{ name: string }>>('GET', '/../types/credentials.json');
		const names = types.map((type) => type.name);
		for (const name of exportedNames(pkg.n8n.credentials, 'credential')) expect(names).toContain(name);
	});
});
