/**
 * Activity and opportunity types (§2.8, §12.1): lookup by code, the objects of `ActivityTypes.Get`,
 * `GetOpportunityTypes`, `CustomActivity/GetActivitySetting` and `GetOpportunityTypeMetadata`, and the validation of
 * `Fields: [{SchemaName, Value}]` against a type (shared by activities and opportunities).
 */
import type { ActivityFieldDefinition, ActivityTypeDefinition } from './crm-types';
import type { FieldDataType, SubFieldDefinition } from './types';
import { SANDBOX_USER_ID } from './user';
import type { UserDirectory } from './users';
import { normalizeValue } from './values';

export type FieldCheck = { ok: true; values: Record<string, string> } | { ok: false; exceptionType: string; message: string };

export interface FieldCheckOptions {
	/** `ValidateDropDownOptions: true` in the payload: skip the dropdown option check (documented meaning). */
	skipDropdownCheck: boolean;
	/** 'create' checks mandatory fields that are missing or empty; 'update' only those set to ''. */
	mode: 'create' | 'update';
	users: UserDirectory;
}

const DEFAULT_MAX_LENGTH = 200;
const FIELDS_EXCEPTION = 'MXInvalidActivityFieldsException';

/** EventType of custom activity types in ActivityTypes.Get [CODE 56037757482]. */
const CUSTOM_EVENT_TYPE = 2;

/** The note of an activity or opportunity, first in a type's form (`ActivityEvent_Note`, "Notes") [DOC]. */
const NOTE: ActivityFieldDefinition = { schemaName: 'ActivityEvent_Note', displayName: 'Notes', dataType: 'String' };

/** Every custom activity type takes an Owner (a user id) even when its fields do not list one [INF]. */
const IMPLICIT_OWNER: ActivityFieldDefinition = { schemaName: 'Owner', displayName: 'Owner', dataType: 'ActiveUsers' };

export class ActivityTypeRegistry {
	private readonly byCode = new Map<number, ActivityTypeDefinition>();

	constructor(private readonly types: ActivityTypeDefinition[]) {
		for (const type of types) this.byCode.set(type.code, type);
	}

	all(): ActivityTypeDefinition[] {
		return this.types;
	}

	get(code: number): ActivityTypeDefinition | undefined {
		return this.byCode.get(code);
	}

	/** A type of the given kind by an ActivityEvent value as sent (number or numeric string). */
	find(raw: unknown, kind: 'custom' | 'opportunity'): ActivityTypeDefinition | undefined {
		const code = eventCode(raw);
		const type = code === undefined ? undefined : this.byCode.get(code);
		return type && kindOf(type) === kind ? type : undefined;
	}

	nameOf(code: number): string {
		return this.byCode.get(code)?.name ?? '';
	}

	fieldsOf(type: ActivityTypeDefinition): ActivityFieldDefinition[] {
		const fields = type.fields ?? [];
		if (kindOf(type) !== 'custom' || fields.some((f) => f.schemaName.toLowerCase() === 'owner')) return fields;
		return [...fields, IMPLICIT_OWNER];
	}

	/** Validates and normalises `{SchemaName, Value}` pairs (already parsed); later pairs of a field win. */
	checkFields(type: ActivityTypeDefinition, pairs: Array<{ name: string; value: string }>, options: FieldCheckOptions): FieldCheck {
		const defs = this.fieldsOf(type);
		const values: Record<string, string> = {};
		for (const pair of pairs) {
			const def = defs.find((d) => d.schemaName.toLowerCase() === pair.name.toLowerCase());
			if (!def) return fail(`Field name : '${pair.name}' does not exist.`); // [INF]
			const normalized = normalizeField(def, pair.value, options);
			if (typeof normalized !== 'string') return normalized;
			values[def.schemaName] = normalized;
		}
		for (const def of defs) {
			if (!def.mandatory) continue;
			const given = Object.prototype.hasOwnProperty.call(values, def.schemaName);
			const missing = options.mode === 'create' ? !values[def.schemaName] : given && values[def.schemaName] === '';
			if (missing) return fail(`Field name : '${def.schemaName}' of datatype : '${def.dataType}' is mandatory.`); // [OBS format]
		}
		return { ok: true, values };
	}

