import { ReactNode, useId } from 'react';
import { fieldWords } from '../lib/plain-words';

/** A labelled control with its hint and, after a refusal, the API's words for that field beside it. */
export function Field({ label, hint, error, field, children }: { label: string; hint?: string; error?: unknown; field?: string; children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactNode }) {
  const id = useId();
  const problem = field ? fieldWords(error, field) : undefined;
  const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${problem ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {children({ id, 'aria-describedby': describedBy, ...(problem ? { 'aria-invalid': true } : {}) })}
      {problem && (
        <span id={`${id}-error`} className="field-error">
          {problem}
        </span>
      )}
    </div>
  );
}
