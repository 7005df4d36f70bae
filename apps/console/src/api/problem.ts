/** A refusal from the API, as its error body states it: status, the rule broken and the fields concerned. */
export interface FieldProblem {
  field: string;
  rules: string[];
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly rule: string | undefined,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiProblem';
  }

  /** Another member of staff acted first: the version we edited is no longer the current one. */
  get isStale(): boolean {
    return this.status === 409 && this.rule === 'concurrency.stale-version';
  }

  /** The problems for one field (a nested field such as `reason.code` counts for `reason`). */
  forField(field: string): FieldProblem[] {
    return this.fields.filter((f) => f.field === field || f.field.startsWith(`${field}.`) || f.field.startsWith(`${field}[`));
  }
}

/** No answer at all (the connection dropped, the server is down): the request may or may not have landed. */
export class NetworkProblem extends Error {
  constructor(readonly cause: unknown) {
    super('OneDoor could not be reached. Check the connection and try again.');
    this.name = 'NetworkProblem';
  }
}

/** Reads an error body in any of the shapes the API sends (validation, rule violations, Nest defaults). */
export function problemFrom(status: number, body: unknown): ApiProblem {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const rule = typeof b.rule === 'string' ? b.rule : undefined;
  const raw = Array.isArray(b.message) ? b.message.join('; ') : typeof b.message === 'string' ? b.message : typeof b.error === 'string' ? b.error : `request failed (${status})`;
  const fields = Array.isArray(b.fields)
    ? b.fields.flatMap((f): FieldProblem[] => {
        if (typeof f !== 'object' || f === null || typeof (f as FieldProblem).field !== 'string') return [];
        const rules = Array.isArray((f as FieldProblem).rules) ? (f as FieldProblem).rules.filter((r): r is string => typeof r === 'string') : [];
        return [{ field: (f as FieldProblem).field, rules }];
      })
    : [];
  return new ApiProblem(status, rule, raw, fields, b);
}
