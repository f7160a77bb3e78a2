/**
 * What `npm start` and `npm run demo` put into n8n: a credential for the local sandbox and a workflow that
 * sends three leads through the LeadSquared node (one matches a demo lead, two are new).
 */
export const DEMO_WORKFLOW_ID = 'lsqDemoCreateOrUpdate';
export const DEMO_WORKFLOW_NAME = 'LeadSquared demo: create or update 3 leads';
export const DEMO_CREDENTIAL_ID = 'lsqDemoSandboxCred';
export const DEMO_CREDENTIAL_NAME = 'LeadSquared sandbox (local demo)';
export const LEADSQUARED_NODE = 'Create or Update Lead';

/** The owner account `npm start` sets up through n8n's REST API (a local demo instance, so a published password). */
export const DEMO_OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'User', password: 'LeadSquared-Demo-1' };

/** The three leads the workflow sends: Priya is one of the sandbox's demo leads, the others are new. */
export const DEMO_INPUT = [
	{ email: 'priya.sharma@example.com', firstName: 'Priya', lastName: 'Sharma', phone: '+91-9845012345', course: 'Engineering', city: 'Pune' },
	{ email: 'aarav.patel@example.com', firstName: 'Aarav', lastName: 'Patel', phone: '+91-9876500011', course: 'Medicine', city: 'Delhi' },
	{ email: 'sara.khan@example.org', firstName: 'Sara', lastName: 'Khan', phone: '+91-9876500022', course: 'Law', city: 'Hyderabad' },
];

/** The credential for `n8n import:credentials` (n8n encrypts `data` on import). */
export function demoCredential(sandbox: { url: string; accessKey: string; secretKey: string }): Record<string, unknown> {
	return {
		id: DEMO_CREDENTIAL_ID,
		name: DEMO_CREDENTIAL_NAME,
		type: 'leadSquaredApi',
		data: { host: 'custom', baseUrl: sandbox.url, accessKey: sandbox.accessKey, secretKey: sandbox.secretKey, sendKeysAs: 'headers' },
	};
}

/** A field of the mapper as the editor saves it once the account's fields were loaded. */
function mapperField(id: string, displayName: string, type: string, canBeUsedToMatch = false, options?: string[]): Record<string, unknown> {
	return {
		id,
		displayName,
		required: false,
		defaultMatch: false,
		canBeUsedToMatch,
		display: true,
		type,
		...(options ? { options: options.map((option) => ({ name: option, value: option })) } : {}),
		removed: false,
	};
}

const NOTE = [
	'## LeadSquared demo',
	'',
	'**Sample Leads** holds three leads. **Create or Update Lead** sends each to a local LeadSquared sandbox that `npm start` runs (no LeadSquared account needed):',
	'',
	'- Priya Sharma is already in the sandbox, matched by e-mail: she is **updated** (new course and city)',
	'- Aarav Patel and Sara Khan are **created**',
	'',
	'Click **Execute workflow** below, then open **Create or Update Lead** to see each lead\'s status and lead id. The terminal running `npm start` prints the requests and the sandbox\'s leads.',
	'',
	'Run it again: all three are now updates. Change a value in Sample Leads (say, an e-mail that is not an address) to see how errors look.',
].join('\n');

/** The demo workflow for `n8n import:workflow`. */
export function demoWorkflow(): Record<string, unknown> {
	const credentials = { leadSquaredApi: { id: DEMO_CREDENTIAL_ID, name: DEMO_CREDENTIAL_NAME } };
	return {
		id: DEMO_WORKFLOW_ID,
		name: DEMO_WORKFLOW_NAME,
		active: false,
		nodes: [
			{
				id: 'b1d6a3f0-0000-4c5e-9d00-000000000001',
				name: 'About This Demo',
				type: 'n8n-nodes-base.stickyNote',
				typeVersion: 1,
				position: [-40, -340],
				parameters: { content: NOTE, height: 300, width: 760 },
			},
			{
				id: 'b1d6a3f0-0000-4c5e-9d00-000000000002',
				name: "When clicking 'Execute workflow'",
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'b1d6a3f0-0000-4c5e-9d00-000000000003',
				name: 'Sample Leads',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [220, 0],
				parameters: { mode: 'raw', jsonOutput: JSON.stringify({ leads: DEMO_INPUT }, null, 2), options: {} },
			},
			{
				id: 'b1d6a3f0-0000-4c5e-9d00-000000000004',
				name: 'One Item per Lead',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [440, 0],
				parameters: { fieldToSplitOut: 'leads', include: 'noOtherFields', options: {} },
			},
			{
				id: 'b1d6a3f0-0000-4c5e-9d00-000000000005',
				name: LEADSQUARED_NODE,
				type: 'n8n-nodes-leadsquared.leadSquared',
				typeVersion: 1,
				position: [660, 0],
				credentials,
				parameters: {
					resource: 'lead',
					operation: 'createOrUpdate',
					attributes: {
						mappingMode: 'defineBelow',
						value: {
							EmailAddress: '={{ $json.email }}',
							FirstName: '={{ $json.firstName }}',
							LastName: '={{ $json.lastName }}',
							Phone: '={{ $json.phone }}',
							mx_Course_Interest: '={{ $json.course }}',
							mx_City: '={{ $json.city }}',
						},
						matchingColumns: [],
						schema: [
							mapperField('FirstName', 'First Name', 'string'),
							mapperField('LastName', 'Last Name, required for new leads', 'string'),
							mapperField('EmailAddress', 'Email', 'string', true),
							mapperField('Phone', 'Phone Number', 'string', true),
							mapperField('mx_City', 'City', 'string'),
							mapperField('mx_Course_Interest', 'Course Interest', 'options', false, ['Engineering', 'Medicine', 'Law', 'Business Administration']),
						],
					},
					options: {},
				},
			},
			{
				id: 'b1d6a3f0-0000-4c5e-9d00-000000000006',
				name: 'Summary',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [880, 0],
				parameters: {
					mode: 'manual',
					assignments: {
						assignments: [
							{ id: 'name', name: 'name', type: 'string', value: "={{ $('One Item per Lead').item.json.firstName }} {{ $('One Item per Lead').item.json.lastName }}" },
							{ id: 'email', name: 'email', type: 'string', value: "={{ $('One Item per Lead').item.json.email }}" },
							{ id: 'leadId', name: 'leadId', type: 'string', value: '={{ $json.leadId }}' },
							{ id: 'status', name: 'status', type: 'string', value: '={{ $json.status }}' },
						],
					},
					options: {},
				},
			},
		],
		connections: {
			"When clicking 'Execute workflow'": { main: [[{ node: 'Sample Leads', type: 'main', index: 0 }]] },
			'Sample Leads': { main: [[{ node: 'One Item per Lead', type: 'main', index: 0 }]] },
			'One Item per Lead': { main: [[{ node: LEADSQUARED_NODE, type: 'main', index: 0 }]] },
			[LEADSQUARED_NODE]: { main: [[{ node: 'Summary', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}
