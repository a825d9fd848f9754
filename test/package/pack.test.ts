/**
 * What `npm pack` would publish: dist/, README, LICENSE and package.json only — no tests, no
 * sources, no source maps of tests — and every node/credential package.json lists exists in dist/.
 * Runs on the dist/ built by the test command (npm test builds before jest).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function packedFiles(): string[] {
	const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`npm pack failed: ${result.stderr}`);
	const [report] = JSON.parse(result.stdout) as Array<{ files: Array<{ path: string }> }>;
	return report.files.map((file) => file.path);
}

describe('published package', () => {
	beforeAll(() => {
		if (!fs.existsSync(path.join(root, 'dist', 'index.js'))) {
			throw new Error('dist/ is not built: run the test command (npm test), which builds first');
		}
	});

	it('ships only dist/, README, LICENSE and package.json', () => {
		const files = packedFiles();
		const outside = files.filter((file) => !file.startsWith('dist/') && !['README.md', 'LICENSE', 'package.json'].includes(file));
		expect(outside).toEqual([]);
		expect(files).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json', 'dist/index.js']));
		expect(files.filter((file) => /(^|\/)test\/|\.test\.|\.map$/.test(file))).toEqual([]);
	});

	it('ships every node and credential that package.json registers, with their icons and codex files', () => {
		const files = new Set(packedFiles());
		const registered: string[] = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
		expect(registered.length).toBeGreaterThan(0);
		expect(registered.filter((file) => !files.has(file))).toEqual([]);
		for (const nodeFile of pkg.n8n.nodes as string[]) {
			expect(files.has(nodeFile.replace(/\.js$/, '.json'))).toBe(true);
		}
	});

	it('is a community node package n8n will load', () => {
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
		expect(pkg.peerDependencies).toHaveProperty('n8n-workflow');
		expect(pkg.dependencies ?? {}).not.toHaveProperty('n8n-workflow');
	});
});
