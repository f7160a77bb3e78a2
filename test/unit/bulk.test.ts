import { chunk, mapBulkResults } from '../../nodes/LeadSquared/machinery/bulk';

describe('chunk', () => {
	it('splits into groups of at most 25', () => {
		const values = Array.from({ length: 60 }, (_, i) => i);
		expect(chunk(values, 25).map((group) => group.length)).toEqual([25, 25, 10]);
		expect(chunk(values, 100).map((group) => group.length)).toEqual([25, 25, 10]);
		expect(chunk(values, 0).length).toBe(60);
	});
});

describe('mapBulkResults', () => {
	it('maps 1-based row numbers back to rows, whatever their order, with per-row errors', () => {
		const results = mapBulkResults(3, [
			{ RowNumber: 3, LeadId: 'c', LeadCreated: false, LeadUpdated: true, AffectedRows: 1 },
			{ RowNumber: 1, LeadId: 'a', LeadCreated: true, LeadUpdated: false, AffectedRows: 1 },
			{
				RowNumber: 2,
				LeadId: null,
				LeadCreated: false,
				LeadUpdated: false,
				AffectedRows: 0,
				ExceptionType: 'MXDuplicateEntryException',
				ErrorMessage: 'A Lead with same Phone Number already exists.',
			},
		]);
		expect(results).toEqual([
			{ ok: true, leadId: 'a', created: true, updated: false, affectedRows: 1 },
			{
				ok: false,
				failure: expect.objectContaining({
					kind: 'business',
					exceptionType: 'MXDuplicateEntryException',
					message: 'LeadSquared refused the lead: A Lead with same Phone Number already exists.',
				}),
			},
			{ ok: true, leadId: 'c', created: false, updated: true, affectedRows: 1 },
		]);
	});

	it('fails rows the answer does not mention, and answers that are not lists', () => {
		const results = mapBulkResults(2, [{ RowNumber: 1, LeadId: 'a' }])!;
		expect(results[1]).toEqual({ ok: false, failure: expect.objectContaining({ message: "LeadSquared's bulk answer has no result for row 2" }) });
		expect(mapBulkResults(1, { Status: 'Success' })).toBeUndefined();
		expect(mapBulkResults(1, [{ RowNumber: 1 }])![0]).toEqual({
			ok: false,
			failure: expect.objectContaining({ message: "LeadSquared's bulk answer for row 1 has neither a lead id nor an error" }),
		});
	});
});
