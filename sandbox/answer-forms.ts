/**
 * Answers whose shape the sources do not agree on (contract §12.2): LeadSquared's documentation shows one
 * form, public clients read (or guard against) another. The sandbox answers in either form, chosen per
 * answer with the option `answerForms`, so that tests run what reads each answer under every form.
 * `ANSWER_FORMS` names every form with the source that shows it ("CODE id N" opens with the code index's
 * read_file tool).
 */

export const ANSWER_FORMS = {
	/** `LeadManagement.svc/RetrieveNote`: `{RecordCount, List:[…]}` or `{RecordCount, Notes:[…]}`. */
	notes: {
		List: '[DOC] https://apidocs.leadsquared.com/get-all-notes-of-lead/ (List in the sample)',
		Notes: '[CODE] ids 67162514356 and 67321114747: two independent clients read the rows from List or Notes, with RecordCount',
	},
	/** `ProspectActivity.svc/Bulk/CustomActivity/Add/ByLeadId`: per-row results, or only how many were created. */
	activityBulk: {
		response: '[DOC] https://apidocs.leadsquared.com/post-bulk-activities-on-leads (start of the sample); row keys [CODE] id 70701181602',
		count: '[CODE] id 70701181602: a production client accepts {Status:"Success", Message:{Count:N}} as well (not stated as seen live)',
	},
	/** `Webhook.svc/Create`: `Message` as `{Id}` or as the bare id. */
	webhookCreate: {
		object: '[DOC] https://apidocs.leadsquared.com/create-a-webhook/ ; clients read Message.Id [CODE] id 70701181602',
		bareId: '[CODE] id 70701181602: the client reads Message as an object with Id or as the id string itself',
	},
	/** `LeadManagement.svc/Lists.Get`: a bare array, or `{Status, Message:[…]}`. */
	lists: {
		bare: '[DOC] https://apidocs.leadsquared.com/retrieve-all-lists/ (an array of lists)',
		wrapped: '[CODE] id 70701181602: the client accepts {Status, Message:[…lists]} as well',
	},
	/** `Authentication.svc/UserByAccessKey.Get`: the user object, or the same object inside `d` (ASP.NET's JSON wrapper). */
	userByAccessKey: {
		bare: '[DOC] https://apidocs.leadsquared.com/user-authentication/ (the user and org object)',
		d: '[CODE] id 56732457733: the client reads LSQCommonServiceURLs and Status at the top level or inside d',
	},
} as const;

export type AnswerFormName = keyof typeof ANSWER_FORMS;

/** The form each answer takes. */
export type AnswerForms = { [K in AnswerFormName]: keyof (typeof ANSWER_FORMS)[K] };

/** The documented form of every answer. */
export function defaultAnswerForms(): AnswerForms {
	return { notes: 'List', activityBulk: 'response', webhookCreate: 'object', lists: 'bare', userByAccessKey: 'bare' };
}

/** The forms one answer can take (the first is the default), e.g. for `describe.each`. */
export function answerFormChoices<K extends AnswerFormName>(name: K): Array<AnswerForms[K]> {
	return Object.keys(ANSWER_FORMS[name]) as Array<AnswerForms[K]>;
}

/**
 * `current` with the forms given in `partial` replaced; `partial` undefined = every answer in its default
 * form. An unknown form fails (a typo would otherwise test the default form silently).
 */
export function mergeAnswerForms(current: AnswerForms, partial: Partial<AnswerForms> | undefined): AnswerForms {
	if (partial === undefined) return defaultAnswerForms();
	const next = { ...current } as Record<string, string>;
	for (const [name, form] of Object.entries(partial)) {
		if (form === undefined) {
			next[name] = defaultAnswerForms()[name as AnswerFormName];
			continue;
		}
		const forms = (ANSWER_FORMS as Record<string, Record<string, string> | undefined>)[name];
		if (!forms) throw new Error(`answerForms: unknown answer '${name}' (known: ${Object.keys(ANSWER_FORMS).join(', ')})`);
		if (!(String(form) in forms)) throw new Error(`answerForms.${name}: unknown form '${String(form)}' (known: ${Object.keys(forms).join(', ')})`);
		next[name] = String(form);
	}
	return next as AnswerForms;
}
