/**
 * What the discovery operations share (Lead Field, Activity Type, Task Type and Opportunity Type → Get Many):
 * their Filters collection and reading it, a look-up made at most once per node run, and the fields of
 * several types read at once (a few calls under way, each paced by the client, each type once per run).
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { InputError, LeadSquaredError } from '../machinery/errors';
import { runKeyed } from '../machinery/scheduler';
import type { ActivityTypeInfo } from '../model/activity/types';
import { describeField } from '../model/discovery/fields';
import { fieldsUnavailableReason } from '../model/discovery/types';
import type { TypeFields } from '../model/discovery/types';
import { flagOf, optionalText } from '../values/checks';
import { describeValue } from '../values/values';
import type { RunContext } from './engine';

/** The Filters collection of a discovery operation. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options };
}

/** Filters → Code or Name, for the type lists. */
export function codeOrNameFilter(noun: string, example: string): INodeProperties {
	return {
		displayName: 'Code or Name',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: `e.g. ${example}`,
		description: `Only the ${noun} with this code, or the ${noun}s whose name contains this text (any letter case)`,
	};
}

/** The item's Filters collection, checked to be one. */
export function readFilters(run: RunContext, index: number): IDataObject {
	const raw = run.context.getNodeParameter('filters', index, {}) as unknown;
	if (raw === undefined || raw === null || raw === '') return {};
	if (typeof raw !== 'object' || Array.isArray(raw)) throw new InputError(`Filters is ${describeValue(raw)}, not a collection of filters`, 'filters');
	return raw as IDataObject;
}

/** A text filter (trimmed); undefined when empty. */
export function textFilter(filters: IDataObject, name: string, label: string): string | undefined {
	return optionalText(filters[name], `Filters → ${label}`, name)?.trim();
}

/** A yes/no filter; false when not added. */
export function flagFilter(filters: IDataObject, name: string, label: string): boolean {
	return flagOf(filters[name], `Filters → ${label}`, name, false);
}

/** A look-up made at most once per node run; a failed one is forgotten, so the next item that needs it tries again. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
	let loading: Promise<T> | undefined;
	return async () => {
		if (!loading) {
			const attempt = load();
			loading = attempt;
			attempt.catch(() => {
				if (loading === attempt) loading = undefined;
			});
		}
		return await loading;
	};
}

/**
 * The fields of activity or opportunity types, each type read once per run (`read`: GetActivitySetting or
 * GetOpportunityTypeMetadata). A type LeadSquared will not describe (a refusal, HTTP 403 or 404) is listed with
 * the reason; any other failure (network, rate-limit wait, an unreadable answer) fails the item, as a retry may
 * succeed.
 */
export class TypeFieldReader {
	private readonly cache = new Map<number, Promise<TypeFields>>();

	constructor(
		private readonly read: (code: number) => Promise<ActivityTypeInfo>,
		private readonly call: string,
	) {}

	private fieldsOf(code: number): Promise<TypeFields> {
		let fields = this.cache.get(code);
		if (!fields) {
			fields = this.read(code).then(
				(info): TypeFields =>
					info.fields ? { fields: info.fields.fields.map((field) => describeField(field)) } : { unavailable: `${this.call} answered without a list of the type's fields` },
				(error: unknown): TypeFields => {
					const reason = error instanceof LeadSquaredError ? fieldsUnavailableReason(error.failure, this.call) : undefined;
					if (reason === undefined) throw error;
					return { unavailable: reason };
				},
			);
			this.cache.set(code, fields);
			fields.catch(() => this.cache.delete(code));
		}
		return fields;
	}

	/** The fields of each code, `concurrency` reads at a time; the first failure (in code order) is thrown. */
	async readAll(codes: readonly number[], concurrency: number): Promise<Map<number, TypeFields>> {
		let failed = false;
		const settled = await runKeyed(
			codes.map((code) => ({
				keys: [],
				run: async () => {
					const fields = this.fieldsOf(code);
					// After a failure no further type is read: the item fails with the first one.
					fields.catch(() => (failed = true));
					return await fields;
				},
			})),
			concurrency,
			() => failed,
		);
		const fields = new Map<number, TypeFields>();
		for (const [position, result] of settled.entries()) {
			if (result === undefined) continue;
			if (!result.ok) throw result.error;
			fields.set(codes[position], result.value);
		}
		return fields;
	}
}
