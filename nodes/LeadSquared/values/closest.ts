/**
 * The valid field names closest to a name the account does not have, for the message that refuses it
 * (issue 19 point 3, contract C2): "City" given where the account's field is `mx_City` (display name
 * "City") finds it. Pure: no n8n imports.
 */

export interface NamedField {
	schemaName: string;
	/** The name LeadSquared shows; the schema name when it has none. */
	displayName?: string;
}

/** The most names one message lists. */
export const MAX_CLOSEST = 5;

/** A name as it is compared: lower case, without the `mx_` prefix, underscores, spaces, dashes or dots. */
export function normalName(name: string): string {
	return name
		.trim()
		.toLowerCase()
		.replace(/^mx_/, '')
		.replace(/[\s_\-.]+/g, '');
}

/** Levenshtein distance (insertions, deletions, substitutions), in two rows. */
export function editDistance(a: string, b: string): number {
	if (a === b) return 0;
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		previous = current;
	}
	return previous[b.length];
}

/** The pairs of neighbouring letters of a name, each counted once. */
function bigrams(name: string): Set<string> {
	const pairs = new Set<string>();
	for (let i = 0; i + 1 < name.length; i++) pairs.add(name.slice(i, i + 2));
	return pairs;
}

/** 0 for names sharing every pair of neighbouring letters, 1 for names sharing none (Dice's coefficient, turned round). */
function bigramDistance(a: string, b: string): number {
	const [left, right] = [bigrams(a), bigrams(b)];
	if (left.size + right.size === 0) return 1;
	let shared = 0;
	for (const pair of left) if (right.has(pair)) shared++;
	return 1 - (2 * shared) / (left.size + right.size);
}

/**
 * How far `candidate` is from `given` (both normalised); lower is closer. Equal names first, then one
 * starting with the other, then one containing the other, then the others by likeness: the mean of the
 * edit distance relative to the length (good at typos) and of the letter pairs they do not share (good at
 * names of different lengths).
 */
function distance(given: string, candidate: string): number {
	if (candidate === '' || given === '') return Infinity;
	if (given === candidate) return 0;
	const lengthGap = Math.abs(given.length - candidate.length) / Math.max(given.length, candidate.length);
	if (candidate.startsWith(given) || given.startsWith(candidate)) return 1 + lengthGap;
	if (candidate.includes(given) || given.includes(candidate)) return 2 + lengthGap;
	return 3 + (editDistance(given, candidate) / Math.max(given.length, candidate.length) + bigramDistance(given, candidate)) / 2;
}

/**
 * The candidates closest to `given` (at most `max`), closest first; its schema name and its display name
 * both count, whichever is closer. Ties keep the candidates' order. A candidate named like `given` in
 * another letter case is the closest of all.
 */
export function closestNames<T extends NamedField>(given: string, candidates: readonly T[], max = MAX_CLOSEST): T[] {
	const wanted = normalName(given);
	const seen = new Set<string>();
	return candidates
		.map((candidate, position) => ({
			candidate,
			position,
			score: Math.min(distance(wanted, normalName(candidate.schemaName)), distance(wanted, normalName(candidate.displayName ?? ''))),
		}))
		.filter(({ candidate, score }) => {
			const key = candidate.schemaName.toLowerCase();
			if (!Number.isFinite(score) || seen.has(key)) return false;
			seen.add(key);
			return true;
		})
		.sort((a, b) => a.score - b.score || a.position - b.position)
		.slice(0, Math.max(0, max))
		.map(({ candidate }) => candidate);
}

/**
 * `Display Name (SchemaName)`, always in this form (the schema name twice when there is no other display
 * name), so that a reader, a model included, finds the schema name in the brackets of every entry.
 */
export function fieldLabelOf(field: NamedField): string {
	const display = field.displayName?.trim() || field.schemaName;
	return `${display} (${field.schemaName})`;
}

/** With several unknown names: the closest names of the first two, three each (the message stays brief). */
const SEVERAL = { names: 2, each: 3 };

/**
 * The sentence a refusal of unknown names adds: `Closest valid names: City (mx_City), Country (mx_Country).`
 * With several unknown names, the closest for the first two: `Closest valid names: for "A": …; for "B": ….`
 * Empty when there is no candidate.
 */
export function closestNamesSentence(given: string | readonly string[], candidates: readonly NamedField[], max = MAX_CLOSEST): string {
	// A name with nothing to compare (empty, or only "mx_" and underscores) has no closest names.
	const names = (typeof given === 'string' ? [given] : [...given]).filter((name) => normalName(name) !== '');
	if (names.length === 0 || candidates.length === 0) return '';
	const list = (name: string, count: number) => closestNames(name, candidates, count).map(fieldLabelOf).join(', ');
	if (names.length === 1) return `Closest valid names: ${list(names[0], max)}.`;
	const shown = names.slice(0, SEVERAL.names).map((name) => `for "${name}": ${list(name, Math.min(max, SEVERAL.each))}`);
	return `Closest valid names: ${shown.join('; ')}.`;
}

/** `message` followed by the closest valid names (when there are candidates): `"City" is not a lead field. Closest valid names: City (mx_City).` */
export function withClosest(message: string, given: string | readonly string[], candidates: readonly NamedField[]): string {
	const sentence = closestNamesSentence(given, candidates);
	return sentence === '' ? message : `${message.trim().replace(/[.\s]+$/, '')}. ${sentence}`;
}
