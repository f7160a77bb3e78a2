/** Plain-text tables of sandbox leads for `npm run demo` and `npm start`. */
import type { LeadRecord } from '../../sandbox';

function text(value: unknown): string {
	return typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value);
}

/** Renders rows as a table with a header line; every cell on one line. */
export function renderTable(header: string[], rows: string[][]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	const line = (cells: string[]): string => cells.map((c, i) => (c ?? '').padEnd(widths[i])).join('  ').trimEnd();
	return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * The leads as a table: e-mail, name, phone, course, city and the first 8 characters of the ProspectID.
 * With `before`, a Change column says which leads are new and which were updated since.
 */
export function leadsTable(leads: LeadRecord[], before?: LeadRecord[]): string {
	const previous = new Map((before ?? []).map((lead) => [text(lead.ProspectID), JSON.stringify(lead)]));
	const header = ['E-mail', 'Name', 'Phone', 'Course', 'City', 'Lead ID', ...(before ? ['Change'] : [])];
	const rows = leads.map((lead) => {
		const id = text(lead.ProspectID);
		const change = !previous.has(id) ? 'new' : previous.get(id) !== JSON.stringify(lead) ? 'updated' : '';
		return [
			text(lead.EmailAddress),
			[text(lead.FirstName), text(lead.LastName)].filter((part) => part !== '').join(' '),
			text(lead.Phone),
			text(lead.mx_Course_Interest),
			text(lead.mx_City),
			id.slice(0, 8),
			...(before ? [change] : []),
		];
	});
	return renderTable(header, rows);
}
