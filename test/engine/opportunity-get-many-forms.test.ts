/**
 * Opportunity → Get Many with the type left empty ("every type") through n8n's engine, under every form of
 * the answers it depends on (§12.2): GetOpportunitiesOfLead without `opportunityType` answered as documented,
 * refused, or empty; its rows in the documented form or as seen live (no OpportunityEvent); the opportunity
 * type list from GetOpportunityTypes, or from ActivityTypes.Get where GetOpportunityTypes answers 404 or
 * "disabled". The same opportunities come out each time, newest first, with Limit and Return All kept.
 */
import type { Sandbox, SandboxOptions } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import { C, locator, parameters, post } from './pipeline-support';
import { captureBody } from '../sandbox/crm-client';
import { calls, openSandbox } from './support';

let sandbox: Sandbox;
let leadId: string;
const node = { typeVersion: 1.1 };

/** Captures an opportunity with the sandbox's clock at 2026-03-01 09:<minute>. */
async function captureAt(minute: number, email: string, code: number, fields: Record<string, string>): Promise<string> {
	const clock = jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-03-01T09:00:00Z') + minute * 60_000);
	try {
		const res = await post(sandbox, C.oppCapture, captureBody(email, code, fields));
		if (res.status !== 200) throw new Error(res.text);
		return res.json.RelatedProspectId as string;
	} finally {
		clock.mockRestore();
	}
}

beforeAll(async () => {
	sandbox = await openSandbox();
	leadId = await captureAt(1, 'forms@example.com', 12000, { mx_Custom_1: 'A1', mx_Custom_2: 'Engineering' });
	await captureAt(2, 'forms@example.com', 12001, { mx_Custom_1: 'L1', mx_Custom_2: '1000' });
	await captureAt(3, 'forms@example.com', 12000, { mx_Custom_1: 'A2', mx_Custom_2: 'Law' });
	await captureAt(4, 'forms@example.com', 12001, { mx_Custom_1: 'L2', mx_Custom_2: '2000' });
	await captureAt(5, 'forms@example.com', 12001, { mx_Custom_1: 'L3', mx_Custom_2: '3000' });
	await captureAt(6, 'someone.else@example.com', 12001, { mx_Custom_1: 'Not this lead', mx_Custom_2: '1' });
});

afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

const DEFAULTS: SandboxOptions = {
	opportunitiesOfLeadRequiresType: undefined,
	opportunitiesOfLeadRows: undefined,
	opportunityTypesApi: undefined,
	activityTypesIncludeOpportunities: undefined,
	activityTypes: undefined,
	onRequest: undefined,
};

beforeEach(() => {
	sandbox.configure(DEFAULTS);
	sandbox.clearFaults();
	sandbox.log.length = 0;
});

const NEWEST_FIRST = ['L3', 'L2', 'A2', 'L1', 'A1'];
const reads = () => calls(sandbox, 'GetOpportunitiesOfLead');

async function getMany(values: Record<string, unknown>, errorOutput = false) {
	return await runLeadSquared({
		parameters: parameters('opportunity', 'getMany', { leadId, opportunityType: locator(''), ...values }),
		credentials: sandboxCredentials(sandbox),
		errorOutput,
		node,
	});
}

const FORMS: Array<[SandboxOptions['opportunitiesOfLeadRows'], SandboxOptions['opportunitiesOfLeadRequiresType'], SandboxOptions['opportunityTypesApi']]> = [];
for (const rows of ['documented', 'live'] as const) {
	for (const requires of ['no', 'error', 'empty'] as const) {
		for (const api of ['available', 'notFound', 'disabled'] as const) FORMS.push([rows, requires, api]);
	}
}

describe('Opportunity → Get Many, every type, under every answer form', () => {
	it.each(FORMS)('rows %s, the type-less call answered "%s", GetOpportunityTypes %s: every opportunity once, newest first, typed', async (rows, requires, api) => {
		sandbox.configure({ opportunitiesOfLeadRows: rows, opportunitiesOfLeadRequiresType: requires, opportunityTypesApi: api });

		const all = await getMany({ returnAll: true });
		expect(all.status).toBe('success');
		expect(all.items.map((item) => item.json.mx_Custom_1)).toEqual(NEWEST_FIRST);
		expect(all.items.map((item) => item.json.OpportunityEvent)).toEqual(['12001', '12001', '12000', '12001', '12000']);
		expect(all.items.every((item) => item.json.RelatedProspectId === leadId)).toBe(true);
		// Typed by each row's type, also for rows that do not name their type: Loan Amount is a number, Course stays text.
		expect(all.items.map((item) => item.json.mx_Custom_2)).toEqual([3000, 2000, 'Law', 1000, 'Engineering']);
		expect(reads().every((entry) => entry.query.opportunityType !== undefined)).toBe(true);

		sandbox.log.length = 0;
		const limited = await getMany({ returnAll: false, limit: 3 });
		expect(limited.items.map((item) => item.json.mx_Custom_1)).toEqual(NEWEST_FIRST.slice(0, 3));
		expect(reads().map((entry) => [entry.query.opportunityType, entry.body])).toEqual([
			['12000', { Paging: { PageIndex: 1, PageSize: 3 }, Sorting: { ColumnName: 'CreatedOn', Direction: '1' } }],
			['12001', { Paging: { PageIndex: 1, PageSize: 3 }, Sorting: { ColumnName: 'CreatedOn', Direction: '1' } }],
		]);
	});
});

describe('Opportunity → Get Many, every type: what cannot be read is said', () => {
	it('a type that cannot be read fails the item, naming the type: never the other types\' rows alone', async () => {
		let armed = true;
		sandbox.configure({
			onRequest: (entry) => {
				// After the first type's read, the next one is refused.
				if (armed && entry.endpoint === 'GetOpportunitiesOfLead') {
					armed = false;
					sandbox.injectFault({ endpoint: 'GetOpportunitiesOfLead', type: 'json', status: 500, body: { Status: 'Error', ExceptionType: 'MXInvalidInputException', ExceptionMessage: 'Invalid Opportunity Type' } });
				}
			},
		});
		const result = await getMany({ returnAll: true }, true);
		expect(result.items).toEqual([]);
		const error = result.errorItems[0].json.error as { message: string; description: string };
		expect(error.message).toMatch(/^Reading the lead's opportunities of type Loan \(12001\) failed: /);
		expect(error.description).toMatch(/Invalid Opportunity Type/);
		expect(reads().map((entry) => entry.query.opportunityType)).toEqual(['12000', '12001']);
	});

	it('with no opportunity type known anywhere, the documented call for every type: its refusal fails the item with LeadSquared\'s words', async () => {
		sandbox.configure({ opportunityTypesApi: 'notFound', activityTypesIncludeOpportunities: false });
		const refused = await getMany({ returnAll: true }, true);
		expect(refused.items).toEqual([]);
		expect(JSON.stringify(refused.errorItems[0].json.error)).toContain('Invalid Input! Parameter Name: opportunityType');
		expect(reads().map((entry) => entry.query)).toEqual([{ leadId }]);

		sandbox.configure({ opportunitiesOfLeadRequiresType: 'no' });
		expect((await getMany({ returnAll: true })).items.map((item) => item.json.mx_Custom_1)).toEqual(NEWEST_FIRST);
	});

	it('an account whose own list holds no opportunity type: no opportunity, no read', async () => {
		sandbox.configure({ activityTypes: [{ code: 201, name: 'Form Submitted' }] });
		const result = await getMany({ returnAll: true });
		expect(result.status).toBe('success');
		expect(result.items).toEqual([]);
		expect(reads()).toEqual([]);
	});
});
