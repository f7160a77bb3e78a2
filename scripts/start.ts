/**
 * `npm start`: n8n's editor with the LeadSquared node installed, a credential pointing at a local
 * LeadSquared sandbox (with demo leads) and a demo workflow, for a newcomer without a LeadSquared account.
 *
 * - n8n 2.40.7 from .runtime/ (installed on the first run, minutes; reused afterwards) with n8n's stock
 *   expression engine (`vm`; N8N_RUNTIME_EXPRESSION_ENGINE overrides it). Its exit crash only affects
 *   `n8n execute`; `n8n start` disposes the engine on shutdown.
 * - n8n's user folder is kept in .runtime/demo/n8n-user, so the owner account and whatever you build
 *   survive a restart; the package, the credential (the sandbox's port changes) and the demo workflow are
 *   refreshed on every start. `--fresh` starts from an empty folder. The sandbox is in memory: its leads
 *   are the demo leads again on every start.
 * - The owner account is set up through n8n's REST API (POST /rest/owner/setup) on the first start.
 * - Ctrl-C (SIGINT) or SIGTERM stops n8n (its whole process group) and the sandbox, and exits 0.
 *
 * Options: --fresh, --port=<n> (default 5678 if free, else any free port), --dir=<folder> (default
 * .runtime/demo; holds n8n-user/, package/ and n8n.log).
 */
import type { LeadRecord } from '../sandbox';
import { DEMO_CREDENTIAL_NAME, DEMO_OWNER as OWNER, DEMO_WORKFLOW_NAME, LEADSQUARED_NODE } from './e2e/demo-workflow';
import { describeRequest, parseServeArgs, serveDemo } from './e2e/serve';
import { leadsTable } from './e2e/table';

const log = (line: string): void => console.log(line);

function main(): void {
	const args = parseServeArgs(process.argv.slice(2), 'usage: npm start [-- --fresh] [--port=5678] [--dir=.runtime/demo]', 'demo');
	let seeded: LeadRecord[] | undefined;
	let tableTimer: NodeJS.Timeout | undefined;

	log('LeadSquared node demo: n8n with the node installed, next to a local LeadSquared sandbox.\n');
	void serveDemo({
		args,
		command: 'npm start',
		log,
		onRequest: (entry, setup) => {
			log(describeRequest(entry));
			if (entry.endpoint !== 'Lead.CreateOrUpdate' || !setup || !seeded) return;
			if (tableTimer) clearTimeout(tableTimer);
			tableTimer = setTimeout(() => log(`\nThe sandbox's leads now (compared with the demo leads at start):\n\n${leadsTable(setup.sandbox.leads(), seeded)}\n`), 1500);
		},
		onStop: () => {
			if (tableTimer) clearTimeout(tableTimer);
		},
		onReady: async ({ setup, n8n, userFolder }) => {
			seeded = setup.sandbox.leads();
			const sandbox = setup.sandbox;
			log(`
────────────────────────────────────────────────────────────────────────────
 n8n is ready: ${n8n.url}

 1. Open ${n8n.url} in your browser and sign in:
      e-mail    ${OWNER.email}
      password  ${OWNER.password}
 2. Open the workflow "${DEMO_WORKFLOW_NAME}" (Overview).
 3. Click "Execute workflow" at the bottom of the canvas.
 4. Double-click "${LEADSQUARED_NODE}" to see each lead's result (status, leadId).
    This terminal prints each request the sandbox receives and its leads afterwards.

 The credential "${DEMO_CREDENTIAL_NAME}" points at the sandbox: host "Custom Base URL",
 base URL ${sandbox.url}, access key ${sandbox.accessKey}, secret key ${sandbox.secretKey}.
 Add your own LeadSquared node to any workflow and pick that credential.

 n8n keeps its data in ${userFolder} between starts (npm start -- --fresh starts
 over); the sandbox's leads are the ${seeded.length} demo leads again on every start.
 Ctrl-C stops n8n and the sandbox.
────────────────────────────────────────────────────────────────────────────
`);
			log(`The sandbox's leads at start:\n\n${leadsTable(seeded)}\n`);
		},
	});
}

main();
