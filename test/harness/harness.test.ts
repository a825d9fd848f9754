import { JourneyHarness, readWorkflow } from '../harness';

describe('engine harness (real n8n-core WorkflowExecute, virtual clock)', () => {
	let harness: JourneyHarness;

	beforeEach(async () => {
		harness = await JourneyHarness.create({ start: '2027-04-13T06:00:00.000Z' });
	});

	afterEach(async () => await harness.dispose());

	it('parks a run for two days, resumes it at that virtual instant and continues down output 0', async () => {
		const workflow = readWorkflow('test/fixtures/park-two-days.json');
		const run = await harness.start(workflow, { items: [{ json: { patient: 'Anna' } }] });

		expect(run.status).toBe('waiting');
		expect(run.waitTill?.toISOString()).toBe('2027-04-15T06:00:00.000Z');
		expect(harness.output(run, 'Stamp resume time')).toEqual([]);

		await harness.runUntilIdle();

		expect(run.status).toBe('success');
		expect(run.resumedAt.map((d) => d.toISOString())).toEqual(['2027-04-15T06:00:00.000Z']);
		const [item] = harness.output(run, 'Stamp resume time');
		expect(item.json).toEqual({ resumedAt: '2027-04-15T06:00:00.000Z', patient: 'Anna' });
		// The Wait node is not executed again on resume: its input passes straight to output 0.
		expect(harness.executedNodes(run)).toEqual(['Start', 'Wait two days', 'Wait two days', 'Stamp resume time']);
		expect(harness.timeline.forExecution(run.id).map((e) => `${e.kind}@${e.at}`)).toEqual([
			'start@2027-04-13T06:00:00.000Z',
			'node@2027-04-13T06:00:00.000Z',
			'node@2027-04-13T06:00:00.000Z',
			'park@2027-04-13T06:00:00.000Z',
			'resume@2027-04-15T06:00:00.000Z',
			'node@2027-04-15T06:00:00.000Z',
			'node@2027-04-15T06:00:00.000Z',
			'finish@2027-04-15T06:00:00.000Z',
		]);
	});

	it('interleaves scheduled actions with parked runs in virtual-time order', async () => {
		const workflow = readWorkflow('test/fixtures/park-two-days.json');
		const seen: string[] = [];
		harness.schedule('2027-04-14T12:00:00.000Z', 'clinic marks attendance', () => {
			seen.push(`action ${harness.now().toISOString()}`);
		});
		const run = await harness.start(workflow);
		await harness.runUntilIdle({ until: '2027-04-14T23:00:00.000Z' });
		expect(seen).toEqual(['action 2027-04-14T12:00:00.000Z']);
		expect(run.status).toBe('waiting');
		await harness.runUntilIdle();
		expect(run.status).toBe('success');
	});

	it('fails clearly on a node type that neither this package nor n8n-nodes-base has', async () => {
		const workflow = readWorkflow('test/fixtures/park-two-days.json');
		workflow.nodes[1].type = 'n8n-nodes-customer-journey.noSuchNode';
		await expect(harness.start(workflow)).rejects.toThrow(/Unknown node type "n8n-nodes-customer-journey.noSuchNode"/);
	});
});

describe('engine harness over real HTTP (production webhooks and resume URLs)', () => {
	let harness: JourneyHarness;

	beforeEach(async () => {
		harness = await JourneyHarness.create({ start: '2027-04-13T06:00:00.000Z' });
		await harness.listen();
	});

	afterEach(async () => await harness.dispose());

	it('starts a run from a POST to the production webhook and resumes it through its resume URL', async () => {
		const workflow = readWorkflow('test/fixtures/webhook-then-wait-for-call.json');
		harness.activate(workflow);
		const url = harness.webhookUrl(workflow, 'Incoming');
		expect(url).toMatch(/\/webhook\/harness-probe$/);

		const started = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ patient: 'Jan' }),
		});
		if (started.status !== 200) throw new Error(await started.text());
		expect(started.status).toBe(200);
		await harness.settled();
		const [run] = harness.runs;
		expect(run.status).toBe('waiting');
		expect(run.waitTill?.toISOString()).toBe('2027-04-14T06:00:00.000Z');

		const resumeUrl = `${url.replace(/\/webhook\/.*/, '')}/webhook-waiting/${run.id}?signature=${run.data.resumeToken}`;
		const forged = await fetch(resumeUrl.replace(/signature=.*/, 'signature=forged'), { method: 'POST' });
		expect(forged.status).toBe(401);
		expect(run.status).toBe('waiting');

		const resumed = await fetch(resumeUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"answer":"yes"}' });
		expect(resumed.status).toBe(200);
		await harness.settled();
		expect(run.status).toBe('success');
		expect(harness.output(run, 'After')[0].json.body).toEqual({ answer: 'yes' });
	});

	it('answers 422 to a JSON body that does not parse, as n8n does, and starts nothing', async () => {
		const workflow = readWorkflow('test/fixtures/webhook-then-wait-for-call.json');
		harness.activate(workflow);
		const response = await fetch(harness.webhookUrl(workflow, 'Incoming'), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{not json',
		});
		expect(response.status).toBe(422);
		await harness.settled();
		expect(harness.runs).toEqual([]);
	});
});
