/**
 * The JSON Schema subset of n8n's output schemas (`__schema__/v<version>/<resource>/<operation>.json`):
 * `type` (one or a list), `properties`, `required`, `additionalProperties`, `items`, plus n8n's top-level
 * `version`. Inferred from real outputs, and checked against them, by the functions here (no dependency).
 */

export type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

export interface JsonSchema {
	type?: JsonType | JsonType[];
	properties?: Record<string, JsonSchema>;
	required?: string[];
	additionalProperties?: boolean | JsonSchema;
	items?: JsonSchema;
}

/** A schema file: the item's schema and n8n's `version` key (the file format's revision, 1 in n8n's own files). */
export type SchemaFile = JsonSchema & { version: number };

export const SCHEMA_FORMAT_VERSION = 1;

const KEYWORDS = new Set(['type', 'properties', 'required', 'additionalProperties', 'items']);
const TYPES: JsonType[] = ['object', 'array', 'string', 'number', 'integer', 'boolean', 'null'];
/** Listing order of a value's possible types: n8n's editor shows the first one, so `null` comes last. */
const ORDER: JsonType[] = ['object', 'array', 'string', 'number', 'boolean', 'null'];

/** A key of the LeadSquared account's own fields (custom lead, activity, task and opportunity fields). */
export function isAccountField(key: string): boolean {
	return /^mx_/i.test(key);
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(value: unknown): JsonType {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'object') return 'object';
	if (typeof value === 'number') return 'number';
	if (typeof value === 'boolean') return 'boolean';
	if (typeof value === 'string') return 'string';
	throw new Error(`An output holds a ${typeof value}, which JSON cannot carry`);
}

function typeOfAll(values: unknown[]): JsonType | JsonType[] {
	const seen = new Set(values.map(typeOf));
	const types = ORDER.filter((type) => seen.has(type));
	return types.length === 1 ? types[0] : types;
}

// ---------------------------------------------------------------- inference

export interface InferOptions {
	/**
	 * Paths (`''` the item, `lead`, `Data`, `list[]` the elements of `list`) of records LeadSquared returns as
	 * they are: the keys seen are listed without `required`; the account's own fields (`mx_…`) are not listed
	 * but allowed, as is any other key, with the types the account's fields had (`additionalProperties`; any
	 * value when none was seen). Every other object is the node's own: exactly its keys, `required` those
	 * present in every output.
	 */
	records?: string[];
	/** Paths of values whose inner shape is LeadSquared's alone (e.g. an unexpected answer kept whole): only their type. */
	opaque?: string[];
}

const child = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

/** The schema of values seen at one path, from every output that has a value there. */
function infer(values: unknown[], path: string, options: Required<InferOptions>): JsonSchema {
	const schema: JsonSchema = { type: typeOfAll(values) };
	if (options.opaque.includes(path)) return schema;
	const objects = values.filter(isObject);
	if (objects.length > 0) {
		const record = options.records.includes(path);
		const keys = [...new Set(objects.flatMap((object) => Object.keys(object)))];
		const properties: Record<string, JsonSchema> = {};
		const accountValues: unknown[] = [];
		for (const key of keys) {
			const seen = objects.filter((object) => key in object).map((object) => object[key]);
			if (record && isAccountField(key)) accountValues.push(...seen);
			else properties[key] = infer(seen, child(path, key), options);
		}
		schema.properties = properties;
		if (record) {
			schema.additionalProperties = accountValues.length > 0 ? { type: typeOfAll(accountValues) } : true;
		} else {
			const required = keys.filter((key) => objects.every((object) => key in object));
			if (required.length > 0) schema.required = required;
			schema.additionalProperties = false;
		}
	}
	const arrays = values.filter(Array.isArray);
	if (arrays.length > 0) {
		const elements = arrays.flat();
		schema.items = elements.length > 0 ? infer(elements, `${path}[]`, options) : {};
	}
	return schema;
}

/** The schema of an operation's output items, from real outputs (each one item's json). */
export function inferSchema(outputs: unknown[], options: InferOptions = {}): SchemaFile {
	if (outputs.length === 0) throw new Error('No output to infer a schema from');
	const schema = infer(outputs, '', { records: options.records ?? [], opaque: options.opaque ?? [] });
	return { ...schema, version: SCHEMA_FORMAT_VERSION };
}

