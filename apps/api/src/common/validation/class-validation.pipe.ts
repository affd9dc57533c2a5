import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';

/**
 * The global ValidationPipe, for classes only. Nest hands it the reflected type of every argument;
 * for an enum-typed GraphQL argument that is the enum object, which Nest's pipe takes for a class:
 * it ran class-transformer and class-validator over the value on every call (~16 µs on each
 * nextString) and could never find a rule, since only classes carry class-validator metadata. The
 * GraphQL schema already refuses a value outside the enum. Everything else is Nest's pipe as is.
 */
export class ClassValidationPipe extends ValidationPipe {
  protected override toValidate(metadata: ArgumentMetadata): boolean {
    return typeof metadata.metatype === 'function' && super.toValidate(metadata);
  }
}
