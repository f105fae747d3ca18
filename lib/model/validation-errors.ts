import { FleetValidationError } from '../fleet/fleet-validation-error';
import { MxValidationError } from './mx-validation-error';
import { ValidationReason } from './validation-reason';

/**
 * Reads the errors cloudmail-mx throws for invalid input. The error classes
 * themselves stay internal (jsii cannot carry a subclass of Error to other
 * languages), so this is how code in any language tells them apart.
 */
export class ValidationErrors {
  /** True for an error a construct, fleet or fleet file threw because its input is invalid. */
  public static isValidationError(thrown: any): boolean {
    return thrown instanceof MxValidationError || thrown instanceof FleetValidationError;
  }

  /**
   * Every reason of such an error: for a construct, one per problem; for a
   * fleet, one per problem of every entry (each a `FleetProblem` naming its
   * entry). Empty for any other value.
   */
  public static reasonsOf(thrown: any): ValidationReason[] {
    if (thrown instanceof MxValidationError) return [...thrown.reasons];
    if (thrown instanceof FleetValidationError) return [...thrown.problems];
    return [];
  }

  private constructor() {}
}
