/**
 * `npm run sandbox [-- options]`: runs the LeadSquared sandbox in the foreground.
 * Logs one line per request (method, endpoint, status) and never prints keys after start-up.
 */
import { parseCliArgs, USAGE } from './cli-args';
import { demoLeads } from './demo';
import { startSandbox } from './server';
import type { RequestLogEntry } from './types';

function requestLine(entry: RequestLogEntry): string {
	const time = new Date(entry.at).toISOString().slice(11, 23);
	const status = entry.status === null ? 'reset' : String(entry.status);
	const extras = [entry.fault ? `fault=${entry.fault}` : '', entry.rateLimited ? 'rate-limited' : ''].filter((x) => x !== '');
	return `${time} ${entry.method} ${entry.endpoint ?? entry.path} → ${status}${extras.length > 0 ? ` (${extras.join(', ')})` : ''}`;
}

async function main(): Promise<void> {
	let args;
	try {
		args = parseCliArgs(process.argv.slice(2));
	} catch (error) {
		console.error(`${(error as Error).message}\n\n${USAGE}`);
		process.exit(2);
	}
	if (args.help) {
		console.log(USAGE);
		return;
	}
	const sandbox = await startSandbox({
		...args.options,
		leads: args.demo ? demoLeads() : [],
		maxLogEntries: 1000,
		onRequest: (entry) => console.log(requestLine(entry)),
	});
	const metadataPath = '/v2/LeadManagement.svc/LeadsMetaData.Get?excludeOptionSets=1';
	console.log(`LeadSquared sandbox listening on ${sandbox.url}  (API base ${sandbox.url}/v2/)`);
	console.log(`  access key: ${sandbox.accessKey}`);
	console.log(`  secret key: ${sandbox.secretKey}`);
	if (args.demo) console.log(`  seeded ${sandbox.leads().length} demo leads`);
	console.log('Try:');
	console.log(`  curl -s -H 'x-LSQ-AccessKey: ${sandbox.accessKey}' -H 'x-LSQ-SecretKey: ${sandbox.secretKey}' '${sandbox.url}${metadataPath}'`);
	console.log('Ctrl-C to stop.');

	let stopping = false;
	const stop = (signal: string): void => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping the sandbox`);
		void sandbox.close().then(() => process.exit(0));
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

void main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
