/**
 * The simulator CLI as users run it: the built dist/simulator/cli.js in its own Node process
 * (npm test builds before jest). Checks the printed S1 timeline (the one in docs/), the JSON
 * output, and what a user sees for wrong arguments, files or a missing n8n.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'dist', 'simulator', 'cli.js');
const DOC = path.join(root, 'docs', 'simulator-s1.txt');
const BOOKING = 'simulator/examples/dental-booking.json';
const S1 = ['simulate', 'workflows/dental-visit-reminder.json', '--input', BOOKING, '--start', '2027-04-10T12:00:00+02:00'];

interface Run {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** The user's environment: without jest's variables (under JEST_WORKER_ID the harness loads TypeScript sources). */
const userEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('JEST_')));

function run(args: string[], env: NodeJS.ProcessEnv = {}): Run {
	const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env: { ...userEnv, ...env }, timeout: 60_000 });
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempFile(name: string, text: string): string {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cj-cli-')), name);
	fs.writeFileSync(file, text);
	return file;
}

beforeAll(() => {
	if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: build first (npm run build; npm test builds before jest)`);
});

describe('n8n-nodes-customer-journey simulate (the built CLI)', () => {
	it('prints the S1 timeline documented in docs/simulator-s1.txt, from the command written there', () => {
		const [command, , ...expected] = fs.readFileSync(DOC, 'utf8').split('\n');
		const args = command.replace(/^\$ npx n8n-nodes-customer-journey /, '').split(' ');
		expect(args.slice(0, 2)).toEqual(['simulate', 'workflows/dental-visit-reminder.json']);
		const result = run(args);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toBe(expected.join('\n'));
	});

	it('prints the timeline as JSON with --json', () => {
		const result = run([...S1, '--until', '2027-04-15T12:00:00+02:00', '--json']);
		expect(result.status).toBe(0);
		const json = JSON.parse(result.stdout);
		expect(json).toMatchObject({ workflow: { id: 'cjDentalReminder01' }, zone: 'Europe/Warsaw', start: '2027-04-10T10:00:00.000Z', end: '2027-04-15T10:00:00.000Z', outbox: true });
		const sends = json.steps.filter((step: { kind: string }) => step.kind === 'send');
		expect(sends.map((step: { local: string; data: { channel: string; to: string } }) => [step.local, step.data.channel, step.data.to])).toEqual([
			['2027-04-13T08:00:00.000+02:00', 'email', 'anna.nowak@example.com'],
			['2027-04-15T08:00:00.000+02:00', 'sms', '+48601234567'],
		]);
		expect(json.journeys).toEqual([{ number: 1, execution: 'exec-1', status: 'waiting', waitTill: '2027-04-16T18:00:00.000Z', error: null }]);
	});

	it('takes later events from --events (a reschedule posted to the Visit Trigger)', () => {
		const result = run([...S1, '--events', 'simulator/examples/dental-rescheduled.json']);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('09:00 evt  reschedule to Fri 16 Apr 09:00 → "Visit booked or moved": rescheduled; started journey #2');
		expect(result.stdout).toContain('contact Anna Nowak (P-1001): tags "no-show"');
	});

	it('shows its usage with --help', () => {
		const result = run(['--help']);
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/^Usage: n8n-nodes-customer-journey simulate <workflow.json> --input <input.json>/);
	});

	it.each([
		[['simulate', 'workflows/dental-visit-reminder.json'], '--input <file> is required'],
		[['simulate'], 'no workflow file given'],
		[['replay', 'x.json'], 'unknown command "replay"'],
		[['simulate', 'a.json', '--input', BOOKING, '--colour'], "Unknown option '--colour'"],
	])('refuses %j with exit code 2 and the usage', (args, message) => {
		const result = run(args);
		expect(result.status).toBe(2);
		expect(result.stderr).toContain(`error: ${message}`);
		expect(result.stderr).toContain('Usage:');
		expect(result.stdout).toBe('');
	});

	it('says which file it cannot read or parse', () => {
		const missing = run(['simulate', 'nope.json', '--input', BOOKING]);
		expect([missing.status, missing.stderr]).toEqual([2, 'error: cannot read the workflow file nope.json: ENOENT\n']);
		const broken = run([...S1.slice(0, 2), '--input', tempFile('booking.json', '{ "event": ')]);
		expect(broken.status).toBe(2);
		expect(broken.stderr).toMatch(/^error: the input file .*booking\.json is not valid JSON: /);
	});

	it('exits 1 with the reason for an events file it cannot use', () => {
		const result = run([...S1, '--events', tempFile('events.json', '[{ "at": "2027-04-12T10:00:00+02:00", "type": "moved" }]')]);
		expect(result.status).toBe(1);
		expect(result.stderr).toBe('error: event 1: unknown "type" "moved"; expected one of reschedule, cancel, attended, no-show, completed, attendance, survey_completed, payment_received, reply, opened, clicked, delivered, bounced, opt_out, visit, event\n');
	});

	it('exits 3 when a journey fails, with the failure in the timeline', () => {
		const result = run(['simulate', 'test/fixtures/simulator/failing.json', '--input', tempFile('item.json', '{ "when": "soon" }'), '--start', '2027-03-01T09:00:00+01:00']);
		expect(result.status).toBe(3);
		expect(result.stdout).toContain('09:00 #1   Wait for the date: error: Item 0: Date: cannot read "soon" as a date-time');
		expect(result.stdout).toContain('journey #1 (exec-1): error');
	});

	it('tells how to point it at n8n when n8n-core is not found', () => {
		const nowhere = fs.mkdtempSync(path.join(os.tmpdir(), 'cj-no-n8n-'));
		for (const env of [{ N8N_MODULES: nowhere }, {}]) {
			const result = run([...S1, ...(env.N8N_MODULES ? [] : ['--n8n-modules', nowhere])], env);
			expect(result.status).toBe(1);
			expect(result.stderr).toContain(`error: n8n not found: ${nowhere} has no n8n-core.`);
			expect(result.stderr).toContain('set N8N_MODULES to the node_modules folder of an n8n 2.x installation');
			expect(result.stdout).toBe('');
		}
	});
});
