/**
 * Building the body of `Lead.CreateOrUpdate` from one item's input, checking it against the account's
 * fields first: LeadSquared rejects the whole lead for one unknown attribute, so every problem we can see
 * locally is reported here, naming the field, before anything is sent.
 * Pure: no n8n imports.
 */
import { InputError } from '../../machinery/errors';
import { withClosest } from '../../values/closest';
import type { FieldIndex, LeadField } from '../../values/fields';
import { identityKey } from '../../machinery/scheduler';
import { describeValue, formatValue } from '../../values/values';

export { InputError };

export interface LsqPair {
	Attribute: string;
	Value: string;
}

export interface LsqAttribute extends LsqPair {
	Fields?: LsqPair[];
}

export type AttributeSource = 'lead fields' | 'input item' | 'manual entry';

export interface AttributeInput {
	name: unknown;
	value: unknown;
	source: AttributeSource;
}

export interface CustomFieldSetInput {
	field: unknown;
	subFields: Array<{ name: unknown; value: unknown }>;
}

export interface LeadInput {
	attributes: AttributeInput[];
	customFieldSets: CustomFieldSetInput[];
	/** Schema name to match on; undefined or '' = LeadSquared's default (e-mail, then phone). */
	searchBy?: unknown;
}

export type UnknownFieldMode = 'fail' | 'drop';
/** 'upsert': Create or Update (SearchBy and identifier rules); 'update': a lead named by its id. */
type PayloadMode = 'upsert' | 'update';
export type EmptyValueMode = 'fail' | 'skip' | 'clear';

export interface PayloadOptions {
	unknownFields: UnknownFieldMode;
	emptyValues: EmptyValueMode;
	timezone: string;
}

export interface LeadPayload {
	attributes: LsqAttribute[];
	/** Canonical schema name of the match field, when one was chosen. */
	searchBy?: string;
	/** Unknown fields left out (only with unknownFields = 'drop'). */
	droppedFields: string[];
	/** Fields with an empty value left out (only with emptyValues = 'skip'). */
	skippedFields: string[];
}

const SEARCH_BY = 'SearchBy';
/** The fields LeadSquared finds a lead by when no SearchBy is sent (contract §1.3). */
const DEFAULT_MATCH_KEYS = ['EmailAddress', 'Phone'];

function nameOf(raw: unknown): string {
	return typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : '';
}

/** At most this many names are quoted in one message; the rest are counted. */
const MAX_LISTED = 20;

