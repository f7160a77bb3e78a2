/**
 * The account's companies ("accounts", §2 of leadsquared-api-more.md): account types with their company
 * fields and account activity types, the stored companies and account activities, and the checks of
 * `CompanyProperties: [{Attribute, Value}]` against a type's fields (the lead value rules of values.ts).
 */
import { randomUUID } from 'node:crypto';
import { ActivityTypeRegistry } from './activity-types';
import type { CompanySeed, CompanyTypeDefinition, SandboxAccounts, StoredCompany, StoredCompanyActivity } from './crm-extra-types';
import { FieldRegistry } from './fields';
import { RecordStore } from './record-store';
import type { FieldDefinition } from './types';
import { SANDBOX_USER_ID } from './user';
import type { UserDirectory } from './users';
import { formatDateTime, normalizeValue } from './values';

/**
 * The company fields every type has: CompanyId, CompanyName, Phone, Website [DOC create-an-account, get-an-account
 * samples], Stage [DOC get-an-account FilterBy sample], OwnerId [CODE id 63375367859]; City, State, Country,
 * Description and the dates [INF].
 */
export function systemCompanyFields(): FieldDefinition[] {
	return [
		{ schemaName: 'CompanyId', displayName: 'Account Id', dataType: 'Text', readOnly: true, maxLength: 50 },
		{ schemaName: 'CompanyName', displayName: 'Account Name', dataType: 'Text', mandatory: true, maxLength: 200 },
		{ schemaName: 'Phone', displayName: 'Phone', dataType: 'Phone' },
		{ schemaName: 'Website', displayName: 'Website', dataType: 'Website' },
		{ schemaName: 'City', displayName: 'City', dataType: 'Text', maxLength: 100 },
		{ schemaName: 'State', displayName: 'State', dataType: 'Text', maxLength: 100 },
		{ schemaName: 'Country', displayName: 'Country', dataType: 'Text', maxLength: 100 },
		{ schemaName: 'Stage', displayName: 'Stage', dataType: 'Select', options: ['Prospect', 'Opportunity', 'Partner', 'Customer', 'Inactive'] },
		{ schemaName: 'Description', displayName: 'Description', dataType: 'Text', maxLength: 2000 },
		{ schemaName: 'OwnerId', displayName: 'Owner', dataType: 'Text', maxLength: 50 },
		{ schemaName: 'CreatedOn', displayName: 'Created On', dataType: 'DateTime', readOnly: true },
		{ schemaName: 'ModifiedOn', displayName: 'Modified On', dataType: 'DateTime', readOnly: true },
	];
}

export interface CompanyType {
	definition: CompanyTypeDefinition;
	fields: FieldRegistry;
	activityTypes: ActivityTypeRegistry;
}

export type CompanyCheck = { ok: true; values: Record<string, string> } | { ok: false; exceptionType: string; message: string };

export class CompanyDirectory {
	readonly companies = new RecordStore<StoredCompany>((c) => c.CompanyId);
	readonly activities = new RecordStore<StoredCompanyActivity>((a) => a.CompanyActivityId);
	private types = new Map<string, CompanyType>();

	constructor(definitions: CompanyTypeDefinition[]) {
		this.configure(definitions);
	}

	/** (Re)builds the types; stored companies stay. */
	configure(definitions: CompanyTypeDefinition[]): void {
		this.types = new Map(
			definitions.map((definition) => [
				definition.name.trim().toLowerCase(),
				{
					definition,
					fields: new FieldRegistry([...systemCompanyFields(), ...(definition.fields ?? [])], ['CompanyName']),
					activityTypes: new ActivityTypeRegistry((definition.activityTypes ?? []).map((t) => ({ ...t, kind: 'custom' as const }))),
				},
			]),
		);
	}

	/** A type by name, any casing. */
	type(name: string): CompanyType | undefined {
		return this.types.get(name.trim().toLowerCase());
	}

	clear(): void {
		this.companies.clear();
		this.activities.clear();
	}

