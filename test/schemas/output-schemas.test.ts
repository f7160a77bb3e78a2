/**
 * The node's output schemas (what n8n's editor shows of an operation's output before it runs, from
 * `nodes/LeadSquared/__schema__/v<version>/<resource>/<operation>.json`) against the node's real outputs:
 * every operation, at every node version, run through n8n-core's engine against the sandbox (cases-*.ts).
 * Each output must fit the committed schema, and the schema may list no key that no output has.
 *
 * `UPDATE_SCHEMAS=1 npx jest test/schemas/output-schemas.test.ts` first writes each schema inferred from
 * these outputs (then review the diff: the committed files are the source of truth).
 */
import { disposeN8n } from '../harness';
import { CASES } from './cases';
import { caseOutputs } from './runner';
import { nodeOperations, nodeVersions, readSchemaFile, schemaFileName, schemaFilesOnDisk, TRIGGER_SCHEMA, writeSchemaFile } from './files';
import { inferSchema, presentPaths, propertyPaths, schemaProblems, validate } from './schema';

const UPDATE = process.env.UPDATE_SCHEMAS === '1';
const key = ({ resource, operation }: { resource: string; operation: string }) => `${resource}/${operation}`;

afterAll(async () => {
	await disposeN8n();
});

describe('output cases', () => {
	it('every operation of the node has its representative runs, and no case names an operation it lacks', () => {
		expect(CASES.map(key).sort()).toEqual(nodeOperations().map(key).sort());
	});
});

describe.each(nodeVersions())('output schemas of node version %s against real outputs', (version) => {
	it.each(CASES)('$resource → $operation', async (outputCase) => {
		const outputs = await caseOutputs(outputCase, version);
		const name = schemaFileName(version, outputCase);
		if (UPDATE) writeSchemaFile(name, inferSchema(outputs, outputCase));

		const schema = readSchemaFile(name);
		if (!schema) throw new Error(`No output schema ${name}: run UPDATE_SCHEMAS=1 npx jest test/schemas/output-schemas.test.ts`);
		expect(schemaProblems(schema)).toEqual([]);
		expect(outputs.flatMap((output, index) => validate(schema, output, `$[${index}]`))).toEqual([]);
		// A key the schema promises must show up in some output (a key the node no longer outputs is stale).
		const present = presentPaths(outputs);
		expect(propertyPaths(schema).filter((path) => !present.has(path))).toEqual([]);
	});
});

// After the checks above (which write the files with UPDATE_SCHEMAS=1).
describe('output schema files', () => {
	it('every operation has a schema file for every node version, and there is no other file but the triggers’ one', () => {
		const expected = [...nodeVersions().flatMap((version) => nodeOperations().map((operation) => schemaFileName(version, operation))), TRIGGER_SCHEMA];
		expect(schemaFilesOnDisk().sort()).toEqual(expected.sort());
	});
});