// ---------------------------------------------------------------- validation

function matches(type: JsonType, value: unknown): boolean {
	switch (type) {
		case 'integer':
			return Number.isInteger(value);
		case 'number':
			return typeof value === 'number' && Number.isFinite(value);
		case 'object':
			return isObject(value);
		case 'array':
			return Array.isArray(value);
		case 'null':
			return value === null;
		default:
			return typeof value === type;
	}
}

function show(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Where a value breaks a schema (`$.lead.Score: …`); empty when it fits. Keywords outside the subset are ignored. */
export function validate(schema: JsonSchema, value: unknown, path = '$'): string[] {
	if (schema.type !== undefined) {
		const types = Array.isArray(schema.type) ? schema.type : [schema.type];
		if (!types.some((type) => matches(type, value))) return [`${path}: ${show(value)} is not of type ${types.join(' | ')}`];
	}
	const problems: string[] = [];
	if (isObject(value)) {
		for (const key of schema.required ?? []) if (!(key in value)) problems.push(`${path}: required key "${key}" is missing`);
		for (const [key, entry] of Object.entries(value)) {
			const property = schema.properties?.[key];
			if (property) problems.push(...validate(property, entry, `${path}.${key}`));
			else if (schema.additionalProperties === false) problems.push(`${path}: key "${key}" is not in the schema`);
			else if (isObject(schema.additionalProperties)) problems.push(...validate(schema.additionalProperties, entry, `${path}.${key}`));
		}
	}
	if (Array.isArray(value) && schema.items) value.forEach((entry, index) => problems.push(...validate(schema.items as JsonSchema, entry, `${path}[${index}]`)));
	return problems;
}

// ---------------------------------------------------------------- the schema itself

/** What is wrong with a schema file: keywords outside the subset, unknown types, and what n8n's editor refuses. */
export function schemaProblems(file: SchemaFile): string[] {
	const problems: string[] = [];
	const { version, ...schema } = file;
	if (version !== SCHEMA_FORMAT_VERSION) problems.push(`version is ${String(version)}, expected ${SCHEMA_FORMAT_VERSION}`);
	// The editor takes a preview only from an object schema with at least one property.
	if (schema.type !== 'object' || !schema.properties || Object.keys(schema.properties).length === 0) {
		problems.push('the item must be an object schema with properties (n8n\'s editor shows nothing otherwise)');
	}
	const walk = (node: JsonSchema, path: string) => {
		for (const key of Object.keys(node)) if (!KEYWORDS.has(key)) problems.push(`${path}: keyword "${key}" is outside the subset`);
		const types = node.type === undefined ? [] : Array.isArray(node.type) ? node.type : [node.type];
		for (const type of types) if (!TYPES.includes(type)) problems.push(`${path}: unknown type "${type}"`);
		for (const key of node.required ?? []) if (!node.properties?.[key]) problems.push(`${path}: required "${key}" is not a property`);
		for (const [key, property] of Object.entries(node.properties ?? {})) walk(property, `${path}.${key}`);
		if (isObject(node.additionalProperties)) walk(node.additionalProperties, `${path}.*`);
		if (node.items) walk(node.items, `${path}[]`);
	};
	walk(schema, '$');
	return problems;
}

/** The property paths a schema lists (`lead.FirstName`, `droppedFields`, `list[].name`). */
export function propertyPaths(schema: JsonSchema, path = ''): string[] {
	const paths: string[] = [];
	for (const [key, property] of Object.entries(schema.properties ?? {})) {
		paths.push(child(path, key), ...propertyPaths(property, child(path, key)));
	}
	if (schema.items) paths.push(...propertyPaths(schema.items, `${path}[]`));
	return paths;
}

/** The key paths present in values, in the notation of propertyPaths. */
export function presentPaths(values: unknown[], path = '', into = new Set<string>()): Set<string> {
	for (const value of values) {
		if (isObject(value)) {
			for (const [key, entry] of Object.entries(value)) {
				into.add(child(path, key));
				presentPaths([entry], child(path, key), into);
			}
		} else if (Array.isArray(value)) presentPaths(value, `${path}[]`, into);
	}
	return into;
}
