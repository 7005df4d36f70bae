/** The one shape of every error response: what went wrong, which rule, and for bad input which fields. */
export interface Problem {
  statusCode: number;
  error: string;
  message: string;
  /** A stable rule name, e.g. `referral.transition-not-allowed`. */
  rule?: string;
  /** Field-level messages for invalid input: `{ field: 'needs[0]', rules: ['needs[0] must be a string'] }`. */
  fields?: { field: string; rules: string[] }[];
  details?: Record<string, unknown>;
}
