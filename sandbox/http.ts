/**
 * Small HTTP helpers: the answer type, answer builders, request body reading, query access and
 * key extraction (§5 of the contract).
 */
import type { IncomingMessage } from 'node:http';

export interface Answer {
	status: number;
	body: string;
	contentType?: string;
}

export const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';

export function jsonAnswer(status: number, value: unknown): Answer {
	return { status, body: JSON.stringify(value), contentType: JSON_TYPE };
}

export function textAnswer(status: number, text: string): Answer {
	return { status, body: text, contentType: TEXT_TYPE };
}

export function htmlAnswer(status: number, title: string, message: string): Answer {
	const body =
		`<!DOCTYPE html>\n<html><head><title>${title}</title></head>\n` +
		`<body><h1>${title}</h1><p>${message}</p><hr><center>LeadSquared sandbox</center></body></html>\n`;
	return { status, body, contentType: HTML_TYPE };
}

/** LeadSquared's error envelope [DOC] https://apidocs.leadsquared.com/error-handling/ (`{Status:"Error", ExceptionType, ExceptionMessage}`). */
export function mxEnvelope(exceptionType: string, message: string): Record<string, string> {
	return { Status: 'Error', ExceptionType: exceptionType, ExceptionMessage: message };
}

/** The whole request body as utf8 (what arrived, if the client aborts). */
export function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		const done = (): void => resolve(Buffer.concat(chunks).toString('utf8'));
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', done);
		req.on('error', done);
		req.on('close', done);
	});
}

/** Decoded query parameters (names as sent; the last occurrence wins). */
export function parseQuery(rawQuery: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of new URLSearchParams(rawQuery)) out[k] = v;
	return out;
}

/** A query parameter by name, any casing. */
export function queryParam(query: Record<string, string>, name: string): string | undefined {
	const lower = name.toLowerCase();
	for (const [k, v] of Object.entries(query)) if (k.toLowerCase() === lower) return v;
	return undefined;
}

export function flattenHeaders(req: IncomingMessage): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(req.headers)) {
		if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
	}
	return out;
}

export interface Credentials {
	accessKey?: string;
	secretKey?: string;
	source: 'header' | 'query' | 'none';
}

/** Keys from `x-LSQ-AccessKey`/`x-LSQ-SecretKey` headers, else from the `accessKey`/`secretKey` query parameters. */
export function extractCredentials(headers: Record<string, string>, query: Record<string, string>): Credentials {
	const hAccess = headers['x-lsq-accesskey'];
	const hSecret = headers['x-lsq-secretkey'];
	const qAccess = queryParam(query, 'accessKey');
	const qSecret = queryParam(query, 'secretKey');
	if (hAccess !== undefined || hSecret !== undefined) {
		return { accessKey: hAccess ?? qAccess, secretKey: hSecret ?? qSecret, source: 'header' };
	}
	if (qAccess !== undefined || qSecret !== undefined) return { accessKey: qAccess, secretKey: qSecret, source: 'query' };
	return { source: 'none' };
}

export function isJsonContentType(headers: Record<string, string>): boolean {
	const type = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
	return type === 'application/json' || type === 'text/json' || type.endsWith('+json');
}

export function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	if (text.trim() === '') return { ok: false };
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}
