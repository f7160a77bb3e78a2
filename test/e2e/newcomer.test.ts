/**
 * The newcomer commands as a user runs them (compiled by `npm run build:tools`, which `npm run test:e2e`
 * does first): `npm run demo` prints the leads before and after and exits 0; `npm start` serves n8n's
 * editor with the demo workflow and credential and the node's output schemas, runs that workflow when the
 * editor asks, and stops everything on Ctrl-C with exit code 0.
 */
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { DEMO_CREDENTIAL_ID, DEMO_INPUT, DEMO_OWNER, DEMO_WORKFLOW_ID } from '../../scripts/e2e/demo-workflow';
import { findFreePort, LINES } from '../../scripts/runtime';
import { e2eLines } from './lines';
import { n8nRest } from '../../scripts/e2e/rest';
import { compiled, interrupt, launch, listening, root, waitFor } from './launch';
import type { Started } from './launch';

const suite = e2eLines().includes('2.x') ? describe : describe.skip;

suite('newcomer commands (n8n 2.x)', () => {
	it('npm run demo: runs the demo workflow headless, prints the leads before and after, exits 0', async () => {
		const demo = launch(compiled('demo'), []);
		const { code, signal } = await demo.exited;
		const output = demo.output();
		expect({ code, signal }).toEqual({ code: 0, signal: null });
		expect(output).toContain(`✓ n8n ${LINES['2.x'].version} on Node v24.21.0`);
		expect(output).toContain('Leads in the sandbox before (4):');
		expect(output).toContain('Leads in the sandbox after (6):');
		expect(output).toMatch(/E-mail +Name +Phone +Course +City +Lead ID +Change/);
		expect(output).toMatch(/priya\.sharma@example\.com +Priya Sharma +\+91-9845012345 +Engineering +Pune +[0-9a-f]{8} +updated/);
		expect(output).toMatch(/aarav\.patel@example\.com +Aarav Patel +\+91-9876500011 +Medicine +Delhi +[0-9a-f]{8} +new/);
		expect(output).toMatch(/sara\.khan@example\.org +Sara Khan +\+91-9876500022 +Law +Hyderabad +[0-9a-f]{8} +new/);
		expect(output).toMatch(/Priya Sharma +Success +[0-9a-f-]{36} +updated an existing lead/);
	});

	describe('npm start', () => {
		let dir: string;
		let start: Started | undefined;

		beforeAll(async () => {
			dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'n8n-leadsquared-start-'));
		});

		afterAll(async () => {
			if (start) await interrupt(start);
			await fsp.rm(dir, { recursive: true, force: true });
		});

		it("serves n8n's editor with the demo workflow and credential and the output schemas, runs the workflow, and stops on Ctrl-C with exit code 0", async () => {
			const port = await findFreePort();
			start = launch(compiled('start'), [`--dir=${dir}`, `--port=${port}`]);
			const [, url] = await waitFor(start, /n8n is ready: (http:\/\/127\.0\.0\.1:\d+)/, 4 * 60_000);
			await waitFor(start, /Ctrl-C stops n8n and the sandbox\./, 10_000);
			expect(url).toBe(`http://127.0.0.1:${port}`);
			expect(start.output()).toContain('✓ owner account set up; it sees the demo workflow and credential');
			expect(start.output()).toContain(`password  ${DEMO_OWNER.password}`);

			const editor = await n8nRest(`${url}/`, 'GET');
			expect(editor.status).toBe(200);
			expect(String(editor.json)).toContain('<title>n8n');

			const login = await n8nRest(`${url}/rest/login`, 'POST', { emailOrLdapLoginId: DEMO_OWNER.email, password: DEMO_OWNER.password });
			expect(login.status).toBe(200);
			const cookie = login.cookie;
			const settings = await n8nRest(`${url}/rest/settings`, 'GET', undefined, cookie);
			expect((settings.json as { data: { versionCli: string } }).data.versionCli).toBe(LINES['2.x'].version);
			const workflows = (await n8nRest(`${url}/rest/workflows`, 'GET', undefined, cookie)).json as { data: Array<{ id: string }> };
			const credentials = (await n8nRest(`${url}/rest/credentials`, 'GET', undefined, cookie)).json as { data: Array<{ id: string; type: string }> };
			expect(workflows.data.map((workflow) => workflow.id)).toContain(DEMO_WORKFLOW_ID);
			expect(credentials.data).toEqual(expect.arrayContaining([expect.objectContaining({ id: DEMO_CREDENTIAL_ID, type: 'leadSquaredApi' })]));

			// The output schemas the editor shows before a node runs: the installed package's __schema__ files,
			// at the URL the editor builds (node type, version padded to x.y.z, resource, operation).
			for (const version of ['1.0.0', '1.1.0']) {
				const schema = await n8nRest(`${url}/schemas/n8n-nodes-leadsquared.leadSquared/${version}/lead/get.json`, 'GET');
				expect(schema.status).toBe(200);
				const committed = path.join(root, 'nodes', 'LeadSquared', '__schema__', `v${version}`, 'lead', 'get.json');
				expect(schema.json).toEqual(JSON.parse(fs.readFileSync(committed, 'utf8')));
			}
			expect((await n8nRest(`${url}/schemas/n8n-nodes-leadsquared.leadSquared/1.1.0/lead/noSuchOperation.json`, 'GET')).status).toBe(404);

			// what the editor's "Execute workflow" button does
			const workflow = (await n8nRest(`${url}/rest/workflows/${DEMO_WORKFLOW_ID}`, 'GET', undefined, cookie)).json as { data: { nodes: Array<{ name: string; type: string }> } };
			const trigger = workflow.data.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
			const started = await n8nRest(`${url}/rest/workflows/${DEMO_WORKFLOW_ID}/run`, 'POST', { workflowData: workflow.data, triggerToStartFrom: { name: trigger?.name } }, cookie);
			expect(started.status).toBe(200);
			const executionId = (started.json as { data: { executionId: string } }).data.executionId;
			let status = '';
			for (let attempt = 0; attempt < 120 && !['success', 'error', 'crashed'].includes(status); attempt++) {
				await new Promise((resolve) => setTimeout(resolve, 500));
				const execution = (await n8nRest(`${url}/rest/executions/${executionId}`, 'GET', undefined, cookie)).json as { data?: { status: string } };
				status = execution.data?.status ?? '';
			}
			expect(status).toBe('success');
			for (const lead of DEMO_INPUT) {
				await waitFor(start, new RegExp(`sandbox ← POST Lead\\.CreateOrUpdate → 200  ${lead.email.replace(/\./g, '\\.')}`), 10_000);
			}
			await waitFor(start, /aarav\.patel@example\.com .* new/, 10_000);

			start.child.kill('SIGINT');
			expect(await start.exited).toEqual({ code: 0, signal: null });
			expect(start.output()).toContain('Stopped.');
			expect(await listening(port)).toBe(false);
			expect(fs.readFileSync(path.join(dir, 'n8n.log'), 'utf8')).toContain('Editor is now accessible via');
		});
	});
});
