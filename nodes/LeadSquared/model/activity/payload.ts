/**
 * Activity → Create: the body of `ProspectActivity.svc/Create` (one activity) and of a row of
 * `Bulk/CustomActivity/Add/ByLeadId`, built from one item's input and checked against the activity
 * type's fields first, so that what LeadSquared would refuse (an unknown field, a value of the wrong
 * type, a missing mandatory field) fails the item before anything is sent. And the bulk answer mapped
 * back to its rows.
 * Pure: no n8n imports.
 */
import type { ActivityTypeInfo } from './types';
import { pick, typeLabel } from './types';
import { businessFailure, InputError } from '../../machinery/errors';
import type { Failure } from '../../machinery/errors';
import type { LeadField } from '../../values/fields';
import { nonEmptyText } from '../../machinery/loose';
import { listNames } from '../lead/payload';
import { withClosest } from '../../values/closest';
import { checkRecordId } from '../../values/recordIds';
import { describeValue, EMAIL, formatValue, toLeadSquaredDateTime } from '../../values/values';

export type LeadRef = { by: 'id'; id: string } | { by: 'email'; email: string };

export type ActivityFieldSource = 'activity fields' | 'manual entry';

export interface ActivityFieldInput {
	name: unknown;
	value: unknown;
	source: ActivityFieldSource;
}

export interface ActivityInput {
	lead: { by: 'id'; id: unknown } | { by: 'email'; email: unknown; firstName?: unknown; lastName?: unknown; phone?: unknown };
	note?: unknown;
	dateTime?: unknown;
	ownerEmail?: unknown;
	fields: ActivityFieldInput[];
}

export interface ActivityOptions {
	/** IANA zone for dates without one ("UTC" keeps them as they are). */
	timezone: string;
	/** Sends ValidateDropDownOptions=true, which tells LeadSquared to skip its dropdown check: the node skips its own too. */
	skipDropdownCheck: boolean;
	/** A field given without a value: left out and listed (default), sent empty, or refused. */
	emptyValues?: 'skip' | 'clear' | 'fail';
	/** An update: only the fields given change, so mandatory fields need not be given. */
	partial?: boolean;
}

export interface ActivityField {
	SchemaName: string;
	Value: string;
}

/** The documented keys, in the documented order. */
export interface ActivityBody {
	RelatedProspectId?: string;
	EmailAddress?: string;
	FirstName?: string;
	LastName?: string;
	Phone?: string;
	ActivityEvent: number;
	ActivityNote?: string;
	ActivityDateTime?: string;
	ActivityOwnerEmail?: string;
	Fields?: ActivityField[];
	ValidateDropDownOptions?: true;
}

export interface ActivityPayload {
	lead: LeadRef;
	type: ActivityTypeInfo;
	body: ActivityBody;
	/** Fields given without a value (null, undefined or ""), left out. */
	skippedFields: string[];
}


/** A scalar as text; objects and lists are refused naming `label`. Empty → undefined. */
function scalarText(value: unknown, label: string, field: string): string | undefined {
	if (value === null || value === undefined) return undefined;
	if (typeof value === 'object' && !(value instanceof Date)) {
		throw new InputError(`${label} is ${describeValue(value)}; it must be a text`, field);
	}
	const text = value instanceof Date ? value.toISOString() : String(value);
	return text.trim() === '' ? undefined : text;
}

function emailOf(value: unknown, label: string, field: string, required: boolean): string | undefined {
	const text = scalarText(value, label, field)?.trim();
	if (text === undefined) {
		if (!required) return undefined;
		throw new InputError(
			`${label} is empty`,
			field,
			'LeadSquared finds the lead by this e-mail address (and creates one when none has it): give every item an address.',
		);
	}
	if (!EMAIL.test(text)) throw new InputError(`${label} is ${describeValue(value)}, which is not an e-mail address`, field);
	return text;
}

function leadOf(input: ActivityInput['lead'], body: Partial<ActivityBody>): LeadRef {
	if (input.by === 'id') {
		const id = checkRecordId(input.id, 'lead');
		body.RelatedProspectId = id;
		return { by: 'id', id };
	}
	const email = emailOf(input.email, 'Lead Email Address', 'email', true) as string;
	body.EmailAddress = email;
	const firstName = scalarText(input.firstName, 'New Lead Details → First Name', 'firstName')?.trim();
	const lastName = scalarText(input.lastName, 'New Lead Details → Last Name', 'lastName')?.trim();
	const phone = scalarText(input.phone, 'New Lead Details → Phone', 'phone')?.trim();
	if (firstName) body.FirstName = firstName;
	if (lastName) body.LastName = lastName;
	if (phone) body.Phone = phone;
	return { by: 'email', email };
}

function fieldLabel(field: LeadField): string {
	return field.displayName === field.schemaName ? `"${field.schemaName}"` : `"${field.displayName}" (${field.schemaName})`;
}

