/**
 * What the type parameters accept (typeKinds.ts).
 */
import { TYPE_CODE_OR_EMPTY } from '../../nodes/LeadSquared/helpers/typeKinds';

describe('the By Code pattern', () => {
	it('takes a code or nothing, as n8n applies it (wrapped in ^…$)', () => {
		const test = (value: string) => new RegExp(`^${TYPE_CODE_OR_EMPTY}$`).test(value);
		expect(['', '  ', '201', ' 12000 '].map(test)).toEqual([true, true, true, true]);
		expect(['abc', '20 1', '-1', '2.5'].map(test)).toEqual([false, false, false, false]);
	});
});
