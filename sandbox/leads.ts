/**
 * The lead store: flat records in creation order, lookups by field value, and the flat
 * string-valued form that the read endpoints answer (§2.3 of the contract).
 */
import { randomUUID } from 'node:crypto';
import type { FieldRegistry } from './fields';
import type { FieldDefinition, LeadRecord } from './types';
import { comparisonKey, formatDateTime, normalizeDate, phoneDigits } from './values';

interface StoredLead {
	record: LeadRecord;
	/** Monotonic write counter, breaks ModifiedOn ties (ModifiedOn has whole seconds only). */
	modifiedSeq: number;
}

export class LeadStore {
	private stored: StoredLead[] = [];
	private nextAutoId = 1001;
	private writeSeq = 0;

	clear(): void {
		this.stored = [];
		this.nextAutoId = 1001;
		this.writeSeq = 0;
	}

	/** Adds seed leads as given (not validated); generates ProspectID, ProspectAutoId, CreatedOn, ModifiedOn when missing. */
	seed(records: Array<Record<string, string>>, fields: FieldRegistry, now: number): void {
		for (const input of records) {
			const record: LeadRecord = {};
			for (const [key, value] of Object.entries(input)) {
				const field = fields.get(key);
				const name = field?.schemaName ?? key;
				if (field?.dataType === 'CustomObject') record[name] = parseCfs(value);
				else if (field && DATE_TYPES.has(field.dataType)) record[name] = normalizeDate(String(value)) ?? String(value);
				else record[name] = String(value);
			}
			this.insert(record, now, typeof record.ProspectID === 'string' ? record.ProspectID : undefined);
		}
	}

	/** Creates a lead from already-validated values. */
	create(values: LeadRecord, now: number, id?: string): LeadRecord {
		return this.insert({ ...values }, now, id).record;
	}

	update(id: string, values: LeadRecord, now: number): void {
		const lead = this.find(id);
		if (!lead) throw new Error(`no lead ${id}`);
		for (const [key, value] of Object.entries(values)) {
			const current = lead.record[key];
			if (isObject(value) && isObject(current)) lead.record[key] = { ...current, ...value };
			else lead.record[key] = value;
		}
		lead.record.ModifiedOn = formatDateTime(now);
		lead.modifiedSeq = ++this.writeSeq;
	}

	/** Deletes a lead; returns its record, or undefined for an unknown id. */
	remove(id: string): LeadRecord | undefined {
		const lead = this.find(id);
		if (lead) this.stored = this.stored.filter((s) => s !== lead);
		return lead?.record;
	}

	/** The live records (not copies), creation order. */
	records(): LeadRecord[] {
		return this.stored.map((s) => s.record);
	}

	snapshot(): LeadRecord[] {
		return this.stored.map((s) => structuredClone(s.record));
	}

	byId(id: string): LeadRecord | undefined {
		return this.find(id)?.record;
	}

	/** Leads whose value of `field` equals `value` (e-mail case-insensitive, phones by digits). */
	findBy(field: FieldDefinition, value: string): LeadRecord[] {
		const key = comparisonKey(field, value);
		if (key === '') return [];
		return this.stored
			.filter((s) => {
				const stored = s.record[field.schemaName];
				return typeof stored === 'string' && comparisonKey(field, stored) === key;
			})
			.map((s) => s.record);
	}

	/**
	 * RetrieveLeadByPhoneNumber: Phone or Mobile by digits; [INF] a number without its country code
	 * (at least 7 digits) also matches a stored number ending with it.
	 */
	findByPhone(phone: string): LeadRecord[] {
		const wanted = phoneDigits(phone);
		if (wanted === '') return [];
		const matches = (v: unknown): boolean => {
			if (typeof v !== 'string') return false;
			const digits = phoneDigits(v);
			return digits === wanted || (wanted.length >= 7 && digits.endsWith(wanted));
		};
		return this.stored.filter((s) => matches(s.record.Phone) || matches(s.record.Mobile)).map((s) => s.record);
	}

	/** The most recently modified of `leads`. */
	mostRecent(leads: LeadRecord[]): LeadRecord | undefined {
		let best: StoredLead | undefined;
		for (const lead of leads) {
			const s = this.stored.find((x) => x.record === lead);
			if (!s) continue;
			if (!best || compareModified(s, best) > 0) best = s;
		}
		return best?.record;
	}

	private find(id: string): StoredLead | undefined {
		const lower = id.toLowerCase();
		return this.stored.find((s) => String(s.record.ProspectID).toLowerCase() === lower);
	}

	private insert(record: LeadRecord, now: number, id: string | undefined): StoredLead {
		const stamp = formatDateTime(now);
		const full: LeadRecord = {
			ProspectID: id ?? randomUUID(),
			ProspectAutoId: String(this.nextAutoId),
			...record,
		};
		if (id !== undefined) full.ProspectID = id;
		full.CreatedOn ??= stamp;
		full.ModifiedOn ??= stamp;
		const autoId = Number(full.ProspectAutoId);
		this.nextAutoId = Math.max(this.nextAutoId, Number.isFinite(autoId) ? autoId : 0) + 1;
		const stored = { record: full, modifiedSeq: ++this.writeSeq };
		this.stored.push(stored);
		return stored;
	}
}

function compareModified(a: StoredLead, b: StoredLead): number {
	const am = String(a.record.ModifiedOn ?? '');
	const bm = String(b.record.ModifiedOn ?? '');
	if (am !== bm) return am < bm ? -1 : 1;
	return a.modifiedSeq - b.modifiedSeq;
}

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseCfs(value: unknown): unknown {
	if (isObject(value)) return { ...value };
	if (typeof value === 'string' && value.trim().startsWith('{')) {
		try {
			const parsed: unknown = JSON.parse(value);
			if (isObject(parsed)) return parsed;
		} catch {
			// fall through: keep the text
		}
	}
	return value === undefined || value === null ? '' : String(value);
}

const DATE_TYPES = new Set(['Date', 'DateTime']);

/**
 * The flat form of a lead in read answers [DOC] https://apidocs.leadsquared.com/get-a-lead-by-email-id/ sample
 * (strings or null, dates 'yyyy-MM-dd HH:mm:ss.000'): every metadata field (null when empty), ProspectAutoId,
 * any other stored key; a CFS as a JSON string [INF].
 * `columns` (schema names, case-insensitive) restricts the keys.
 */
export function renderLead(lead: LeadRecord, fields: FieldRegistry, columns?: string[]): Record<string, string | null> {
	const out: Record<string, string | null> = {};
	const keys = new Set<string>(['ProspectID', 'ProspectAutoId']);
	for (const f of fields.all()) keys.add(f.schemaName);
	for (const k of Object.keys(lead)) keys.add(k);
	const wanted = columns?.map((c) => c.toLowerCase());
	for (const key of keys) {
		if (wanted && !wanted.includes(key.toLowerCase())) continue;
		const value = lead[key];
		const field = fields.get(key);
		if (value === undefined || value === null || value === '') out[key] = null;
		else if (isObject(value)) out[key] = JSON.stringify(value);
		else if (field && DATE_TYPES.has(field.dataType) && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(String(value))) {
			out[key] = `${String(value)}.000`;
		} else out[key] = String(value);
	}
	return out;
}
