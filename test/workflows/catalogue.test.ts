/**
 * The importable workflows: generated from their specs (scripts/workflows), loadable by the real
 * engine with this package's nodes, runnable right after import (Outbox, no credentials inside),
 * and explained on the canvas.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { JourneyHarness, readWorkflow, type WorkflowJson } from '../harness';

const root = path.resolve(__dirname, '..', '..');
const files = fs.readdirSync(path.join(root, 'workflows')).filter((file) => file.endsWith('.json'));
const workflows: Array<[string, WorkflowJson & { id: string }]> = files.map((file) => [file, readWorkflow(`workflows/${file}`) as WorkflowJson & { id: string }]);

describe('workflows/', () => {
	it('holds one workflow per scenario, each current with its spec', () => {
		expect(files.sort()).toEqual([
			'bonus-points-reminder.json',
			'checkup-invitation.json',
			'delivery-confirmation.json',
			'dental-visit-reminder.json',
			'journey-events.json',
			'nps-after-visit.json',
			'payment-dunning.json',
			'recurring-visit.json',
			'visit-confirmation-reply.json',
		]);
		const check = spawnSync(process.execPath, [path.join(root, 'scripts/workflows/build.cjs'), '--check'], { encoding: 'utf8' });
		expect(check.stderr).toBe('');
		expect(check.status).toBe(0);
	});

	it('gives every workflow a distinct id and every webhook a stable webhookId', () => {
		const ids = workflows.map(([, workflow]) => workflow.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const [, workflow] of workflows) {
			for (const node of workflow.nodes.filter((n) => /visitTrigger|journeyEventTrigger|\.webhook$/.test(n.type))) {
				expect(node.webhookId).toMatch(/^[0-9a-f-]{36}$/);
			}
		}
	});

	describe.each(workflows)('%s', (_file, workflow) => {
		let harness: JourneyHarness;

		beforeAll(async () => {
			harness = await JourneyHarness.create({ start: '2027-04-10T08:00:00Z' });
		});

		afterAll(async () => await harness.dispose());

		it('loads in the real engine with known node types and valid connections', () => {
			for (const node of workflow.nodes) expect(() => harness.nodeTypes.getByNameAndVersion(node.type, node.typeVersion)).not.toThrow();
			const names = new Set(workflow.nodes.map((node) => node.name));
			for (const [from, outputs] of Object.entries(workflow.connections)) {
				expect(names.has(from)).toBe(true);
				for (const targets of outputs.main ?? []) for (const target of targets ?? []) expect(names.has(target.node)).toBe(true);
			}
		});

		it('embeds no credentials and sends through the Outbox until someone picks a provider', () => {
			for (const node of workflow.nodes) expect(node.credentials).toBeUndefined();
			const sends = workflow.nodes.filter((node) => node.type.endsWith('.channelPreferenceSend'));
			for (const node of sends) {
				expect(node.parameters).toMatchObject({ smsProvider: 'outbox', emailProvider: 'outbox', whatsAppProvider: 'outbox' });
			}
		});

		it('explains itself with sticky notes on the canvas', () => {
			const notes = workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote');
			expect(notes.length).toBeGreaterThan(0);
			for (const note of notes) expect(String(note.parameters.content).length).toBeGreaterThan(100);
		});
	});
});
