/**
 * Command-line parsing for sandbox/cli.ts (kept separate so it can be unit-tested).
 */
import { mergeAnswerForms, defaultAnswerForms, type AnswerForms } from './answer-forms';
import type { RateLimitAnswer, RateLimitOptions, SandboxOptions } from './types';

export interface CliArgs {
	options: SandboxOptions;
	demo: boolean;
	help: boolean;
}

export const USAGE = `Usage: node .build/sandbox/cli.js [options]

  --port N              port to listen on (default 8080; 0 = random)
  --access-key K        access key (default u$r-sandbox-access-key-0001)
  --secret-key S        secret key (default sandbox-secret-key-0002)
  --rate N/S            N calls per S seconds (default 25/5; 0/5 = unlimited)
  --bulk-rate N/S       limit of Lead/Bulk/* calls (default 5/5)
  --rate-answer CODE    status of rate-limit answers: 429 | 403 | 200 (default 429)
  --mx-status CODE      status of MX business errors: 500 | 200 (default 500)
  --account-host H      the account's API host (default api-us11.leadsquared.com)
  --served-host H       the host this server pretends to be (default = account host)
  --latency MS          delay every answer by MS milliseconds
  --answer-form A=F     answer A in form F (repeatable), e.g. notes=Notes, activityBulk=count,
                        webhookCreate=bareId, lists=wrapped, userByAccessKey=d (sandbox/README.md)
  --demo                seed 4 demo leads
  --help                show this help`;

export function parseCliArgs(argv: string[]): CliArgs {
	const options: SandboxOptions = { port: 8080 };
	let demo = false;
	let help = false;
	let rateAnswer: RateLimitAnswer | undefined;
	const args = argv.flatMap((a) => (a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a]));
	for (let i = 0; i < args.length; i++) {
		const flag = args[i];
		const value = (): string => {
			const v = args[++i];
			if (v === undefined) throw new Error(`${flag} needs a value`);
			return v;
		};
		switch (flag) {
			case '--port':
				options.port = integer(flag, value());
				break;
			case '--access-key':
				options.accessKey = value();
				break;
			case '--secret-key':
				options.secretKey = value();
				break;
			case '--rate':
				options.rateLimit = rate(flag, value());
				break;
			case '--bulk-rate':
				options.bulkRateLimit = rate(flag, value());
				break;
			case '--rate-answer':
				rateAnswer = oneOf(flag, value(), [429, 403, 200] as const);
				break;
			case '--mx-status':
				options.mxErrorStatus = oneOf(flag, value(), [500, 200] as const);
				break;
			case '--account-host':
				options.accountHost = value();
				break;
			case '--served-host':
				options.servedHost = value();
				break;
			case '--latency':
				options.latencyMs = integer(flag, value());
				break;
			case '--answer-form':
				options.answerForms = { ...options.answerForms, ...answerForm(flag, value()) };
				break;
			case '--demo':
				demo = true;
				break;
			case '--help':
			case '-h':
				help = true;
				break;
			default:
				throw new Error(`unknown option ${flag}`);
		}
	}
	if (rateAnswer !== undefined) {
		options.rateLimit = { ...(options.rateLimit ?? { calls: 25, windowMs: 5000 }), answer: rateAnswer };
		options.bulkRateLimit = { ...(options.bulkRateLimit ?? { calls: 5, windowMs: 5000 }), answer: rateAnswer };
	}
	return { options, demo, help };
}

/** `name=form`, checked against the known forms. */
function answerForm(flag: string, text: string): Partial<AnswerForms> {
	const m = /^(\w+)=(\w+)$/.exec(text);
	if (!m) throw new Error(`${flag} expects ANSWER=FORM (e.g. notes=Notes), got '${text}'`);
	const form = { [m[1]]: m[2] } as Partial<AnswerForms>;
	mergeAnswerForms(defaultAnswerForms(), form); // throws for an unknown answer or form
	return form;
}

function integer(flag: string, text: string): number {
	if (!/^\d+$/.test(text)) throw new Error(`${flag} expects a non-negative integer, got '${text}'`);
	return Number(text);
}

function rate(flag: string, text: string): RateLimitOptions {
	const m = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(text);
	if (!m) throw new Error(`${flag} expects N/S (N calls per S seconds), got '${text}'`);
	return { calls: Number(m[1]), windowMs: Math.round(Number(m[2]) * 1000) };
}

function oneOf<T extends number>(flag: string, text: string, allowed: readonly T[]): T {
	const found = allowed.find((a) => String(a) === text);
	if (found === undefined) throw new Error(`${flag} expects one of ${allowed.join(', ')}, got '${text}'`);
	return found;
}
