/**
 * Lead → Get Many with a Limit and a Sort By field that many leads share (issue 17 §4), against the
 * sandbox's default tie order (leads tied on the sort field come in a new order on every call, as
 * LeadSquared's do): the result is exactly the first N leads by that field, tied leads in creation order
 * (as documented on Sort Field), with empty values first ascending and last descending — never leads from
 * further down in place of the first ones, never fewer than the Limit when enough leads match.
 */
import type { IDataObject } from 'n8n-workflow';

import type { LeadRecord, Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { idsOf, manyParameters, searchCalls } from './lead-get-many-support';
import type { ManySpec } from './lead-get-many-support';
import { useSandbox } from './support';

const TOTAL = 1500;
// Five cities of very different sizes and some leads without a city, interleaved in creation order.
const CITIES = ['Pune', 'Delhi', 'pune', 'Chennai', '', 'Delhi', 'Pune', 'Mumbai', 'Delhi', 'Pune', 'Kochi', ''];
const SEED = Array.from({ length: TOTAL }, (_, i) => ({
	LastName: `Tie ${i}`,
	EmailAddress: `tie${i}@ties.example.com`,
	mx_City: CITIES[(i * 7) % CITIES.length],
	Score: String(i % 4),
}));

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened), { leads: SEED });

async function getMany(spec: ManySpec) {
	return await runLeadSquared({ parameters: manyParameters(spec), credentials: sandboxCredentials(sandbox), node: { typeVersion: 1.1 } });
}

/** The leads' ids in the order the node promises: by the field (text ignoring case, empty first ascending), ties by creation. */
function expectedOrder(field: 'mx_City' | 'Score', descending: boolean, keep: (lead: LeadRecord) => boolean = () => true): string[] {
	const key = (lead: LeadRecord): string | number | null => {
		const value = lead[field];
		if (value === undefined || value === null || value === '') return null;
		return field === 'Score' ? Number(value) : String(value).toLowerCase();
	};
	return sandbox
		.leads()
		.filter(keep)
		.sort((a, b) => {
			const x = key(a);
			const y = key(b);
			const order = x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
			return (descending ? -order : order) || Number(a.ProspectAutoId) - Number(b.ProspectAutoId);
		})
		.map((lead) => String(lead.ProspectID));
}

describe('a Limit sorted by a field leads share, under LeadSquared\'s tie order', () => {
	it('Limit 300, City ascending, pages of 100: exactly the first 300 (leads without a city first, then by city, ties in creation order)', async () => {
		const result = await getMany({ limit: 300, options: { pageSize: 100, sortBy: 'mx_City' } });
		expect(result.status).toBe('success');
		expect(idsOf(result.items)).toEqual(expectedOrder('mx_City', false).slice(0, 300));
		expect(searchCalls(sandbox)[0]).toMatchObject({ Sorting: { ColumnName: 'mx_City', Direction: '0' }, Paging: { PageIndex: 1, PageSize: 100 } });
	});

	it('Limit 1,400 of 1,500, City descending: never stops short, exactly the first 1,400', async () => {
		const result = await getMany({ limit: 1400, options: { pageSize: 250, sortBy: 'mx_City', sortDirection: 'descending' } });
		expect(idsOf(result.items)).toEqual(expectedOrder('mx_City', true).slice(0, 1400));
	});

	it('Limit 50 by Score (a number): two calls, the 50 oldest leads of the lowest score', async () => {
		const result = await getMany({ limit: 50, options: { sortBy: 'Score' } });
		expect(idsOf(result.items)).toEqual(expectedOrder('Score', false).slice(0, 50));
		// One page of 50 by Score (all score 0), then score 0's leads by creation, 50 of them.
		expect(searchCalls(sandbox).map((call) => [call.Parameter.LookupName, call.Parameter.SqlOperator, call.Parameter.LookupValue, call.Sorting.ColumnName])).toEqual([
			['CreatedOn', '>', '1900-01-01 00:00:00', 'Score'],
			['Score', '=', '0', 'ProspectAutoId'],
		]);
	});

	it('with a condition the node checks (Score ≥ 2) and one LeadSquared checks (a LIKE on the e-mail address): exactly the first 120', async () => {
		const result = await getMany({
			limit: 120,
			conditions: [
				{ field: 'EmailAddress', operator: 'like', value: 'tie1%' },
				{ field: 'Score', operator: 'greaterOrEqual', value: '2' },
			],
			options: { pageSize: 40, sortBy: 'mx_City', sortDirection: 'descending' },
		});
		const keep = (lead: LeadRecord) => String(lead.EmailAddress).startsWith('tie1') && Number(lead.Score) >= 2;
		expect(idsOf(result.items)).toEqual(expectedOrder('mx_City', true, keep).slice(0, 120));
		expect(result.items.every((item: { json: IDataObject }) => Number(item.json.Score) >= 2)).toBe(true);
	});

	it('a Limit above the leads that match returns all of them, in order', async () => {
		const result = await getMany({ limit: 500, conditions: [{ field: 'mx_City', value: 'kochi' }], options: { pageSize: 50, sortBy: 'mx_City' } });
		const kochi = expectedOrder('mx_City', false, (lead) => lead.mx_City === 'Kochi');
		expect(kochi.length).toBeGreaterThan(100);
		expect(idsOf(result.items)).toEqual(kochi);
	});
});