	/**
	 * An element of `ActivityTypes.Get`, in the shape live accounts answer (§12.1):
	 * - `ActivityEvent` (a number), `ActivityEventName`, `DisplayName`, `Score` [CODE 56037757482 reads all four;
	 *   live census 63418286132];
	 * - `EventType`: 2 for custom types [CODE 56037757482 "custom = EventType == 2", 67007166726]; 2 for
	 *   opportunity types too [INF: GetOpportunitiesOfLead's rows say `OpportunityEventType: "2"`, DOC sample];
	 *   a system type's value is not recorded anywhere [INF: `activityTypeSystemEventType`, default 1];
	 * - `EventDirection` [CODE 56037757482, 67007166726];
	 * - `ActivityProperties`: JSON text of `{FormMetaData:[…the type's fields, the note first]}` [CODE 67007166726,
	 *   66561925744; the note field: live 63418286132]; system types carry none [INF: null].
	 * There is no `IsOpportunityType` and no `ActivityType` key: no outside source shows one.
	 */
	renderSummary(type: ActivityTypeDefinition, systemEventType: number): Record<string, unknown> {
		const kind = kindOf(type);
		const form = [renderField(NOTE, 0), ...this.fieldsOf(type).map((f, index) => renderField(f, index + 1))];
		return {
			ActivityEvent: type.code,
			ActivityEventName: type.name,
			DisplayName: type.name,
			EventType: kind === 'system' ? systemEventType : CUSTOM_EVENT_TYPE,
			EventDirection: type.direction ?? 0,
			Score: type.score ?? 0,
			ActivityProperties: kind === 'system' ? null : JSON.stringify({ FormMetaData: form }),
		};
	}

	/**
	 * An element of `OpportunityManagement.svc/GetOpportunityTypes`: a bare array of these [live 63267509605: "a
	 * BARE ARRAY of types - not wrapped in .List - and the code field is EventCode"]. `EventCode`, `Name`,
	 * `CanDelete`, `ModifiedBy` [live 63267509605]; `DisplayName`, `PluralName` [CODE 71124319260];
	 * `Description`, `CreatedBy` [live 68297653413: a type "created/modified by a real user", "described as…"].
	 * Value types and `PluralName`'s text [INF]. `canDelete`: the type's "Allow Delete" (`opportunityDeleteAllowed`).
	 */
	renderOpportunityType(type: ActivityTypeDefinition, canDelete: boolean): Record<string, unknown> {
		return {
			EventCode: type.code,
			Name: type.name,
			DisplayName: type.name,
			PluralName: `${type.name}s`,
			Description: type.description ?? '',
			CanDelete: canDelete,
			CreatedBy: SANDBOX_USER_ID,
			ModifiedBy: SANDBOX_USER_ID,
		};
	}

	/** `CustomActivity/GetActivitySetting?code=` [DOC sample keys]. */
	renderSetting(type: ActivityTypeDefinition): Record<string, unknown> {
		return {
			ID: typeGuid(type.code),
			Name: type.name,
			DisplayName: type.name,
			Fields: this.fieldsOf(type).map((f, index) => renderField(f, index + 1)),
		};
	}

	/** `OpportunityManagement.svc/GetOpportunityTypeMetadata?code=` [DOC sample keys]; `canDelete` as for renderOpportunityType. */
	renderOpportunityMetadata(type: ActivityTypeDefinition, canDelete: boolean): Record<string, unknown> {
		return {
			AllowAttachments: false,
			CanDelete: canDelete,
			Description: type.description ?? '',
			DisplayName: type.name,
			EventCode: type.code,
			Fields: [renderField(NOTE, 0), ...this.fieldsOf(type).map((f, index) => renderField(f, index + 1))],
		};
	}
}

