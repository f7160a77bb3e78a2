import { parseLeadSquaredUtc, splitWindow, TODO_WINDOW_DAYS } from '../../nodes/LeadSquared/model/task/windows';

const DAY = 86_400_000;
const ms = (text: string) => parseLeadSquaredUtc(text)!;

describe('the 100-day to-do window split', () => {
	it('keeps a window of at most 100 days as it is', () => {
		expect(splitWindow({ from: '2024-01-01 00:00:00', to: '2024-04-10 00:00:00' })).toEqual([{ from: '2024-01-01 00:00:00', to: '2024-04-10 00:00:00' }]);
		expect(splitWindow({ from: '2024-05-01 10:30:00', to: '2024-05-01 10:30:00' })).toEqual([{ from: '2024-05-01 10:30:00', to: '2024-05-01 10:30:00' }]);
	});

	it('splits 100 days and one second into a 100-day window and a one-second window', () => {
		expect(splitWindow({ from: '2024-01-01 00:00:00', to: '2024-04-10 00:00:01' })).toEqual([
			{ from: '2024-01-01 00:00:00', to: '2024-04-10 00:00:00' },
			{ from: '2024-04-10 00:00:01', to: '2024-04-10 00:00:01' },
		]);
	});

	it('covers a year exactly: consecutive windows of at most 100 days, each starting one second after the last ended', () => {
		const windows = splitWindow({ from: '2024-01-01 00:00:00', to: '2024-12-31 23:59:59' });
		expect(windows).toHaveLength(4);
		expect(windows[0].from).toBe('2024-01-01 00:00:00');
		expect(windows[windows.length - 1].to).toBe('2024-12-31 23:59:59');
		for (const [index, window] of windows.entries()) {
			expect(ms(window.to) - ms(window.from)).toBeLessThanOrEqual(TODO_WINDOW_DAYS * DAY);
			expect(ms(window.to)).toBeGreaterThanOrEqual(ms(window.from));
			if (index > 0) expect(ms(window.from) - ms(windows[index - 1].to)).toBe(1000);
		}
	});

	it('crosses a leap day and keeps the time of day', () => {
		expect(splitWindow({ from: '2024-02-01 10:15:30', to: '2024-06-01 00:00:00' }, 100)).toEqual([
			{ from: '2024-02-01 10:15:30', to: '2024-05-11 10:15:30' },
			{ from: '2024-05-11 10:15:31', to: '2024-06-01 00:00:00' },
		]);
	});

	it('takes another window length', () => {
		expect(splitWindow({ from: '2024-01-01 00:00:00', to: '2024-01-03 00:00:00' }, 1)).toEqual([
			{ from: '2024-01-01 00:00:00', to: '2024-01-02 00:00:00' },
			{ from: '2024-01-02 00:00:01', to: '2024-01-03 00:00:00' },
		]);
	});

	it('refuses a window that ends before it starts, and dates that are not LeadSquared dates', () => {
		expect(() => splitWindow({ from: '2024-02-01 00:00:00', to: '2024-01-01 00:00:00' })).toThrow(/starts .* after it ends/);
		expect(() => splitWindow({ from: '2024-02-01', to: '2024-03-01 00:00:00' })).toThrow(RangeError);
		expect(() => splitWindow({ from: '2024-01-01 00:00:00', to: '2024-03-01 00:00:00' }, 0)).toThrow(RangeError);
	});
});
