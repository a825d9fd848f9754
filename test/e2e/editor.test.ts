/**
 * The editor, the agencies' workplace, in a real browser (Debian's Chromium driven by
 * playwright-core): every node of this package is in the node panel, every imported workflow
 * opens with no unknown node, and screenshots go to docs/screenshots/ for the README.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, selectors, type Browser, type Page } from 'playwright-core';

import { startInstance, type N8nInstance } from './support/instance';

const root = path.resolve(__dirname, '..', '..');
const screenshots = path.join(root, 'docs', 'screenshots');
const workflows = fs
	.readdirSync(path.join(root, 'workflows'))
	.filter((file) => file.endsWith('.json'))
	.map((file) => JSON.parse(fs.readFileSync(path.join(root, 'workflows', file), 'utf8')) as { id: string; name: string; nodes: Array<{ type: string }> });

const NODE_NAMES = [
	'Visit Trigger',
	'Journey Event Trigger',
	'Recall Due Trigger',
	'Quiet-Hours Delay',
	'Attendance/Survey Condition',
	'Channel Preference Send',
	'Tag Contact',
	'Loyalty Counter',
];

describe('the n8n editor in a browser', () => {
	let n8n: N8nInstance;
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		n8n = await startInstance({ workflows, publish: false });
		// n8n's editor marks elements with data-test-id (as its own Playwright suite configures).
		selectors.setTestIdAttribute('data-test-id');
		const cookie = await n8n.login();
		const [name, value] = cookie.split('=');
		browser = await chromium.launch({
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
		});
		const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
		await context.addCookies([{ name, value, domain: '127.0.0.1', path: '/' }]);
		page = await context.newPage();
		fs.mkdirSync(screenshots, { recursive: true });
	}, 300_000);

	afterAll(async () => {
		await browser?.close();
		await n8n?.stop();
	});

	it.each(workflows.map((workflow) => [workflow.name, workflow] as const))('opens "%s" with every node known to n8n', async (_name, workflow) => {
		await page.goto(`${n8n.baseUrl}/workflow/${workflow.id}`);
		await page.getByTestId('canvas-node').first().waitFor({ timeout: 60_000 });
		await page.waitForTimeout(1000);
		const shown = await page.getByTestId('canvas-node').count();
		expect(shown).toBe(workflow.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote').length);
		const body = await page.locator('body').innerText();
		expect(body).not.toMatch(/not currently installed|Install this node|unknown node/i);
		if (workflow.id === 'cjDentalReminder01') await page.screenshot({ path: path.join(screenshots, 'dental-workflow.png') });
	}, 120_000);

	it('lists every node of the package in the node panel', async () => {
		await page.getByTestId('node-creator-plus-button').click();
		const search = page.getByTestId('node-creator-search-bar');
		for (const name of NODE_NAMES) {
			await search.fill(name);
			await page.getByTestId('node-creator').getByText(name, { exact: true }).first().waitFor({ timeout: 15_000 });
		}
		await search.fill('journey');
		await page.waitForTimeout(800);
		await page.screenshot({ path: path.join(screenshots, 'node-panel.png') });
	}, 120_000);
});
