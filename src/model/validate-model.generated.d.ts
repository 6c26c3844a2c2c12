import type { ErrorObject } from "ajv";

/** Ajv's standalone validator for the model schema (see scripts/generate.ts). */
interface ValidateModel {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}
declare const validate: ValidateModel;
export default validate;
