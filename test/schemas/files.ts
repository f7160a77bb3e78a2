/**
 * Where the node's output schemas live and which ones it must have: one per operation (from the node's
 * resources) and per node version, at `nodes/LeadSquared/__schema__/v<x.y.z>/<resource>/<operation>.json`,
 * the path n8n resolves next to the node's built file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { RESOURCES } from '../../nodes/LeadSquared/actions/resources';
import { LeadSquared } from '../../nodes/LeadSquared/LeadSquared.node';
import type { SchemaFile } from './schema';

/**
 * The trigger nodes' schema: n8n's editor falls back to `v<x.y.z>/output.json` for a node without resource
 * and operation; both triggers sit in this folder and emit the same event items (trigger-schemas.test.ts).
 */
export const TRIGGER_SCHEMA = 'v1.0.0/output.json';

export const SCHEMA_ROOT = path.join(__dirname, '..', '..', 'nodes', 'LeadSquared', '__schema__');

export interface OperationRef {
	resource: string;
	operation: string;
}

/** n8n's padding of a node version to a directory name: 1 → v1.0.0, 1.1 → v1.1.0. */
export function versionDirectory(version: number): string {
	return `v${String(version).split('.').concat(['0', '0']).slice(0, 3).join('.')}`;
}

/** The node's versions, as its description declares them. */
export function nodeVersions(): number[] {
	const { version } = new LeadSquared().description;
	return Array.isArray(version) ? version : [version];
}

/** Every operation the node runs (each resource's `operations`, which the router dispatches to). */
export function nodeOperations(): OperationRef[] {
	return RESOURCES.flatMap((resource) => Object.keys(resource.operations).map((operation) => ({ resource: resource.value, operation })));
}

/** `v1.1.0/lead/get.json`, relative to SCHEMA_ROOT. */
export function schemaFileName(version: number, { resource, operation }: OperationRef): string {
	return `${versionDirectory(version)}/${resource}/${operation}.json`;
}

export function readSchemaFile(name: string): SchemaFile | undefined {
	const file = path.join(SCHEMA_ROOT, name);
	return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as SchemaFile) : undefined;
}

export function writeSchemaFile(name: string, schema: SchemaFile): void {
	const file = path.join(SCHEMA_ROOT, name);
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(schema, null, '\t')}\n`);
}

/** Every schema file committed, relative to SCHEMA_ROOT. */
export function schemaFilesOnDisk(directory = SCHEMA_ROOT, prefix = ''): string[] {
	if (!fs.existsSync(directory)) return [];
	return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
		const name = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
		return entry.isDirectory() ? schemaFilesOnDisk(path.join(directory, entry.name), name) : [name];
	});
}
