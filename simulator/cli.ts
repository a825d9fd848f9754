#!/usr/bin/env node
/**
 * npx n8n-nodes-customer-journey simulate <workflow.json> --input <event.json> [--events <file>]
 *   [--start <ISO>] [--until <ISO>] [--trigger <node>] [--zone <IANA>] [--n8n-modules <dir>] [--json]
 * Exit codes: 0 done, 1 input or setup error, 2 usage error, 3 a journey failed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const USAGE = `Usage: n8n-nodes-customer-journey simulate <workflow.json> --input <input.json> [options]

Runs the workflow on n8n's own engine with a virtual clock: every message goes to the Outbox,
the Journey Store is a fresh temporary SQLite file, nothing reaches the network.

  --input <file>        What the trigger receives: the webhook body (Visit Trigger: the booking
                        system's JSON), or the item(s) of a polling trigger. Required.
  --events <file>       Later events, a JSON array of { "at": ISO, "type": …, …payload }
                        (attendance, survey_completed, reply, opened, reschedule, cancel, …).
  --start <ISO>         Virtual time the input arrives (default: now).
  --until <ISO>         Stop the clock here (default: when nothing is left to do).
  --trigger <name>      The trigger node that gets the input (default: the first trigger).
  --zone <IANA>         Show times in this zone (default: the contact's time zone).
  --n8n-modules <dir>   node_modules of an n8n installation (default: $N8N_MODULES).
  --json                Print the timeline as JSON.
  -h, --help            Show this help.

The events file format: simulator/README.md in the source repository.`;

class UsageError extends Error {}

/** node:sqlite (the Journey Store) warns that it is experimental on first use: noise in a CLI's output. */
function hideSqliteWarning(): void {
	const emit = process.emitWarning.bind(process) as (...args: unknown[]) => void;
	process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
		if (String(warning instanceof Error ? warning.message : warning).includes('SQLite is an experimental feature')) return;
		emit(warning, ...rest);
	}) as typeof process.emitWarning;
}

function readJson(file: string, what: string): unknown {
	let text: string;
	try {
		text = fs.readFileSync(path.resolve(file), 'utf8');
	} catch (error) {
		throw new UsageError(`cannot read the ${what} file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
	}
	try {
		return JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		throw new UsageError(`the ${what} file ${file} is not valid JSON: ${(error as Error).message}`);
	}
}

function parse(argv: string[]) {
	const { values, positionals } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			input: { type: 'string' },
			events: { type: 'string' },
			start: { type: 'string' },
			until: { type: 'string' },
			trigger: { type: 'string' },
			zone: { type: 'string' },
			'n8n-modules': { type: 'string' },
			json: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false },
		},
	});
	if (values.help) return { help: true as const };
	const [command, workflow, ...extra] = positionals;
	if (command !== 'simulate') throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
	if (!workflow) throw new UsageError('no workflow file given');
	if (extra.length) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
	const { help, input, ...rest } = values;
	if (!input) throw new UsageError('--input <file> is required');
	return { ...rest, help, workflow, input };
}

function finish(text: string, code: number, stream: NodeJS.WriteStream = process.stdout): void {
	stream.write(text, () => process.exit(code));
}

async function main(argv: string[]): Promise<void> {
	let args: ReturnType<typeof parse>;
	try {
		args = parse(argv);
	} catch (error) {
		return finish(`error: ${(error as Error).message}\n\n${USAGE}\n`, 2, process.stderr);
	}
	if (args.help) return finish(`${USAGE}\n`, 0);
	if (Number(process.versions.node.split('.')[0]) < 22) {
		return finish(`error: the simulator needs Node.js 22.13 or later (n8n 2.x needs 24); this is ${process.version}\n`, 1, process.stderr);
	}
	// runtime.ts reads N8N_MODULES when it is loaded. n8n-core keeps its settings in N8N_USER_FOLDER:
	// unset, the simulation gives it its own temporary folder instead of the user's n8n folder.
	if (args['n8n-modules']) process.env.N8N_MODULES = path.resolve(args['n8n-modules']);
	delete process.env.N8N_USER_FOLDER;
	// n8n's logger writes to stdout (node errors included, which the timeline shows anyway).
	process.env.N8N_LOG_LEVEL ??= 'silent';
	hideSqliteWarning();
	try {
		const workflow = readJson(args.workflow, 'workflow');
		const input = readJson(args.input, 'input');
		const events = args.events ? readJson(args.events, 'events') : undefined;
		const { simulate } = await import('./simulate');
		const { formatSimulation } = await import('./format');
		const result = await simulate({ workflow: workflow as never, input, events, start: args.start, until: args.until, trigger: args.trigger, zone: args.zone });
		const failed = result.journeys.some((journey) => journey.status === 'error');
		return finish(args.json ? `${JSON.stringify(result, null, 2)}\n` : formatSimulation(result), failed ? 3 : 0);
	} catch (error) {
		if (error instanceof UsageError) return finish(`error: ${error.message}\n`, 2, process.stderr);
		const known = ['SimulationInputError', 'SimulationSetupError'].includes((error as Error).name);
		return finish(`error: ${known ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`, 1, process.stderr);
	}
}

void main(process.argv.slice(2));