export function kindOf(type: ActivityTypeDefinition): 'custom' | 'system' | 'opportunity' {
	return type.kind ?? 'custom';
}

/** 201, '201' and ' 201 ' are codes; anything else is not. */
export function eventCode(raw: unknown): number | undefined {
	const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
	return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** [INF] a stable GUID-shaped ID for a type code. */
export function typeGuid(code: number): string {
	return `00000000-0000-4000-8000-${String(code).padStart(12, '0')}`;
}

function fail(message: string): FieldCheck {
	return { ok: false, exceptionType: FIELDS_EXCEPTION, message };
}

const LEAD_TYPE: Record<string, FieldDataType> = {
	String: 'Text',
	Number: 'Number',
	Date: 'Date',
	DateTime: 'DateTime',
	Time: 'Time',
	Boolean: 'Boolean',
	Email: 'Email',
	Phone: 'Phone',
	Dropdown: 'Select',
	SearchableDropdown: 'Select',
};

/** The stored form of a value, or the failure. '' is always accepted here (the mandatory check is separate). */
function normalizeField(def: ActivityFieldDefinition, raw: string, options: FieldCheckOptions): string | FieldCheck {
	if (raw === '') return '';
	const label = `Field name : '${def.schemaName}' of datatype : '${def.dataType}'`;
	if (def.dataType === 'ActiveUsers') {
		const user = options.users.active(raw);
		return user ? user.id : fail(`${label} has an invalid value : '${raw}'. No active user has this id or e-mail address.`); // [INF]
	}
	const isDropdown = def.dataType === 'Dropdown' || def.dataType === 'SearchableDropdown';
	const leadType = isDropdown && options.skipDropdownCheck ? 'Text' : LEAD_TYPE[def.dataType];
	const asLeadField: SubFieldDefinition = {
		schemaName: def.schemaName,
		displayName: def.displayName,
		dataType: leadType,
		maxLength: def.maxLength ?? DEFAULT_MAX_LENGTH,
		options: def.options,
	};
	const n = normalizeValue(asLeadField, raw);
	if (n.ok) return n.value;
	if (raw.length > (def.maxLength ?? DEFAULT_MAX_LENGTH)) return fail(`${label} exceeds the maximum length of ${def.maxLength ?? DEFAULT_MAX_LENGTH}.`); // [INF]
	if (isDropdown) return fail(`${label} has an invalid value : '${raw}'. Allowed values: ${(def.options ?? []).join(', ')}`); // [INF]
	return fail(`${label} has an invalid value : '${raw}'.`); // [INF]
}

/** A field of GetActivitySetting's `Fields` [DOC sample keys; live field objects: [live] id 68483312883]. */
function renderField(def: ActivityFieldDefinition, sequence: number): Record<string, unknown> {
	const isDropdown = def.dataType === 'Dropdown' || def.dataType === 'SearchableDropdown';
	const system = !def.schemaName.startsWith('mx_');
	return {
		SchemaName: def.schemaName,
		InternalName: def.schemaName,
		DisplayName: def.displayName,
		Value: null,
		DataType: def.dataType,
		IsMandatory: def.mandatory === true,
		ShowInForm: true,
		Sequence: sequence,
		ParentField: '',
		OptionSet: isDropdown ? JSON.stringify(optionSet(def.options ?? [])) : '',
		DependentOptionSet: '',
		IsDefault: system,
		IsReadOnly: false,
		RenderType: '',
		IsMultiSelectDropdown: false,
		MaxFieldLength: def.maxLength ?? DEFAULT_MAX_LENGTH,
	};
}

/** The OptionSet JSON of the documented samples. */
function optionSet(options: string[]): Array<Record<string, unknown>> {
	return options.map((value, order) => ({
		IsDefault: order === 0,
		Text: '',
		Value: value,
		Order: order,
		CanEdit: 1,
		CanDelete: 1,
		IsLastOption: order === options.length - 1 ? 1 : 0,
	}));
}
