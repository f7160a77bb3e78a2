/**
 * What the editor calls: "Test credential" (CredentialTestContext), the field mapper's fields, the
 * Match Field list and the custom field set options (LoadOptionsContext), against the sandbox.
 */
import type { ResourceMapperField } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { disposeN8n, listSearch, loadOptions, loadResourceMapperFields, sandboxCredentials, testCredentials } from '../harness';
import { openSandbox, unusedUrl } from './support';

let sandbox: Sandbox;
/** A port nothing listens on any more. */
let closedUrl: string;

beforeAll(async () => {
	sandbox = await openSandbox();
	closedUrl = await unusedUrl();
});

afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

beforeEach(() => sandbox.reset());

function wrongRegion(): void {
	sandbox.configure({ accountHost: 'api-in21.leadsquared.com', servedHost: 'api-us11.leadsquared.com' });
}

function rightRegion(): void {
	sandbox.configure({ accountHost: undefined, servedHost: undefined });
}

describe('credential test', () => {
	it.each(['headers', 'query'] as const)('accepts the right keys sent in %s', async (sendKeysAs) => {
		const result = await testCredentials(sandboxCredentials(sandbox, { sendKeysAs }));

		expect(result).toEqual({ status: 'OK', message: 'Connection successful (LeadSquared Sandbox).' });
		expect(sandbox.log.map((entry) => entry.endpoint)).toEqual(['UserByAccessKey.Get', 'LeadsMetaData.Get']);
		expect(sandbox.log.every((entry) => entry.authOk && entry.auth === (sendKeysAs === 'query' ? 'query' : 'header'))).toBe(true);
		if (sendKeysAs === 'query') expect(sandbox.log.every((entry) => entry.rawUrl.includes('accessKey=u%24r-'))).toBe(true);
	});

	it.each(['headers', 'query'] as const)('rejects wrong keys sent in %s, with a message about the keys and no key in it', async (sendKeysAs) => {
		const accessKey = 'u$r-wrong-access-key-7777';
		const secretKey = 'wrong-secret-key-8888';
		const result = await testCredentials(sandboxCredentials(sandbox, { sendKeysAs, accessKey, secretKey }));

		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/rejected these keys \(HTTP 401\)/);
		expect(result.message).toMatch(/access key and secret key/);
		for (const secret of [accessKey, secretKey, encodeURIComponent(accessKey), sandbox.accessKey, sandbox.secretKey]) {
			expect(result.message).not.toContain(secret);
		}
		expect(sandbox.log[0]).toMatchObject({ endpoint: 'UserByAccessKey.Get', status: 401 });
	});

	it.each(['headers', 'query'] as const)('names the account\'s own host when the keys belong to another region (%s)', async (sendKeysAs) => {
		wrongRegion();
		try {
			const result = await testCredentials(sandboxCredentials(sandbox, { sendKeysAs }));

			expect(result.status).toBe('Error');
			expect(result.message).toContain('api-in21.leadsquared.com');
			expect(result.message).toContain('India (Mumbai)');
			expect(result.message).toContain('does not serve their account');
			expect(result.message).not.toContain(sandbox.accessKey);
			expect(sandbox.log.map((entry) => [entry.endpoint, entry.status])).toEqual([
				['UserByAccessKey.Get', 200],
				['LeadsMetaData.Get', 401],
			]);
		} finally {
			rightRegion();
		}
	});

	it('says LeadSquared could not be reached when nothing answers', async () => {
		const result = await testCredentials(sandboxCredentials(sandbox, { baseUrl: closedUrl }));

		expect(result.status).toBe('Error');
		expect(result.message).toBe(`Could not reach LeadSquared at ${new URL(closedUrl).host}: the connection was refused`);
	});

	it('refuses a base URL that contains the API path, before sending the keys anywhere', async () => {
		const result = await testCredentials(sandboxCredentials(sandbox, { baseUrl: `${sandbox.url}/v2/LeadManagement.svc` }));

		expect(result.status).toBe('Error');
		expect(result.message).toContain('must stop before the API path');
		expect(sandbox.log).toHaveLength(0);
	});
});

