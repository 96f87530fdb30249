import { useState } from 'react';
import { ApiError, errorMessage } from '../api/client';

/**
 * Form state plus the server's verdict: field errors land next to their
 * fields, anything else becomes the form-level message. `fields` maps API
 * field names to the inputs shown (e.g. `api_key` → the key input).
 */
export function useForm<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const set = <K extends keyof T>(key: K, value: T[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (fieldErrors[key as string]) setFieldErrors(({ [key as string]: _, ...rest }) => rest);
  };

  /** Runs the request; on failure shows its errors and resolves to undefined. */
  async function submit<R>(run: (values: T) => Promise<R>, known: string[] = Object.keys(values)): Promise<R | undefined> {
    setSubmitting(true);
    setFormError(null);
    setFieldErrors({});
    try {
      return await run(values);
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : {};
      const shown = Object.fromEntries(Object.entries(fields).filter(([k]) => known.includes(k)));
      setFieldErrors(shown);
      if (Object.keys(shown).length === 0) setFormError(errorMessage(error));
      return undefined;
    } finally {
      setSubmitting(false);
    }
  }

  return { values, set, setValues, fieldErrors, setFieldErrors, formError, setFormError, submitting, submit };
}
