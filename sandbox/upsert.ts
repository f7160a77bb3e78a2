/**
 * The Lead.CreateOrUpdate algorithm (§1.3, §1.7, §9.2 of the contract), shared by the single
 * endpoint, every row of Lead/Bulk/CreateOrUpdate, and Lead.Create / Lead.Update.
 * Either the whole payload is applied or nothing is written.
 *
 * Stages: parse → (a) unknown attributes → (c) value checks → (b) resolve the target lead →
 * (d) lock-after-create / mandatory → (e) unique collisions → (f) write.
 */
import type { FieldRegistry } from './fields';
import type { LeadStore } from './leads';
import type { FieldDefinition, LeadRecord, SubFieldDefinition } from './types';
import { comparisonKey, normalizeValue } from './values';

export interface UpsertSettings {
	defaultMatchKeys: string[];
	onMultipleMatches: 'mostRecent' | 'error';
	strictProspectIdSearchBy: boolean;
}

/** 'upsert' = Lead.CreateOrUpdate; 'create' = Lead.Create (never matches); 'update' = Lead.Update of one lead. */
export type WriteMode = { kind: 'upsert' } | { kind: 'create' } | { kind: 'update'; leadId: string };

export type UpsertOutcome =
	/** `before`: for an update, a copy of the lead as it was before the write. */
	| { ok: true; id: string; created: boolean; before?: LeadRecord }
	/** `badRequest`: the payload's structure is wrong (400 for a single call). */
	| { ok: false; exceptionType: string; message: string; badRequest?: boolean };

type Failure = Extract<UpsertOutcome, { ok: false }>;

interface Pair {
	attribute: string;
	value: string;
	fields?: Pair[];
}

/** A validated payload. */
interface Prepared {
	/** Ordinary fields (normalised values), payload order; read-only fields kept for matching only. */
	values: Map<FieldDefinition, string>;
	/** CFS fields → their sub-field values. */
	cfs: Map<FieldDefinition, Record<string, string>>;
	searchBy?: string;
	userGuid: boolean;
}

const SEARCH_BY = 'searchby';
const USER_GUID = '__useuserdefinedguid__';
const IDENTITY_FIELDS = ['FirstName', 'LastName', 'EmailAddress', 'Phone'];

const fail = (exceptionType: string, message: string): Failure => ({ ok: false, exceptionType, message });

export function createOrUpdate(
	payload: unknown,
	store: LeadStore,
	fields: FieldRegistry,
	settings: UpsertSettings,
	now: number,
	mode: WriteMode = { kind: 'upsert' },
): UpsertOutcome {
	const pairs = parsePairs(payload);
	if (typeof pairs === 'string') return { ok: false, exceptionType: 'MXInvalidInputException', message: pairs, badRequest: true };
	const prepared = prepare(pairs, fields);
	if ('ok' in prepared) return prepared;

	let target: LeadRecord | undefined;
	if (mode.kind === 'update') {
		target = store.byId(mode.leadId);
		if (!target) return fail('MXInvalidEntityException', 'Lead does not exist in the system'); // [CODE] `dpaluy/leadsquared` spec (Lead.Update)
	} else if (mode.kind === 'upsert') {
		const resolved = resolveTarget(prepared, store, fields, settings);
		if ('ok' in resolved) return resolved;
		target = resolved.lead;
	}

	const problem = checkWrite(prepared, target, store, fields);
	if (problem) return problem;
	return write(prepared, target, store, fields, now);
}