describe('field mapper (resourceMapping.getLeadFields)', () => {
	let fields: ResourceMapperField[];
	const field = (id: string) => fields.find((entry) => entry.id === id);

	beforeAll(async () => {
		sandbox.configure({ mandatoryFields: ['LastName', 'mx_Branch'] });
		try {
			const result = await loadResourceMapperFields(sandboxCredentials(sandbox));
			expect(result.emptyFieldsNotice).toBeUndefined();
			fields = result.fields;
		} finally {
			sandbox.configure({ mandatoryFields: undefined });
		}
	});

	it('lists the account\'s fields, without the custom field set or system-managed fields', () => {
		const ids = fields.map((entry) => entry.id);
		expect(ids).toEqual(expect.arrayContaining(['EmailAddress', 'FirstName', 'LastName', 'Phone', 'Mobile', 'mx_City', 'mx_Student_Id', 'mx_Enrollment_Date']));
		expect(ids).not.toContain('mx_KYC');
		// Fields LeadSquared sets itself are not offered.
		expect(ids).not.toEqual(expect.arrayContaining(['CreatedOn']));
		expect(ids).not.toContain('ModifiedOn');
		expect(fields).toHaveLength(23);
		expect(fields.every((entry) => entry.display && !entry.required && !entry.defaultMatch)).toBe(true);
	});

	it('gives each field its n8n type', () => {
		expect(field('FirstName')).toMatchObject({ type: 'string', displayName: 'First Name (FirstName)' });
		expect(field('EmailAddress')?.type).toBe('string');
		expect(field('mx_Annual_Income')?.type).toBe('number');
		expect(field('Score')?.type).toBe('number');
		expect(field('mx_Newsletter')?.type).toBe('boolean');
		expect(field('DoNotEmail')?.type).toBe('boolean');
		expect(field('mx_Date_of_Birth')?.type).toBe('dateTime');
		expect(field('mx_Enrollment_Date')?.type).toBe('dateTime');
	});

	it('offers a dropdown\'s options', () => {
		expect(field('mx_Course_Interest')).toMatchObject({
			type: 'options',
			options: [
				{ name: 'Engineering', value: 'Engineering' },
				{ name: 'Medicine', value: 'Medicine' },
				{ name: 'Law', value: 'Law' },
				{ name: 'Business Administration', value: 'Business Administration' },
			],
		});
		expect(field('ProspectStage')?.options?.map((option) => option.value)).toEqual(['Prospect', 'Opportunity', 'Customer', 'Invalid']);
	});

	it('marks the fields a lead can be matched on', () => {
		const matchable = fields.filter((entry) => entry.canBeUsedToMatch).map((entry) => entry.id);
		expect(matchable.sort()).toEqual(['EmailAddress', 'Mobile', 'Phone', 'mx_Student_Id']);
	});

	it('labels the fields mandatory for new leads', () => {
		expect(field('LastName')?.displayName).toBe('Last Name (LastName), required for new leads');
		expect(field('mx_Branch')?.displayName).toBe('Branch (mx_Branch), required for new leads');
		expect(field('FirstName')?.displayName).not.toContain('required');
	});
});

describe('field mapper failures become a notice', () => {
	it('with wrong keys', async () => {
		const result = await loadResourceMapperFields(sandboxCredentials(sandbox, { secretKey: 'wrong-secret-key-8888' }));

		expect(result.fields).toEqual([]);
		expect(result.emptyFieldsNotice).toContain('Could not load your LeadSquared lead fields');
		expect(result.emptyFieldsNotice).toContain('HTTP 401');
		expect(result.emptyFieldsNotice).toContain('Manual Entry');
		expect(result.emptyFieldsNotice).not.toContain('wrong-secret-key-8888');
		expect(result.emptyFieldsNotice).not.toContain(sandbox.accessKey);
	});

	it('when the sandbox is closed', async () => {
		const result = await loadResourceMapperFields(sandboxCredentials(sandbox, { baseUrl: closedUrl }));

		expect(result.fields).toEqual([]);
		expect(result.emptyFieldsNotice).toContain('the connection was refused');
	});
});

describe('Match Field list (listSearch.searchMatchFields)', () => {
	it('lists the identifier fields, LeadSquared\'s defaults first', async () => {
		const result = await listSearch('searchMatchFields', sandboxCredentials(sandbox));

		expect(result.results).toEqual([
			{ name: 'Email (EmailAddress)', value: 'EmailAddress' },
			{ name: 'Phone Number (Phone)', value: 'Phone' },
			{ name: 'Mobile Number (Mobile)', value: 'Mobile' },
			{ name: 'Student Id (mx_Student_Id)', value: 'mx_Student_Id' },
		]);
	});

	it('filters by what the user types', async () => {
		const result = await listSearch('searchMatchFields', sandboxCredentials(sandbox), 'student');

		expect(result.results).toEqual([{ name: 'Student Id (mx_Student_Id)', value: 'mx_Student_Id' }]);
	});
});

describe('custom field sets (loadOptions.getCustomFieldSets)', () => {
	it('lists the account\'s CFS with their sub-fields', async () => {
		const options = await loadOptions('getCustomFieldSets', sandboxCredentials(sandbox));

		expect(options).toEqual([
			{ name: 'KYC (mx_KYC)', value: 'mx_KYC', description: 'Sub-fields: Status, mx_CustomObject_1, mx_CustomObject_2' },
		]);
	});

	it('fails with a readable error on wrong keys', async () => {
		await expect(loadOptions('getCustomFieldSets', sandboxCredentials(sandbox, { secretKey: 'wrong-secret-key-8888' }))).rejects.toThrow(
			/HTTP 401/,
		);
	});
});
