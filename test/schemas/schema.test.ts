/**
 * The JSON Schema subset behind the output schemas: what is inferred from outputs (the node's own objects
 * closed and their always-present keys required; LeadSquared's records open, with the account's fields
 * as typed additional properties), and what the validator refuses.
 */
import { inferSchema, presentPaths, propertyPaths, schemaProblems, validate } from './schema';
import type { SchemaFile } from './schema';

describe('inferSchema', () => {
	it("closes the node's own objects: every key seen, required when every output has it, null listed last", () => {
		const schema = inferSchema([
			{ status: 'Success', leadId: 'a', droppedFields: ['mx_X'] },
			{ status: 'Success', leadId: null, affectedRows: 1 },
		]);
		expect(schema).toEqual({
			type: 'object',
			properties: {
				status: { type: 'string' },
				leadId: { type: ['string', 'null'] },
				droppedFields: { type: 'array', items: { type: 'string' } },
				affectedRows: { type: 'number' },
			},
			required: ['status', 'leadId'],
			additionalProperties: false,
			version: 1,
		});
	});

	it("opens LeadSquared's records: no required keys, the account's mx_ fields as additional properties with their types", () => {
		const schema = inferSchema(
			[
				{ ProspectID: 'a', Score: 42, mx_City: 'Pune', mx_KYC: { Status: 'Verified' } },
				{ ProspectID: 'b', Score: null, mx_Newsletter: true },
			],
			{ records: [''] },
		);
		expect(schema).toEqual({
			type: 'object',
			properties: { ProspectID: { type: 'string' }, Score: { type: ['number', 'null'] } },
			additionalProperties: { type: ['object', 'string', 'boolean'] },
			version: 1,
		});
	});

	it('describes records nested in outputs by path, and only the type of opaque values', () => {
		const schema = inferSchema([{ status: 'Success', lead: { ProspectID: 'a' }, answer: { Anything: 1 } }], { records: ['lead'], opaque: ['answer'] });
		expect(schema.properties?.lead).toEqual({ type: 'object', properties: { ProspectID: { type: 'string' } }, additionalProperties: true });
		expect(schema.properties?.answer).toEqual({ type: 'object' });
	});
});

describe('validate', () => {
	const schema = inferSchema(
		[
			{ status: 'Success', leadId: 'a', lead: { ProspectID: 'a', mx_City: 'Pune' }, skippedFields: ['LastName'] },
			{ status: 'Success', leadId: 'b' },
		],
		{ records: ['lead'] },
	);

	it("accepts outputs of the shapes seen; a record's other keys take the types of the account's fields", () => {
		expect(validate(schema, { status: 'Success', leadId: 'c', lead: { ProspectID: 'c', mx_Branch: 'Delhi', Other: 'x' } })).toEqual([]);
		expect(validate(schema, { status: 'Success', leadId: 'c', lead: { ProspectID: 'c', Other: 1 } })).toEqual(['$.lead.Other: 1 is not of type string']);
	});

	it('refuses a key the node added without its schema, a missing required key, a wrong type, a wrong account field, a wrong list entry', () => {
		expect(validate(schema, { status: 'Success', leadId: 'c', created: true })).toEqual(['$: key "created" is not in the schema']);
		expect(validate(schema, { status: 'Success' })).toEqual(['$: required key "leadId" is missing']);
		expect(validate(schema, { status: 'Success', leadId: 7 })).toEqual(['$.leadId: 7 is not of type string']);
		expect(validate(schema, { status: 'Success', leadId: 'c', lead: { ProspectID: 'c', mx_City: 3 } })).toEqual(['$.lead.mx_City: 3 is not of type string']);
		expect(validate(schema, { status: 'Success', leadId: 'c', skippedFields: ['A', 1] })).toEqual(['$.skippedFields[1]: 1 is not of type string']);
	});

	it('tells integer from number, and ignores keywords outside the subset', () => {
		expect(validate({ type: 'integer' }, 1.5)).toEqual(['$: 1.5 is not of type integer']);
		expect(validate({ type: ['integer', 'null'] }, null)).toEqual([]);
		expect(validate({ type: 'number' }, 1.5)).toEqual([]);
		expect(validate({ type: 'string', format: 'date-time' } as never, 'x')).toEqual([]);
	});
});

describe('the schema itself', () => {
	it("refuses keywords outside the subset, unknown types, and a root n8n's editor would not show", () => {
		expect(schemaProblems({ type: 'object', properties: { a: { type: 'text', enum: ['x'] } }, version: 1 } as unknown as SchemaFile)).toEqual([
			'$.a: keyword "enum" is outside the subset',
			'$.a: unknown type "text"',
		]);
		expect(schemaProblems({ type: 'object', properties: {}, version: 1 })).toEqual([
			"the item must be an object schema with properties (n8n's editor shows nothing otherwise)",
		]);
	});

	it('lists its property paths, to compare with the keys outputs have', () => {
		const schema = inferSchema([{ a: { b: 1 }, list: [{ c: 'x' }] }]);
		expect(propertyPaths(schema)).toEqual(['a', 'a.b', 'list', 'list[].c']);
		expect([...presentPaths([{ a: { b: 1 }, list: [{ c: 'x' }] }])]).toEqual(['a', 'a.b', 'list', 'list[].c']);
	});
});
