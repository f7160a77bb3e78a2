/**
 * Opportunities: an opportunity type's fields as `GetOpportunityTypeMetadata` describes them, the
 * `Fields` list of Capture and Update built and checked against them, and Capture's answer read
 * tolerantly (its keys come partly from the documentation, partly from public client code).
 * Pure: no n8n imports.
 */
import { eventCodeOf, NOTE_FIELD, parseActivitySetting, typeLabel } from '../activity/types';
import type { ActivityTypeInfo } from '../activity/types';
import { InputError } from '../../machinery/errors';
import { withClosest } from '../../values/closest';
import { FieldIndex } from '../../values/fields';
import { kindIndex } from '../../values/kinds';
import { formatValue } from '../../values/values';

/**
 * An opportunity type: `GetOpportunityTypeMetadata` describes its fields exactly as
 * `GetActivitySetting` describes an activity type's (same keys in the documented samples), so the
 * activity type reader is used. `fields` is undefined when the answer did not describe them.
 */
export type OpportunityType = ActivityTypeInfo;

/** A `GetOpportunityTypeMetadata` answer. */
export function parseOpportunityType(raw: unknown, code: number): OpportunityType {
	return parseActivitySetting(raw, code);
}

/** An opportunity type code (a whole number, e.g. 12000); undefined when the value is not one. */
export function opportunityCode(value: unknown): number | undefined {
	return eventCodeOf(value);
}

export interface FieldInput {
	name: unknown;
	value: unknown;
	source: 'opportunity fields' | 'manual entry';
}

export interface FieldPair {
	SchemaName: string;
	Value: string;
}

export interface OpportunityFieldsOptions {
	timezone: string;
	emptyValues: 'fail' | 'skip' | 'clear';
}

/**
 * `Fields: [{SchemaName, Value}]` from the mapper and manual entry. With the type's fields (`type`), each
 * name must be one of them and each value fit its type; without them, names are sent as given and values
 * as text. Returns the pairs and the fields left out for an empty value ("Empty Values" = skip).
 */
export function buildOpportunityFields(
	inputs: FieldInput[],
	type: OpportunityType | undefined,
	options: OpportunityFieldsOptions,
): { fields: FieldPair[]; skippedFields: string[] } {
	const fields: FieldPair[] = [];
	const skippedFields: string[] = [];
	const seen = new Map<string, string>();
	const positions = new Map<string, number>();
	for (const input of inputs) {
		const position = (positions.get(input.source) ?? 0) + 1;
		positions.set(input.source, position);
		const raw = typeof input.name === 'string' ? input.name.trim() : typeof input.name === 'number' ? String(input.name) : '';
		if (raw === '') throw new InputError(`Opportunity field ${position} from the ${input.source} has no field name`, undefined, 'Enter the schema name of the opportunity field, e.g. mx_Custom_1 or Status.');
		if (raw.toLowerCase() === NOTE_FIELD.toLowerCase()) throw new InputError(`"${raw}" is the opportunity's note`, raw, 'Put the note in the Note parameter instead.');
		const known = type?.fields;
		const field = known?.get(raw);
		if (type && known && !field) {
			const names = known.fields.map((candidate) => candidate.schemaName);
			throw new InputError(
				withClosest(`Opportunity field "${raw}" is not a field of the opportunity type ${typeLabel(type)}`, raw, known.fields),
				raw,
				`Its fields are: ${names.slice(0, 20).join(', ')}${names.length > 20 ? ', ...' : ''}. Use schema names, e.g. mx_Custom_1.`,
			);
		}
		const name = field?.schemaName ?? raw;
		const earlier = seen.get(name.toLowerCase());
		if (earlier !== undefined) throw new InputError(`Opportunity field "${name}" is given twice (${earlier} and the ${input.source})`, name);
		seen.set(name.toLowerCase(), `the ${input.source}`);
		if (input.value === null || input.value === undefined) {
			if (options.emptyValues === 'skip') {
				skippedFields.push(name);
				continue;
			}
			if (options.emptyValues === 'fail') {
				throw new InputError(`Opportunity field "${name}" has no value (${input.value === null ? 'null' : 'undefined'})`, name, 'Give it a value, or set Options → Empty Values to skip or clear such fields.');
			}
			fields.push({ SchemaName: name, Value: '' });
			continue;
		}
		const result = formatValue(field, input.value, { timezone: options.timezone });
		if (!result.ok) throw new InputError(`Opportunity field "${name}" ${result.problem}`, name);
		fields.push({ SchemaName: name, Value: result.value });
	}
	return { fields, skippedFields };
}

/** What Capture answered, read tolerantly. */
export interface CaptureResult {
	status: string;
	leadId: string | null;
	/** The opportunity created (1), or the existing one the duplicate detection found (3). */
	opportunityId: string | null;
	created: boolean;
	duplicate: boolean;
	postDeDupActionPerformed: number | null;
	conflictedOpportunityId: string | null;
	activityId: string | null;
}

function id(value: unknown): string | null {
	return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/**
 * Capture's answer: `AdditionalDetails[{ActivityId, PostDeDupActionPerformed}]` and `ConflictedOpportunityId`
 * [DOC]; `Status`, `RelatedProspectId`, `CreatedOpportunityId` at the top level [CODE]. Each is also looked
 * for where the others are. Undefined when none of the ids or codes is there.
 */
export function readCaptureAnswer(raw: unknown): CaptureResult | undefined {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
	const top = raw as Record<string, unknown>;
	const details = Array.isArray(top.AdditionalDetails) ? ((top.AdditionalDetails as unknown[])[0] as Record<string, unknown> | undefined) : undefined;
	const message = top.Message && typeof top.Message === 'object' ? (top.Message as Record<string, unknown>) : undefined;
	const pick = (key: string): unknown => top[key] ?? details?.[key] ?? message?.[key];
	const action = Number(pick('PostDeDupActionPerformed'));
	const postDeDupActionPerformed = Number.isFinite(action) && pick('PostDeDupActionPerformed') !== null ? action : null;
	const createdId = id(pick('CreatedOpportunityId')) ?? id(pick('OpportunityId'));
	const conflictedOpportunityId = id(pick('ConflictedOpportunityId'));
	const leadId = id(pick('RelatedProspectId')) ?? id(pick('ProspectId')) ?? id(pick('LeadId'));
	const activityId = id(pick('ActivityId'));
	if (createdId === null && conflictedOpportunityId === null && postDeDupActionPerformed === null && leadId === null) return undefined;
	const duplicate = postDeDupActionPerformed === 3 || (createdId === null && conflictedOpportunityId !== null);
	return {
		status: typeof top.Status === 'string' ? top.Status : 'Success',
		leadId,
		opportunityId: createdId ?? conflictedOpportunityId,
		created: createdId !== null && !duplicate,
		duplicate,
		postDeDupActionPerformed,
		conflictedOpportunityId,
		activityId,
	};
}

/** Kinds of an opportunity row's keys: the type's fields, the opportunity's own dates. */
export function opportunityKinds(type: OpportunityType | undefined): FieldIndex {
	return new FieldIndex([...(type?.fields?.fields ?? []), ...kindIndex({ OpportunityDateTime: 'dateTime', CreatedOn: 'dateTime', ModifiedOn: 'dateTime' }).fields]);
}
