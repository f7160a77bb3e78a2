/**
 * `npm run demo`: the newcomer demo without a browser. Installs the packed package into a throwaway n8n
 * user folder (n8n 2.40.7 from .runtime/, installed on the first run), starts the LeadSquared sandbox with
 * its demo leads, imports the demo credential and workflow, runs the workflow once with `n8n execute`, and
 * prints the sandbox's leads before and after. Exits 0 when the workflow succeeded for every lead.
 *
 * n8n runs with the runtime's `legacy` expression engine here: `n8n execute` with 2.x's stock `vm` engine
 * can crash at exit after printing its result (scripts/RUNTIME.md, "exit crashes"); `npm start` uses the
 * stock engine, where n8n's server shutdown does not have that problem.
 */
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { nodeOutput, parseExecutionOutput, runN8n } from './runtime';
import { prepareDemo } from './e2e/demo-setup';
import { DEMO_INPUT, DEMO_WORKFLOW_ID, DEMO_WORKFLOW_NAME, LEADSQUARED_NODE } from './e2e/demo-workflow';
import { leadsTable, renderTable } from './e2e/table';

const log = (line: string): void => console.log(line);

async function main(): Promise<number> {
	const started = Date.now();
	const work = await fsp.mkdtemp(path.join(os.tmpdir(), 'n8n-leadsquared-demo-'));
	let setup: Awaited<ReturnType<typeof prepareDemo>> | undefined;
	try {
		log('LeadSquared node demo, headless: n8n runs the demo workflow once against a local LeadSquared sandbox.\n');
		setup = await prepareDemo({ userFolder: path.join(work, 'n8n-user'), packDir: path.join(work, 'package'), log });
		const { runtime, sandbox } = setup;
		const before = sandbox.leads();
		log(`\nLeads in the sandbox before (${before.length}):\n`);
		log(leadsTable(before));

		log(`\nRunning "${DEMO_WORKFLOW_NAME}" (${DEMO_INPUT.length} leads: ${DEMO_INPUT.map((lead) => lead.firstName).join(', ')}) with n8n execute ...`);
		const t = Date.now();
		const run = await runN8n(runtime, setup.userFolder, ['execute', `--id=${DEMO_WORKFLOW_ID}`, '--rawOutput'], { timeoutMs: 300_000 });
		if (run.code !== 0) {
			throw new Error(`n8n execute failed (code ${run.code}, signal ${run.signal}):\n${(run.stdout + run.stderr).slice(-4000)}`);
		}
		const result = parseExecutionOutput(run.stdout);
		const items = nodeOutput(result, LEADSQUARED_NODE);
		log(`done in ${((Date.now() - t) / 1000).toFixed(1)} s (most of it is n8n starting up).\n`);

		const after = sandbox.leads();
		const beforeIds = new Set(before.map((lead) => lead.ProspectID));
		log(`What the LeadSquared node returned (one item per lead):\n`);
		log(
			renderTable(
				['Input', 'status', 'leadId', 'In the sandbox'],
				items.map((item, index) => [
					`${DEMO_INPUT[index]?.firstName ?? '?'} ${DEMO_INPUT[index]?.lastName ?? ''}`.trim(),
					String(item.status ?? item.error ?? ''),
					String(item.leadId ?? ''),
					item.leadId === undefined ? '' : beforeIds.has(item.leadId) ? 'updated an existing lead' : 'created a new lead',
				]),
			),
		);
		log(`\nLeads in the sandbox after (${after.length}):\n`);
		log(leadsTable(after, before));

		const failed = items.filter((item) => item.status !== 'Success');
		if (items.length !== DEMO_INPUT.length || failed.length > 0) {
			throw new Error(`expected ${DEMO_INPUT.length} successful items, got ${JSON.stringify(items)}`);
		}
		const writes = sandbox.log.filter((entry) => entry.endpoint === 'Lead.CreateOrUpdate');
		log(`\nThe sandbox received ${sandbox.log.length} requests: ${writes.length} × Lead.CreateOrUpdate, ${sandbox.log.length - writes.length} × LeadsMetaData.Get (the node checks every value against the account's fields first).`);
		log(`\nDemo finished in ${((Date.now() - started) / 1000).toFixed(1)} s. To click through the same workflow in n8n's editor: npm start`);
		return 0;
	} finally {
		await setup?.sandbox.close();
		await fsp.rm(work, { recursive: true, force: true });
	}
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		console.error(`\nDemo failed: ${error instanceof Error ? error.message : String(error)}`);
		process.exitCode = 1;
	},
);
