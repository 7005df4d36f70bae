import { plainWords } from '../lib/plain-words';

/** A refusal in plain words, announced to screen readers, next to the action it concerns. */
export function ProblemNotice({ error, children }: { error: unknown; children?: React.ReactNode }) {
  if (!error) return null;
  return (
    <div role="alert" className="notice error">
      <p>{plainWords(error)}</p>
      {children}
    </div>
  );
}