/** (a) unknown attributes and (c) value checks. Later pairs of the same attribute win. */
function prepare(pairs: Pair[], fields: FieldRegistry): Prepared | Failure {
	const unknown: string[] = [];
	const addUnknown = (name: string): void => {
		if (!unknown.includes(name)) unknown.push(name);
	};
	const known: Array<{ field: FieldDefinition; pair: Pair }> = [];
	const prepared: Prepared = { values: new Map(), cfs: new Map(), userGuid: false };
	for (const pair of pairs) {
		const lower = pair.attribute.toLowerCase();
		if (lower === SEARCH_BY) {
			prepared.searchBy = pair.value;
			continue;
		}
		if (lower === USER_GUID) {
			prepared.userGuid = pair.value.toLowerCase() === 'true' || pair.value === '1';
			continue;
		}
		const field = fields.get(pair.attribute);
		if (!field) {
			addUnknown(pair.attribute);
			continue;
		}
		if (field.dataType === 'CustomObject') {
			for (const sub of pair.fields ?? []) if (!subField(field, sub.attribute)) addUnknown(sub.attribute); // [INF]
		}
		known.push({ field, pair });
	}
	if (unknown.length > 0) return fail('MXUnknownAttributeException', `Attribute(s) does not exist - ${unknown.join(', ')}`); // [OBS] contract §1.6

	for (const { field, pair } of known) {
		if (field.dataType === 'CustomObject') {
			// [INF] the CFS's own Value is ignored; its sub-fields merge into the stored object
			const sub: Record<string, string> = { ...prepared.cfs.get(field) };
			for (const s of pair.fields ?? []) {
				const def = subField(field, s.attribute);
				if (!def) continue;
				const n = normalizeValue(def, s.value);
				if (!n.ok) return fail('MXInvalidInputException', n.message);
				sub[def.schemaName] = n.value;
			}
			prepared.cfs.set(field, sub);
		} else if (field.readOnly) {
			prepared.values.set(field, pair.value.trim()); // [INF] never written; ProspectID can still be matched on
		} else {
			const n = normalizeValue(field, pair.value);
			if (!n.ok) return fail('MXInvalidInputException', n.message);
			prepared.values.set(field, n.value);
		}
	}
	return prepared;
}

/** (b) the lead to update: by SearchBy, else by the first default match key with a value; lead undefined = create. */
function resolveTarget(p: Prepared, store: LeadStore, fields: FieldRegistry, settings: UpsertSettings): { lead: LeadRecord | undefined } | Failure {
	let keyField: FieldDefinition | undefined;
	if (p.searchBy !== undefined) {
		const name = p.searchBy.trim();
		const field = name === '' ? undefined : fields.get(name);
		if (!field || field.dataType === 'CustomObject' || (settings.strictProspectIdSearchBy && name === 'ProspectID')) {
			return fail('MXInvalidInputException', 'Invalid SearchBy value provided'); // [OBS] contract §1.6 (Opportunity Capture, live)
		}
		if (!p.values.get(field)) {
			return fail('MXInvalidInputException', `SearchBy attribute '${field.schemaName}' has no value in the request`); // [INF]
		}
		keyField = field;
	} else {
		keyField = settings.defaultMatchKeys.map((n) => fields.get(n)).find((f) => f !== undefined && !!p.values.get(f));
	}
	if (!keyField) return { lead: undefined };

	const keyValue = p.values.get(keyField) ?? '';
	const matches = store.findBy(keyField, keyValue);
	if (matches.length > 1 && settings.onMultipleMatches === 'error') {
		return fail('MXInvalidInputException', `More than one lead found with ${keyField.schemaName} '${keyValue}'`); // [INF]
	}
	const lead = matches.length > 1 ? store.mostRecent(matches) : matches[0];
	if (!lead && keyField.schemaName === 'ProspectID' && !p.userGuid) {
		return fail('MXInvalidEntityException', 'Lead does not exist in the system'); // [INF] for CreateOrUpdate
	}
	return { lead };
}

/** (d) lock-after-create on update, mandatory fields and an identity on create; (e) unique collisions. */
function checkWrite(p: Prepared, target: LeadRecord | undefined, store: LeadStore, fields: FieldRegistry): Failure | undefined {
	if (target) {
		for (const [field, value] of p.values) {
			if (!field.lockAfterCreate || field.readOnly) continue;
			const stored = target[field.schemaName];
			const current = typeof stored === 'string' ? stored : '';
			if (comparisonKey(field, current) !== comparisonKey(field, value)) {
				return fail('MXInvalidInputException', `Attribute '${field.schemaName}' is locked after creation and cannot be updated`); // [INF]
			}
		}
	} else {
		const missing = fields.mandatoryFields().filter((f) => {
			if (f.readOnly) return false;
			if (f.dataType === 'CustomObject') return !Object.values(p.cfs.get(f) ?? {}).some((v) => v !== '');
			return !p.values.get(f);
		});
		if (missing.length > 0) {
			return fail('MXMandatoryAttributeMissingException', `Mandatory attribute(s) missing - ${missing.map((f) => f.schemaName).join(', ')}`); // [INF]
		}
		const hasIdentity = IDENTITY_FIELDS.some((name) => {
			const field = fields.get(name);
			return field !== undefined && !!p.values.get(field);
		});
		if (!hasIdentity) {
			return fail('MXMandatoryAttributeMissingException', 'At least one of FirstName, LastName, EmailAddress or Phone is required to create a lead'); // [INF]
		}
	}

	for (const [field, value] of p.values) {
		if (!field.unique || field.readOnly || value === '') continue;
		if (store.findBy(field, value).some((lead) => lead !== target)) return fail('MXDuplicateEntryException', duplicateMessage(field, value));
	}
	return undefined;
}

