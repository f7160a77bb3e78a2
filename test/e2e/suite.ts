/**
 * The end-to-end assertions for one n8n line. Each `it` reads what the single run in beforeAll produced:
 * the execution JSON n8n exported, the sandbox's request log and leads, and n8n's own output.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { LINES } from '../../scripts/runtime';
import type { RuntimeLine } from '../../scripts/runtime';
import { e2eLines } from './lines';
import {
	autoMapStudents,
	bodyValues,
	CREDENTIALS,
	databaseFiles,
	DOCUMENTED_BODY,
	engineFor,
	EXISTING_STUDENTS,
	findLeaks,
	itemsOf,
	leadByEmail,
	leadsIn,
	runLine,
	secretNeedles,
	upsertsFor,
	WF,
	WORKFLOW_DIR,
} from './support';
import type { LineRun } from './support';
import { SCENARIOS, scenarioSandbox } from './scenarios';
import { HTTP_DOMAIN } from './scenarios/http-request';

const PACKAGE = 'n8n-nodes-leadsquared';
const NODE_TYPE = `${PACKAGE}.leadSquared`;
const ALL_WORKFLOWS = [...Object.values(WF), ...SCENARIOS.flatMap((scenario) => scenario.workflows)];
/** The e-mail domains of the core (Create or Update) workflows. */
const CORE_DOMAINS = ['acmeconsulting.co', 'automap.e2e.example', 'searchby.e2e.example', 'continue.e2e.example', 'expression.e2e.example', 'split.e2e.example', 'query.e2e.example'];

/** The names of the LeadSquared nodes in each workflow file, by workflow id. */
function leadSquaredNodes(): Map<string, Set<string>> {
	const byId = new Map<string, Set<string>>();
	for (const file of fs.readdirSync(WORKFLOW_DIR).filter((name) => name.endsWith('.json'))) {
		const workflow = JSON.parse(fs.readFileSync(path.join(WORKFLOW_DIR, file), 'utf8')) as { id: string; nodes: Array<{ name: string; type: string }> };
		byId.set(workflow.id, new Set(workflow.nodes.filter((node) => node.type === NODE_TYPE).map((node) => node.name)));
	}
	return byId;
}

/** How many times the LeadSquared nodes of a workflow ran in its execution. */
function leadSquaredNodeRuns(id: string, execution: { data: { resultData: { runData: Record<string, unknown[]> } } } | undefined): number {
	const names = leadSquaredNodes().get(id) ?? new Set<string>();
	return Object.entries(execution?.data.resultData.runData ?? {}).reduce((count, [name, runs]) => count + (names.has(name) ? runs.length : 0), 0);
}

