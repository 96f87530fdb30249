import { Type, type TSchema } from 'typebox';
import { errorCodes, type ErrorCode } from '../errors.js';

/** Shared schema pieces for routes and the OpenAPI document. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.Unsafe<ErrorCode>({ type: 'string', enum: errorCodes, description: 'Stable snake_case code (the catalog in src/core/errors.ts; HTTP status follows from it)' }),
      message: Type.String(),
      details: Type.Any(),
    }),
  },
  { $id: 'Error', description: 'Every error has this shape' },
);

export const Id = (description?: string) => Type.String({ minLength: 1, maxLength: 64, description });
export const IsoTime = Type.String({ format: 'date-time' });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const page = <T extends TSchema>(item: T) =>
  Type.Object({ data: Type.Array(item), next_cursor: Nullable(Type.String()) });

export const list = <T extends TSchema>(item: T) => Type.Object({ data: Type.Array(item) });

/** Error responses a route can produce, for the OpenAPI document. */
export function errors<const S extends readonly number[]>(...statuses: S): { [K in S[number]]: typeof ErrorResponse } {
  return Object.fromEntries(statuses.map((s) => [s, ErrorResponse])) as { [K in S[number]]: typeof ErrorResponse };
}

/** 204 responses: no body. */
export const NoContent = Type.Null({ description: 'No content' });