/** (f) apply the payload. */
function write(p: Prepared, target: LeadRecord | undefined, store: LeadStore, fields: FieldRegistry, now: number): UpsertOutcome {
	const record: LeadRecord = {};
	for (const [field, value] of p.values) if (!field.readOnly) record[field.schemaName] = value;
	for (const [field, sub] of p.cfs) record[field.schemaName] = sub;
	if (target) {
		const id = String(target.ProspectID);
		const before = structuredClone(target);
		store.update(id, record, now);
		return { ok: true, id, created: false, before };
	}
	const idField = fields.get('ProspectID');
	const userId = p.userGuid && idField ? p.values.get(idField) : undefined;
	const created = store.create(record, now, userId || undefined);
	return { ok: true, id: String(created.ProspectID), created: true };
}

function subField(field: FieldDefinition, name: string): SubFieldDefinition | undefined {
	const lower = name.toLowerCase();
	return field.subFields?.find((s) => s.schemaName.toLowerCase() === lower);
}

/**
 * MXDuplicateEntryException messages: the phone one [OBS] (contract §1.6, several clients), the e-mail one [OBS]
 * low confidence (a test fixture), `Duplicate entry '…' for key '…'` [CODE] `dpaluy/leadsquared` spec.
 */
function duplicateMessage(field: FieldDefinition, value: string): string {
	if (field.dataType === 'Phone') return 'A Lead with same Phone Number already exists.';
	if (field.dataType === 'Email') return 'A Lead with same Email already exists.';
	return `Duplicate entry '${value}' for key '${field.schemaName}'`;
}

/** Property lookup with any casing of the key ('Attribute', 'attribute', ...). [INF] */
function prop(obj: Record<string, unknown>, name: string): unknown {
	if (name in obj) return obj[name];
	const lower = name.toLowerCase();
	const key = Object.keys(obj).find((k) => k.toLowerCase() === lower);
	return key === undefined ? undefined : obj[key];
}

/** [INF] numbers and booleans are accepted and stringified; null means empty. */
function scalar(value: unknown): string | undefined {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return undefined;
}

/** `[{Attribute, Value, Fields?}]` → pairs, or a message describing the structural problem. */
export function parsePairs(payload: unknown, nested = false): Pair[] | string {
	if (!Array.isArray(payload)) {
		return nested ? "'Fields' must be an array of Attribute/Value pairs" : 'Request body must be a JSON array of Attribute/Value pairs';
	}
	const pairs: Pair[] = [];
	for (const [index, element] of payload.entries()) {
		if (typeof element !== 'object' || element === null || Array.isArray(element)) return `Element ${index} is not an Attribute/Value object`;
		const obj = element as Record<string, unknown>;
		const attribute = prop(obj, 'Attribute');
		if (typeof attribute !== 'string' || attribute === '') return `Element ${index} has no 'Attribute'`;
		const value = scalar(prop(obj, 'Value'));
		if (value === undefined) return `The 'Value' of attribute '${attribute}' must be a string`;
		const pair: Pair = { attribute, value };
		const sub = prop(obj, 'Fields');
		if (sub !== undefined && sub !== null && !nested) {
			const subPairs = parsePairs(sub, true);
			if (typeof subPairs === 'string') return subPairs;
			pair.fields = subPairs;
		}
		pairs.push(pair);
	}
	return pairs;
}