export function describeLine(line: RuntimeLine): void {
	const { version } = LINES[line];
	const suite = e2eLines().includes(line) ? describe : describe.skip;

	suite(`n8n ${version} (${line} line, ${engineFor(line)} expression engine), package installed from its tarball`, () => {
		let run: LineRun;

		beforeAll(async () => {
			const tarball = process.env.E2E_TARBALL;
			if (!tarball) throw new Error('E2E_TARBALL is not set: run through `npm run test:e2e` (jest -c jest.e2e.config.js)');
			run = await runLine(line, tarball, {
				leads: SCENARIOS.flatMap((scenario) => scenario.seedLeads?.() ?? []),
				sandbox: scenarioSandbox(),
				workflows: SCENARIOS.flatMap((scenario) => scenario.workflows),
			});
			const timings = run.commands.map(({ what, result }) => `${what} ${(result.durationMs / 1000).toFixed(1)} s`).join(', ');
			console.log(`n8n ${run.runtime.version} on Node ${run.runtime.nodeVersion} (${run.engine}): ${timings}`);
			if (run.exitCrashes.length > 0) console.log(`exit crashes after complete output (scripts/RUNTIME.md): ${run.exitCrashes.join(', ')}`);
		}, 10 * 60_000);

		afterAll(async () => {
			await run?.close();
		});

		it('runs on the expected n8n and Node, with the package installed like a user installs it', () => {
			expect(run.runtime.version).toBe(version);
			expect(run.runtime.nodeVersion).toBe(line === '2.x' ? 'v24.21.0' : process.version);
			const installed = path.join(run.userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE);
			const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as { version: string };
			const ours = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
			expect(manifest.version).toBe(ours.version);
			expect(fs.existsSync(path.join(installed, 'dist', 'nodes', 'LeadSquared', 'LeadSquared.node.js'))).toBe(true);
			// n8n's own n8n-workflow is used, not a registry copy installed as a peer dependency
			expect(fs.existsSync(path.join(run.userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-workflow'))).toBe(false);
		});

		it("imports the credentials and every workflow with n8n's CLI, and runs them all successfully", () => {
			const output = (what: string): string => {
				const command = run.commands.find((entry) => entry.what === what);
				return `${command?.result.stdout ?? ''}${command?.result.stderr ?? ''}`;
			};
			expect(output('import-credentials')).toContain(`Successfully imported ${Object.keys(CREDENTIALS).length} credentials`);
			const files = fs.readdirSync(WORKFLOW_DIR).filter((name) => name.endsWith('.json'));
			expect(files).toHaveLength(ALL_WORKFLOWS.length);
			expect(output('import-workflows')).toContain(`Successfully imported ${files.length} workflows`);

			expect(run.documented.status).toBe('success');
			expect(run.documented.data.resultData.error).toBeUndefined();
			expect(run.batch.summary).toMatchObject({ failedExecutions: 0, warningExecutions: 0, successfulExecutions: files.length - 1 });
			expect(run.batch.coveredNodes[NODE_TYPE]).toBeGreaterThanOrEqual(files.length - 1);
			for (const id of ALL_WORKFLOWS.filter((wf) => wf !== WF.documented)) {
				expect(run.executions[id]?.status).toBe('success');
			}
		});

		it("sends LeadSquared's documented example (custom field set + SearchBy) byte for byte", () => {
			const items = itemsOf(run.documented, 'Create or Update John Smith');
			const upserts = run.documentedLog.filter((entry) => entry.endpoint === 'Lead.CreateOrUpdate');
			expect(upserts).toHaveLength(1);
			const [request] = upserts;
			expect(request.rawBody).toBe(JSON.stringify(DOCUMENTED_BODY));
			expect(request.method).toBe('POST');
			expect(request.headers['content-type']).toMatch(/^application\/json/);
			expect(request.rawUrl).toBe('/v2/LeadManagement.svc/Lead.CreateOrUpdate?postUpdatedLead=false');
			expect(request.auth).toBe('header');
			expect(request.authOk).toBe(true);

			const lead = leadByEmail(run.sandbox.leads(), 'john.smith@acmeconsulting.co');
			expect(lead).toMatchObject({
				FirstName: 'John',
				LastName: 'Smith',
				Phone: '+919845098450',
				mx_KYC: { Status: 'Pending', mx_CustomObject_1: 'XYZ12345.png', mx_CustomObject_2: '864563' },
			});
			expect(items).toEqual([{ json: { status: 'Success', leadId: lead?.ProspectID, affectedRows: 1 }, pairedItem: { item: 0 } }]);
		});

		it('maps 50 items automatically: 10 existing leads updated, 40 created, one call per item, results in input order', () => {
			const students = autoMapStudents();
			const execution = run.executions[WF.autoMap];
			const items = itemsOf(execution, 'LeadSquared');
			// the node sends several calls at once (options.concurrency), so the calls may arrive in any order
			const upserts = upsertsFor(run.sandbox.log, 'automap.e2e.example');
			expect(upserts).toHaveLength(50);
			const bodies = new Map(upserts.map((request) => [bodyValues(request).EmailAddress, request.rawBody]));
			expect(bodies.size).toBe(50);
			for (const student of students) {
				const expected = Object.entries(student).map(([Attribute, value]) => ({
					Attribute,
					Value: typeof value === 'boolean' ? (value ? '1' : '0') : String(value),
				}));
				expect(bodies.get(student.EmailAddress)).toBe(JSON.stringify(expected));
			}

			const leads = leadsIn(run.sandbox.leads(), 'automap.e2e.example');
			expect(leads).toHaveLength(50);
			expect(items).toHaveLength(50);
			items.forEach((item, i) => {
				const lead = leadByEmail(leads, String(students[i].EmailAddress));
				expect(item).toEqual({ json: { status: 'Success', leadId: lead?.ProspectID, affectedRows: 1 }, pairedItem: { item: i } });
				expect(lead).toMatchObject({ FirstName: 'Student', LastName: `Number ${i + 1}`, mx_City: students[i].mx_City, Score: String(i + 1) });
			});
			// the seeded leads kept their ids (updated, not duplicated); the other 40 are new
			const seededIds = new Map(leadsIn(run.seeded, 'automap.e2e.example').map((lead) => [lead.EmailAddress, lead.ProspectID]));
			expect(seededIds.size).toBe(EXISTING_STUDENTS.length);
			const updated = items.filter((item) => [...seededIds.values()].includes(item.json.leadId));
			expect(updated.map((item) => (item.pairedItem as { item: number }).item + 1)).toEqual(EXISTING_STUDENTS);
			for (const [email, id] of seededIds) expect(leadByEmail(leads, String(email))?.ProspectID).toBe(id);
		});

		it('matches by a unique custom field (SearchBy mx_Student_Id), even when the e-mail changes', () => {
			const items = itemsOf(run.executions[WF.searchBy], 'LeadSquared');
			const seededLead = run.seeded.find((lead) => lead.mx_Student_Id === 'STU-E2E-0001');
			const upserts = upsertsFor(run.sandbox.log, 'searchby.e2e.example');
			const byStudentId = (a: Record<string, unknown>, b: Record<string, unknown>): number =>
				String(a.mx_Student_Id).localeCompare(String(b.mx_Student_Id));
			expect(upserts.map((request) => bodyValues(request)).sort(byStudentId)).toEqual([
				{
					mx_Student_Id: 'STU-E2E-0001',
					EmailAddress: 'meera.nair@searchby.e2e.example',
					FirstName: 'Meera',
					LastName: 'Nair',
					mx_City: 'Kochi',
					SearchBy: 'mx_Student_Id',
				},
				{
					mx_Student_Id: 'STU-E2E-0002',
					EmailAddress: 'arjun.rao@searchby.e2e.example',
					FirstName: 'Arjun',
					LastName: 'Rao',
					mx_City: 'Mysuru',
					SearchBy: 'mx_Student_Id',
				},
			]);
			// SearchBy comes last, as in LeadSquared's documentation
			for (const request of upserts) expect((request.body as Array<{ Attribute: string }>).at(-1)?.Attribute).toBe('SearchBy');

			const leads = run.sandbox.leads();
			const meera = leads.find((lead) => lead.mx_Student_Id === 'STU-E2E-0001');
			const arjun = leads.find((lead) => lead.mx_Student_Id === 'STU-E2E-0002');
			expect(meera).toMatchObject({ ProspectID: seededLead?.ProspectID, EmailAddress: 'meera.nair@searchby.e2e.example', LastName: 'Nair' });
			expect(leadByEmail(leads, 'old.address@searchby.e2e.example')).toBeUndefined();
			expect(arjun?.ProspectID).not.toBe(seededLead?.ProspectID);
			expect(items).toEqual([
				{ json: { status: 'Success', leadId: seededLead?.ProspectID, affectedRows: 1 }, pairedItem: { item: 0 } },
				{ json: { status: 'Success', leadId: arjun?.ProspectID, affectedRows: 1 }, pairedItem: { item: 1 } },
			]);
		});

		it('continues on fail: failing items become error items paired to their input item, next to the good ones', () => {
			const execution = run.executions[WF.continueOnFail];
			const items = itemsOf(execution, 'LeadSquared');
			const leads = run.sandbox.leads();
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
			expect(items[0].json).toEqual({ status: 'Success', leadId: leadByEmail(leads, 'first.good@continue.e2e.example')?.ProspectID, affectedRows: 1 });
			expect(items[3].json).toEqual({ status: 'Success', leadId: leadByEmail(leads, 'second.good@continue.e2e.example')?.ProspectID, affectedRows: 1 });
			// refused by the node before any call: the field and the item are named
			expect(items[1].json).toEqual({
				error: 'Field "EmailAddress" is "not-an-email", which is not an e-mail address [item 1]',
				details: { field: 'EmailAddress', itemIndex: 1 },
			});
			// refused by LeadSquared: its exception type and message are kept
			expect(items[2].json).toMatchObject({
				error: 'LeadSquared refused the lead: A Lead with same Phone Number already exists.',
				details: {
					httpCode: 500,
					exceptionType: 'MXDuplicateEntryException',
					exceptionMessage: 'A Lead with same Phone Number already exists.',
					itemIndex: 2,
				},
			});
			// the node after ours gets all four, still paired
			expect(itemsOf(execution, 'Next Step')).toEqual(items);

			const upserts = upsertsFor(run.sandbox.log, 'continue.e2e.example');
			expect(upserts.map((request) => [bodyValues(request).EmailAddress, request.status]).sort()).toEqual([
				['first.good@continue.e2e.example', 200],
				['second.good@continue.e2e.example', 200],
				['taken.phone@continue.e2e.example', 500],
			]);
			expect(run.sandbox.log.some((entry) => entry.rawBody.includes('not-an-email'))).toBe(false);
			expect(leadsIn(leads, 'continue.e2e.example').map((lead) => lead.EmailAddress).sort()).toEqual([
				'first.good@continue.e2e.example',
				'phone.owner@continue.e2e.example',
				'second.good@continue.e2e.example',
			]);
		});

		it('resolves expressions in mapped fields, manual fields and custom field set sub-fields ({{$json.email}})', () => {
			const items = itemsOf(run.executions[WF.expression], 'LeadSquared');
			const upserts = upsertsFor(run.sandbox.log, 'expression.e2e.example');
			expect(upserts).toHaveLength(1);
			expect(upserts[0].rawBody).toBe(
				JSON.stringify([
					{ Attribute: 'EmailAddress', Value: 'kavya.menon@expression.e2e.example' },
					{ Attribute: 'FirstName', Value: 'Kavya' },
					{ Attribute: 'LastName', Value: 'Menon' },
					{ Attribute: 'mx_City', Value: 'Greater Hyderabad' },
					{ Attribute: 'mx_Course_Interest', Value: 'Law' },
					{ Attribute: 'Notes', Value: 'Submitted from Hyderabad (2 interests)' },
					{ Attribute: 'mx_KYC', Value: '', Fields: [{ Attribute: 'Status', Value: 'Verified' }, { Attribute: 'mx_CustomObject_1', Value: 'passport.pdf' }] },
				]),
			);
			const lead = leadByEmail(run.sandbox.leads(), 'kavya.menon@expression.e2e.example');
			expect(lead).toMatchObject({ LastName: 'Menon', mx_City: 'Greater Hyderabad', mx_KYC: { Status: 'Verified', mx_CustomObject_1: 'passport.pdf' } });
			expect(items).toEqual([{ json: { status: 'Success', leadId: lead?.ProspectID, affectedRows: 1 }, pairedItem: { item: 0 } }]);
		});

		it("after a Split Out node, a later node's $('Split Out').item resolves to each lead's own input", () => {
			const execution = run.executions[WF.splitOut];
			const leads = run.sandbox.leads();
			const good = [
				['ishaan.gupta@split.e2e.example', 'Ishaan Gupta'],
				['diya.kapoor@split.e2e.example', 'Diya Kapoor'],
				['vivaan.shah@split.e2e.example', 'Vivaan Shah'],
			];
			const after = itemsOf(execution, 'After LeadSquared').map((item) => item.json);
			expect(after.filter((json) => json.leadId)).toEqual(
				good.map(([email, name]) => ({ email, name, batch: 'intake-2024-07', leadId: leadByEmail(leads, email)?.ProspectID })),
			);
			const sent = upsertsFor(run.sandbox.log, 'split.e2e.example').map((request) => String(bodyValues(request).EmailAddress));
			expect(sent.sort()).toEqual(good.map(([email]) => email).sort());
			expect(leadsIn(leads, 'split.e2e.example')).toHaveLength(3);
		});

		it('with "On Error: Continue (using error output)", routes the failing item to the error output, paired and merged with its input', () => {
			const execution = run.executions[WF.splitOut];
			const errorOutput = itemsOf(execution, 'LeadSquared', 1);
			expect(errorOutput).toEqual([
				{
					json: {
						email: 'broken-address.split.e2e.example',
						first: 'Broken',
						last: 'Address',
						error: {
							message: 'Field "EmailAddress" is "broken-address.split.e2e.example", which is not an e-mail address [item 2]',
							field: 'EmailAddress',
							itemIndex: 2,
						},
						message: 'Field "EmailAddress" is "broken-address.split.e2e.example", which is not an e-mail address [item 2]',
					},
					pairedItem: { item: 2 },
				},
			]);
			expect(itemsOf(execution, 'LeadSquared', 0).map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 3 }]);
			expect(itemsOf(execution, 'After LeadSquared')).toHaveLength(3);
			expect(itemsOf(execution, 'Failed Students').map((item) => item.json)).toEqual([
				{
					email: 'broken-address.split.e2e.example',
					batch: 'intake-2024-07',
					reason: 'Field "EmailAddress" is "broken-address.split.e2e.example", which is not an e-mail address [item 2]',
				},
			]);
		});

		it('sends the keys percent-encoded in the query string when the credential says so, and in headers otherwise', () => {
			const { accessKey, secretKey } = run.keys;
			// (the HTTP Request node's call with the query-string credential is its scenario's to check)
			const queryCalls = run.sandbox.log.filter((entry) => entry.auth === 'query' && !entry.rawUrl.includes(HTTP_DOMAIN));
			expect(queryCalls.map((entry) => entry.endpoint)).toEqual(['LeadsMetaData.Get', 'Lead.CreateOrUpdate']);
			for (const entry of queryCalls) {
				expect(entry.authOk).toBe(true);
				expect(entry.rawUrl).toContain(`accessKey=${encodeURIComponent(accessKey)}`);
				expect(entry.rawUrl).toContain(`secretKey=${encodeURIComponent(secretKey)}`);
				expect(entry.headers['x-lsq-accesskey']).toBeUndefined();
			}
			expect(bodyValues(queryCalls[1])).toEqual({ EmailAddress: 'query.keys@query.e2e.example', LastName: 'Query' });
			expect(itemsOf(run.executions[WF.queryKeys], 'LeadSquared')[0].json).toMatchObject({ status: 'Success' });

			const headerCalls = run.sandbox.log.filter((entry) => entry.auth !== 'query');
			for (const entry of headerCalls) {
				expect(entry.auth).toBe('header');
				expect(entry.headers['x-lsq-accesskey']).toBe(accessKey);
				expect(entry.headers['x-lsq-secretkey']).toBe(secretKey);
				expect(entry.rawUrl).not.toMatch(/accessKey|secretKey/i);
			}
		});

		it('makes only authenticated calls, none of them rate limited or retried; reads the field list at most once per node run', () => {
			const { log } = run.sandbox;
			expect(log.every((entry) => entry.authOk && entry.status !== null && !entry.rateLimited && !entry.fault)).toBe(true);
			// the core workflows' writes: 1 + 50 + 2 + 3 + 1 + 3 + 1
			const core = log.filter((entry) => entry.endpoint === 'Lead.CreateOrUpdate' && CORE_DOMAINS.some((domain) => entry.rawBody.includes(domain)));
			expect(core).toHaveLength(61);
			const nodeRuns =
				leadSquaredNodeRuns(WF.documented, run.documented) +
				Object.entries(run.executions).reduce((count, [id, execution]) => count + leadSquaredNodeRuns(id, execution), 0);
			const metadataReads = log.filter((entry) => entry.endpoint === 'LeadsMetaData.Get').length;
			expect(metadataReads).toBeGreaterThanOrEqual(Object.keys(WF).length);
			expect(metadataReads).toBeLessThanOrEqual(nodeRuns);
		});

		it("leaks neither key: not in the exported execution JSON, not in n8n's output of any command, not in its database", async () => {
			const needles = secretNeedles(run.keys);
			expect(needles.length).toBeGreaterThanOrEqual(5);
			expect(run.exportedJson.length).toBe(ALL_WORKFLOWS.length + 1);
			const outputs = run.commands.flatMap(({ what, result }) => [
				{ what: `${what} stdout`, text: result.stdout },
				{ what: `${what} stderr`, text: result.stderr },
			]);
			expect(outputs).toHaveLength(2 * 4);
			const database = await databaseFiles(run.userFolder);
			expect(database.length).toBeGreaterThan(0);
			expect(findLeaks([...run.exportedJson, ...outputs, ...database], needles)).toEqual([]);
			// the check can see a key: the sandbox received both, in every request
			expect(findLeaks([{ what: 'sandbox log', text: JSON.stringify(run.sandbox.log) }], needles).length).toBeGreaterThan(0);
		});

		for (const scenario of SCENARIOS) {
			describe(scenario.name, () => scenario.checks(() => run));
		}
	});
}