/** `"a", "b", "c"`, or the first 20 and how many more: a message never grows with the input. */
export function listNames(names: readonly string[], quote = true): string {
	const shown = names.slice(0, MAX_LISTED).map((name) => (quote ? `"${name}"` : name));
	const more = names.length - shown.length;
	return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

class PayloadBuilder {
	private readonly attributes: LsqAttribute[] = [];
	private readonly seen = new Map<string, string>();
	private readonly unknown: string[] = [];
	/** Whether an unknown name came from the input item's own keys (Map Automatically). */
	private unknownFromInput = false;
	private readonly dropped: string[] = [];
	private readonly skipped: string[] = [];
	private mode: PayloadMode = 'upsert';

	constructor(
		private readonly fields: FieldIndex,
		private readonly options: PayloadOptions,
	) {}

	build(input: LeadInput, mode: PayloadMode): LeadPayload {
		this.mode = mode;
		const positions = new Map<AttributeSource, number>();
		for (const attribute of input.attributes) {
			const position = (positions.get(attribute.source) ?? 0) + 1;
			positions.set(attribute.source, position);
			this.addAttribute(attribute, position);
		}
		input.customFieldSets.forEach((set, position) => this.addCustomFieldSet(set, position));
		if (this.unknown.length > 0) {
			const plural = this.unknown.length > 1;
			throw new InputError(
				withClosest(
					this.unknownFromInput
						? `The input item has ${plural ? 'keys' : 'a key'} that ${plural ? 'are not LeadSquared lead fields' : 'is not a LeadSquared lead field'} ` +
								`(${listNames(this.unknown)}): set Options → Unknown Fields to "Drop Them and List Them in the Output", or remove ${plural ? 'them' : 'it'} before this node`
						: `Unknown field${plural ? 's' : ''} ${listNames(this.unknown)}: not in your LeadSquared account's lead fields`,
					this.unknown,
					this.fields.fields,
				),
				this.unknown[0],
				'LeadSquared rejects the whole lead when one attribute is unknown, so nothing was sent. "Map Automatically" sends every key of ' +
					'the input item as a field, so keys added by earlier nodes count too. Use schema names (e.g. mx_City, not "City"), or set ' +
					'Options → Unknown Fields to "Drop Them and List Them in the Output".',
			);
		}
		if (this.attributes.length === 0) {
			throw new InputError(
				'No lead fields to send',
				undefined,
				'Map at least one lead field (e.g. EmailAddress), or switch the mapping mode to map the input automatically.',
			);
		}
		// An update names its lead by id: no SearchBy, and no identifier is needed.
		const searchBy = mode === 'update' ? undefined : this.resolveSearchBy(input.searchBy);
		return { attributes: this.attributes, searchBy, droppedFields: this.dropped, skippedFields: this.skipped };
	}

	private claim(schemaName: string, where: string): void {
		const key = schemaName.toLowerCase();
		const earlier = this.seen.get(key);
		if (earlier !== undefined) {
			throw new InputError(
				`Field "${schemaName}" is given twice (${earlier} and ${where})`,
				schemaName,
				'Give each lead field once: remove one of the two, or leave it out of the input item when you also set it by hand.',
			);
		}
		this.seen.set(key, where);
	}

	/** Resolves a field name against the metadata; records unknown names (or drops them). */
	private lookUp(name: string, source?: AttributeSource): LeadField | undefined {
		const field = this.fields.get(name);
		if (field) return field;
		if (this.options.unknownFields === 'drop') this.dropped.push(name);
		else {
			this.unknown.push(name);
			if (source === 'input item') this.unknownFromInput = true;
		}
		return undefined;
	}

	/** Applies the empty-value rule. Returns the value to send, or undefined to leave the field out. */
	private emptyValue(label: string, value: null | undefined): string | undefined {
		if (this.options.emptyValues === 'clear') return '';
		if (this.options.emptyValues === 'skip') {
			this.skipped.push(label);
			return undefined;
		}
		throw new InputError(
			`Field "${label}" has no value (${value === null ? 'null' : 'undefined'})`,
			label,
			'Give it a value, send "" to clear it in LeadSquared, or set Options → Empty Values to skip or clear such fields.',
		);
	}

	private convert(field: LeadField | undefined, label: string, value: unknown): string | undefined {
		if (value === null || value === undefined) return this.emptyValue(label, value);
		const result = formatValue(field, value, { timezone: this.options.timezone });
		if (!result.ok) throw new InputError(`Field "${label}" ${result.problem}`, label);
		return result.value;
	}

	private addAttribute(attribute: AttributeInput, position: number): void {
		const name = nameOf(attribute.name);
		if (name === '' && attribute.source === 'input item' && this.options.unknownFields === 'drop') {
			// A key without a name (a CSV column without a header): no field has it, so it is dropped like an unknown one.
			this.dropped.push('');
			return;
		}
		if (name === '') {
			throw new InputError(
				`Lead field ${position} from the ${attribute.source} has no field name`,
				undefined,
				'Enter the schema name of the LeadSquared field (e.g. FirstName or mx_City).',
			);
		}
		if (name.toLowerCase() === SEARCH_BY.toLowerCase()) {
			throw new InputError(
				`"${name}" is not a lead field`,
				name,
				this.mode === 'update'
					? 'Lead → Update finds the lead by its Lead ID: leave SearchBy out of the fields.'
					: 'Choose the field to match leads on with the "Match By" parameter instead of sending a SearchBy attribute.',
			);
		}
		const field = this.lookUp(name, attribute.source);
		if (!field) return;
		if (field.kind === 'cfs') {
			throw new InputError(
				`Field "${field.schemaName}" is a custom field set`,
				field.schemaName,
				'Send its sub-fields under "Custom Field Sets" rather than as a single value.',
			);
		}
		this.claim(field.schemaName, `the ${attribute.source}`);
		const value = this.convert(field, field.schemaName, attribute.value);
		if (value !== undefined) this.attributes.push({ Attribute: field.schemaName, Value: value });
	}

	private addCustomFieldSet(set: CustomFieldSetInput, position: number): void {
		const name = nameOf(set.field);
		if (name === '') {
			throw new InputError(
				`Custom field set ${position + 1} has no field name`,
				undefined,
				'Choose the custom field set (an mx_ field such as mx_KYC).',
			);
		}
		const field = this.lookUp(name);
		if (!field) return;
		if (field.kind !== 'cfs') {
			throw new InputError(
				`Field "${field.schemaName}" is not a custom field set`,
				field.schemaName,
				`It is a ${field.dataType || 'plain'} field: send it under "Lead Fields" instead.`,
			);
		}
		this.claim(field.schemaName, 'the custom field sets');
		if (set.subFields.length === 0) {
			throw new InputError(
				`Custom field set "${field.schemaName}" has no sub-fields`,
				field.schemaName,
				'Add at least one sub-field (e.g. Status or mx_CustomObject_1) with its value.',
			);
		}
		const known = new Map(field.subFields.map((sub) => [sub.schemaName.toLowerCase(), sub]));
		const seen = new Set<string>();
		const pairs: LsqPair[] = [];
		set.subFields.forEach((sub, index) => {
			const subName = nameOf(sub.name);
			if (subName === '') {
				throw new InputError(
					`Sub-field ${index + 1} of custom field set "${field.schemaName}" has no name`,
					field.schemaName,
				);
			}
			let canonical = subName;
			let subField: LeadField | undefined;
			if (known.size > 0) {
				subField = known.get(subName.toLowerCase());
				if (subField === undefined) {
					if (this.options.unknownFields === 'drop') {
						this.dropped.push(`${field.schemaName}.${subName}`);
						return;
					}
					throw new InputError(
						withClosest(`Custom field set "${field.schemaName}" has no sub-field "${subName}"`, subName, field.subFields),
						`${field.schemaName}.${subName}`,
						`Its sub-fields are: ${listNames([...known.values()].map((known) => known.schemaName))}.`,
					);
				}
				canonical = subField.schemaName;
			}
			if (seen.has(canonical.toLowerCase())) {
				throw new InputError(
					`Sub-field "${canonical}" of custom field set "${field.schemaName}" is given twice`,
					`${field.schemaName}.${canonical}`,
				);
			}
			seen.add(canonical.toLowerCase());
			// Sub-fields have types of their own (a date, a yes/no): converted like ordinary fields.
			const value = this.convert(subField, `${field.schemaName}.${canonical}`, sub.value);
			if (value !== undefined) pairs.push({ Attribute: canonical, Value: value });
		});
		if (pairs.length > 0) this.attributes.push({ Attribute: field.schemaName, Value: '', Fields: pairs });
	}

	private resolveSearchBy(raw: unknown): string | undefined {
		const name = nameOf(raw);
		if (name === '') {
			const identifiers = this.fields.identifiers().map((field) => field.schemaName);
			const present = identifiers.filter((identifier) => hasValue({ attributes: this.attributes }, identifier));
			if (present.length === 0) {
				throw new InputError(
					`No value for any field LeadSquared can match a lead on (${listNames(identifiers, false)})`,
					identifiers[0],
					'LeadSquared needs at least one unique field to find or create the lead: add an e-mail address or ' +
						'phone number, or choose a "Match By" field that the item has a value for.',
				);
			}
			// LeadSquared's default finds a lead by e-mail, then phone. An item with neither is matched on the
			// unique field it does carry (Mobile, a unique mx_ field): otherwise a second run (a retry after a
			// lost answer) would try to create the lead again and be refused as a duplicate.
			if (DEFAULT_MATCH_KEYS.some((key) => present.includes(key))) return undefined;
			return present[0];
		}
		const field = this.fields.get(name);
		if (!field) {
			throw new InputError(
				withClosest(`The Match By field "${name}" is not in your LeadSquared account's lead fields`, name, this.fields.fields.filter((known) => known.kind !== 'cfs')),
				name,
				'Pick the field from the list, or type its schema name exactly (e.g. Phone or mx_Student_Id).',
			);
		}
		if (field.kind === 'cfs') {
			throw new InputError(`The Match By field "${field.schemaName}" is a custom field set; leads cannot be matched on it`, field.schemaName);
		}
		const value = valueOf(this.attributes, field.schemaName);
		if (value === undefined || value.trim() === '') {
			throw new InputError(
				`No value for "${field.schemaName}", the field chosen in Match By`,
				field.schemaName,
				`LeadSquared finds the lead to update by this field, so the item must carry it (got ${
					value === undefined ? 'no such field' : describeValue(value)
				}).`,
			);
		}
		return field.schemaName;
	}
}

export function buildLeadPayload(input: LeadInput, fields: FieldIndex, options: PayloadOptions): LeadPayload {
	return new PayloadBuilder(fields, options).build(input, 'upsert');
}

/**
 * The body of `Lead.Update?leadId=`: the same checks and conversions as Create or Update, but the lead is
 * named by its id, so there is no SearchBy and the item needs no e-mail, phone or other identifier.
 */
export function buildLeadUpdatePayload(input: Omit<LeadInput, 'searchBy'>, fields: FieldIndex, options: PayloadOptions): LeadPayload {
	return new PayloadBuilder(fields, options).build({ ...input, searchBy: undefined }, 'update');
}

/** The JSON array LeadSquared takes: the attributes, then the SearchBy pair when a match field is set. */
export function toRequestBody(payload: Pick<LeadPayload, 'attributes'>, searchBy?: string): LsqAttribute[] {
	return searchBy === undefined ? [...payload.attributes] : [...payload.attributes, { Attribute: SEARCH_BY, Value: searchBy }];
}

/** Whether the lead carries a non-empty value for a field (e.g. Phone, before retrying with SearchBy=Phone). */
export function hasValue(payload: Pick<LeadPayload, 'attributes'>, schemaName: string): boolean {
	return (valueOf(payload.attributes, schemaName) ?? '').trim() !== '';
}

/**
 * The field and value LeadSquared finds an upsert's lead by: the Match By field (SearchBy), else the
 * e-mail address, else the phone (contract §1.3). None: a repeated upsert would create a second lead.
 */
export function upsertMatch(payload: Pick<LeadPayload, 'attributes' | 'searchBy'>): { field: string; value: string } | undefined {
	const candidates = payload.searchBy !== undefined ? [payload.searchBy] : DEFAULT_MATCH_KEYS;
	const field = candidates.find((name) => hasValue(payload, name));
	return field === undefined ? undefined : { field, value: (valueOf(payload.attributes, field) ?? '').trim() };
}

/** The value sent for a plain (non custom field set) attribute, if it is sent. */
function valueOf(attributes: readonly LsqAttribute[], schemaName: string): string | undefined {
	return attributes.find((attribute) => attribute.Attribute === schemaName && attribute.Fields === undefined)?.Value;
}

/**
 * The identities a lead write touches (its identifier values and its match value): two writes sharing
 * one may concern the same lead, so they must not run at the same time.
 */
export function identityKeys(payload: Pick<LeadPayload, 'attributes' | 'searchBy'>, fields: FieldIndex): string[] {
	const keys: string[] = [];
	for (const attribute of payload.attributes) {
		if (attribute.Fields !== undefined) continue;
		const field = fields.get(attribute.Attribute);
		if (!field || !(field.isIdentifier || field.schemaName === payload.searchBy)) continue;
		const kind = field.kind === 'email' ? 'email' : field.kind === 'phone' ? 'phone' : 'other';
		const key = identityKey(kind, field.schemaName, attribute.Value);
		if (key !== undefined) keys.push(key);
	}
	return keys;
}