	/** Adds the seed companies; throws for an unknown type or a value the type refuses. */
	seed(seeds: CompanySeed[], users: UserDirectory, now: number): void {
		for (const seed of seeds) {
			const type = this.type(seed.type);
			if (!type) throw new Error(`sandbox: company '${seed.values.CompanyName ?? ''}' has an unknown type '${seed.type}'`);
			const pairs = Object.entries(seed.values).map(([name, value]) => ({ name, value }));
			const checked = checkCompanyProperties(type, pairs, 'create', users);
			if (!checked.ok) throw new Error(`sandbox: company '${seed.values.CompanyName ?? ''}': ${checked.message}`);
			this.create(type, checked.values, now, seed.values.CompanyId);
		}
	}

	/** Stores a company of `type` with checked values; the owner defaults to the API user [INF]. */
	create(type: CompanyType, values: Record<string, string>, now: number, id?: string): StoredCompany {
		const stamp = formatDateTime(now);
		const company: StoredCompany = {
			CompanyId: id ?? randomUUID(),
			CompanyTypeName: type.definition.name,
			Values: { OwnerId: SANDBOX_USER_ID, ...values },
			CreatedBy: SANDBOX_USER_ID,
			CreatedOn: stamp,
			ModifiedBy: SANDBOX_USER_ID,
			ModifiedOn: stamp,
		};
		return this.companies.add(company);
	}

	/** The type of a stored company. */
	typeOf(company: StoredCompany): CompanyType | undefined {
		return this.type(company.CompanyTypeName);
	}

	/** The account activity type `code` of the company's type. */
	activityType(company: StoredCompany, code: number): ReturnType<ActivityTypeRegistry['get']> {
		return this.typeOf(company)?.activityTypes.get(code);
	}

	/** Removes a company and its account activities; returns it. */
	remove(id: string): StoredCompany | undefined {
		const [company] = this.companies.removeWhere((c) => c.CompanyId.toLowerCase() === id.trim().toLowerCase());
		if (company) this.activities.removeWhere((a) => a.RelatedCompanyId === company.CompanyId);
		return company;
	}

	snapshot(): SandboxAccounts {
		return { companies: this.companies.snapshot(), activities: this.activities.snapshot() };
	}
}

/**
 * Checks `[{Attribute, Value}]` pairs against a type's fields, as lead writes are checked (messages [INF]):
 * an unknown attribute → MXUnknownAttributeException; a value not of the field's type →
 * MXInvalidInputException; OwnerId must name an active user (id or e-mail; the id is stored); read-only
 * fields are ignored; 'create' needs the mandatory fields (CompanyName), 'update' refuses clearing them.
 */
export function checkCompanyProperties(type: CompanyType, pairs: Array<{ name: string; value: string }>, mode: 'create' | 'update', users: UserDirectory): CompanyCheck {
	const unknown = pairs.filter((p) => !type.fields.get(p.name)).map((p) => p.name);
	if (unknown.length > 0) return { ok: false, exceptionType: 'MXUnknownAttributeException', message: `Attribute(s) does not exist - ${unknown.join(', ')}` }; // [INF] as for leads
	const values: Record<string, string> = {};
	for (const pair of pairs) {
		const field = type.fields.get(pair.name) as FieldDefinition;
		if (field.readOnly) continue;
		if (field.schemaName === 'OwnerId' && pair.value.trim() !== '') {
			const owner = users.active(pair.value);
			if (!owner) return { ok: false, exceptionType: 'MXInvalidInputException', message: `Invalid OwnerId '${pair.value}': no active user has this id or e-mail address` }; // [INF]
			values.OwnerId = owner.id;
			continue;
		}
		const normalized = normalizeValue(field, pair.value);
		if (!normalized.ok) return { ok: false, exceptionType: 'MXInvalidInputException', message: normalized.message };
		values[field.schemaName] = normalized.value;
	}
	const missing = type.fields
		.mandatoryFields()
		.map((f) => f.schemaName)
		.filter((name) => (mode === 'create' ? !values[name] : values[name] === ''));
	if (missing.length > 0) return { ok: false, exceptionType: 'MXMandatoryAttributeMissingException', message: `Mandatory attribute(s) missing - ${missing.join(', ')}` }; // [INF] as for leads
	return { ok: true, values };
}