class FieldsBuilder {
	private readonly sent: ActivityField[] = [];
	private readonly seen = new Map<string, ActivityFieldSource>();
	private readonly unknown: string[] = [];
	readonly skipped: string[] = [];

	constructor(
		private readonly type: ActivityTypeInfo,
		private readonly options: ActivityOptions,
	) {}

	add(input: ActivityFieldInput, position: number): void {
		const name = typeof input.name === 'string' ? input.name.trim() : typeof input.name === 'number' ? String(input.name) : '';
		if (name === '') {
			throw new InputError(
				`Activity field ${position} from the ${input.source} has no field name`,
				undefined,
				'Enter the schema name of the activity field, e.g. mx_Custom_1 (Settings → Leads → Activities and Scores shows them).',
			);
		}
		if (name.toLowerCase() === 'activityevent_note') {
			throw new InputError(`"${name}" is the activity's note, not one of its fields`, name, 'Put the note in the Note parameter.');
		}
		const field = this.type.fields?.get(name);
		if (this.type.fields && !field) {
			this.unknown.push(name);
			return;
		}
		const schemaName = field?.schemaName ?? name;
		const earlier = this.seen.get(schemaName.toLowerCase());
		if (earlier !== undefined) {
			throw new InputError(
				`Activity field "${schemaName}" is given twice (in the ${earlier} and in the ${input.source})`,
				schemaName,
				'Give each activity field once.',
			);
		}
		this.seen.set(schemaName.toLowerCase(), input.source);
		const value = input.value;
		if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
			const empty = this.options.emptyValues ?? 'skip';
			if (empty === 'fail') {
				throw new InputError(
					`Activity field ${field ? fieldLabel(field) : `"${schemaName}"`} has no value`,
					schemaName,
					'Give it a value, or set Options → Empty Values to leave such fields out or to clear them.',
				);
			}
			if (empty === 'skip') this.skipped.push(schemaName);
			else this.sent.push({ SchemaName: schemaName, Value: '' });
			return;
		}
		// With ValidateDropDownOptions LeadSquared accepts any dropdown value (documented): so does the node.
		const rule = field && field.kind === 'dropdown' && this.options.skipDropdownCheck ? { ...field, kind: 'text' as const } : field;
		const result = formatValue(rule, value, { timezone: this.options.timezone });
		if (!result.ok) throw new InputError(`Activity field ${field ? fieldLabel(field) : `"${schemaName}"`} ${result.problem}`, schemaName);
		this.sent.push({ SchemaName: schemaName, Value: result.value });
	}

	finish(): ActivityField[] {
		const label = typeLabel(this.type);
		if (this.unknown.length > 0) {
			const plural = this.unknown.length > 1;
			const known = (this.type.fields?.fields ?? []).map((field) => field.schemaName);
			throw new InputError(
				withClosest(`Unknown activity field${plural ? 's' : ''} ${listNames(this.unknown)}: not ${plural ? 'fields' : 'a field'} of ${label}`, this.unknown, this.type.fields?.fields ?? []),
				this.unknown[0],
				`LeadSquared refuses the whole activity for one unknown field, so nothing was sent. ${
					known.length > 0 ? `The fields of this type are: ${listNames(known)}.` : 'This type has no fields.'
				}`,
			);
		}
		// Custom (mx_) fields marked mandatory must be given; LeadSquared fills system fields such as Owner itself.
		// An update changes only the fields given: the activity already has the others.
		const missing = (this.options.partial ? [] : (this.type.fields?.fields ?? [])).filter(
			(field) => field.isMandatory && /^mx_/i.test(field.schemaName) && !this.sent.some((sent) => sent.SchemaName === field.schemaName),
		);
		if (missing.length > 0) {
			throw new InputError(
				`${listNames(missing.map(fieldLabel), false)} ${missing.length > 1 ? 'are' : 'is'} mandatory for ${label}, but ${
					missing.length > 1 ? 'have' : 'has'
				} no value`,
				missing[0].schemaName,
				'Map a value for every mandatory field of the activity type (the field list marks them).',
			);
		}
		return this.sent;
	}
}

/** Checks one item's activity and builds its body. Throws InputError for what LeadSquared would refuse. */
export function buildActivityPayload(input: ActivityInput, type: ActivityTypeInfo, options: ActivityOptions): ActivityPayload {
	// The documented order: the lead, the type, the note, the date, the owner, the fields.
	const leadKeys: Partial<ActivityBody> = {};
	const lead = leadOf(input.lead, leadKeys);
	const ordered: ActivityBody = { ...leadKeys, ActivityEvent: type.code };
	const note = scalarText(input.note, 'Note', 'note');
	if (note !== undefined) ordered.ActivityNote = note;
	if (input.dateTime !== undefined && input.dateTime !== null && input.dateTime !== '') {
		const date = toLeadSquaredDateTime(input.dateTime, options.timezone);
		if (!date.ok) throw new InputError(`Date ${date.problem}`, 'activityDateTime');
		ordered.ActivityDateTime = date.value;
	}
	const owner = emailOf(input.ownerEmail, 'Options → Owner Email', 'ownerEmail', false);
	if (owner !== undefined) ordered.ActivityOwnerEmail = owner;
	const { fields, skippedFields } = buildActivityFields(input.fields, type, options);
	if (fields.length > 0) ordered.Fields = fields;
	if (options.skipDropdownCheck) ordered.ValidateDropDownOptions = true;
	return { lead, type, body: ordered, skippedFields };
}

