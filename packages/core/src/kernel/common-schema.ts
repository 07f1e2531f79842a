import { z } from "zod";

/** A text in Vietnamese (the reference) and English. */
export const bilingualSchema = z.strictObject({ vi: z.string().min(1), en: z.string().min(1) });

/** A decimal given as a JSON number or a string ("1.5"), never negative. */
export const decimalSchema = z.union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/)]);

export const bandSchema = z.strictObject({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  /** Lowest rounded total (inclusive) that earns this band. */
  min: decimalSchema,
  label: bilingualSchema,
});

export const sourceSchema = z.strictObject({
  title: z.string().min(1),
  url: z.string().optional(),
  note: z.string().optional(),
});

export type Bilingual = z.output<typeof bilingualSchema>;
