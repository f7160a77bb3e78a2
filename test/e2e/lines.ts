import type { RuntimeLine } from '../../scripts/runtime';

const ALL: RuntimeLine[] = ['2.x', '1.x'];

/** The n8n lines this run covers: both, unless E2E_LINES names one (`E2E_LINES=2.x npm run test:e2e`). */
export function e2eLines(): RuntimeLine[] {
	const wanted = (process.env.E2E_LINES ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
	if (wanted.length === 0) return ALL;
	const unknown = wanted.filter((entry) => !ALL.includes(entry as RuntimeLine));
	if (unknown.length > 0) throw new Error(`E2E_LINES: unknown line(s) ${unknown.join(', ')} (expected 2.x and/or 1.x)`);
	return ALL.filter((line) => wanted.includes(line));
}