/**
 * An activity's `Fields` (Create, Update), each field checked against the type's fields and converted by its
 * type; the fields given without a value and left out. Throws InputError for what LeadSquared would refuse.
 */
export function buildActivityFields(inputs: ActivityFieldInput[], type: ActivityTypeInfo, options: ActivityOptions): { fields: ActivityField[]; skippedFields: string[] } {
	const builder = new FieldsBuilder(type, options);
	const positions = new Map<ActivityFieldSource, number>();
	for (const field of inputs) {
		const position = (positions.get(field.source) ?? 0) + 1;
		positions.set(field.source, position);
		builder.add(field, position);
	}
	return { fields: builder.finish(), skippedFields: builder.skipped };
}

/** What the node serialises items on: two posts by one e-mail address at once could each create the lead. */
export function activityKeys(payload: Pick<ActivityPayload, 'lead'>): string[] {
	return payload.lead.by === 'email' ? [`email:${payload.lead.email.toLowerCase()}`] : [];
}

export type ActivityRowResult = { ok: true; activityId: string } | { ok: false; failure: Failure };

/** A failure LeadSquared reported for one activity. */
export function activityFailure(exceptionType: string | undefined, exceptionMessage: string | undefined, httpCode?: number): Failure {
	const failure = businessFailure(exceptionType, exceptionMessage, httpCode, 'the request');
	const advice = /event code/i.test(exceptionMessage ?? '')
		? 'Choose a custom activity type of your account (system and opportunity types cannot be posted through this API).'
		: undefined;
	return {
		...failure,
		message: exceptionMessage ? `LeadSquared refused the activity: ${exceptionMessage}` : `LeadSquared refused the activity (${exceptionType ?? 'no reason given'})`,
		description: [failure.description, advice].filter(Boolean).join(' ') || undefined,
	};
}

/**
 * `{"Response":[{ProspectActivityId, RowNumber, ActivityCreated, ExceptionType?, ExceptionMessage?}]}`
 * (a bare list is read too). RowNumber is 1-based [INF]: numbers starting at 0 are read as 0-based; rows
 * without one are taken in order. One result per row sent; undefined when the answer holds no list.
 */
export function mapBulkActivityResults(rowCount: number, answer: unknown): ActivityRowResult[] | undefined {
	const list = Array.isArray(answer)
		? answer
		: answer && typeof answer === 'object'
			? (pick(answer as Record<string, unknown>, 'Response', 'Responses', 'Result', 'List') as unknown)
			: undefined;
	if (!Array.isArray(list)) return undefined;
	const entries = list.filter((entry): entry is Record<string, unknown> => !!entry && typeof entry === 'object');
	const numbers = entries.map((entry) => Number(pick(entry, 'RowNumber')));
	const zeroBased = numbers.some((number) => number === 0);
	const byRow = new Map<number, Record<string, unknown>>();
	entries.forEach((entry, position) => {
		const number = numbers[position];
		const row = Number.isInteger(number) ? number + (zeroBased ? 1 : 0) : position + 1;
		if (!byRow.has(row)) byRow.set(row, entry);
	});
	const results: ActivityRowResult[] = [];
	for (let row = 1; row <= rowCount; row++) {
		const entry = byRow.get(row);
		if (!entry) {
			results.push({
				ok: false,
				failure: {
					kind: 'unexpected',
					httpCode: 200,
					message: `LeadSquared's bulk answer has no result for activity ${row} of the batch`,
					description: 'The activity may or may not have been posted: check the lead before sending the item again.',
					unknownOutcome: true,
				},
			});
			continue;
		}
		const exceptionType = nonEmptyText(pick(entry, 'ExceptionType'));
		const exceptionMessage = nonEmptyText(pick(entry, 'ExceptionMessage')) ?? nonEmptyText(pick(entry, 'ErrorMessage'));
		const activityId = nonEmptyText(pick(entry, 'ProspectActivityId', 'ActivityId', 'Id'));
		const created = pick(entry, 'ActivityCreated');
		if (exceptionType !== undefined || exceptionMessage !== undefined || created === false) {
			results.push({ ok: false, failure: activityFailure(exceptionType, exceptionMessage) });
		} else if (activityId === undefined) {
			results.push({
				ok: false,
				failure: {
					kind: 'unexpected',
					httpCode: 200,
					message: `LeadSquared's bulk answer for activity ${row} of the batch has neither an activity id nor an error`,
					unknownOutcome: true,
				},
			});
		} else {
			results.push({ ok: true, activityId });
		}
	}
	return results;
}
