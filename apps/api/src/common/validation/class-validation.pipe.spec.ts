import { BadRequestException } from '@nestjs/common';
import { IsString, Length } from 'class-validator';
import { ClassValidationPipe } from './class-validation.pipe';

enum Colour {
  RED = 'RED',
  BLUE = 'BLUE',
}

class NameArgs {
  @IsString()
  @Length(2, 5)
  name!: string;
}

const pipe = new ClassValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
});

describe('ClassValidationPipe', () => {
  it('passes an enum-typed argument through as it came', async () => {
    const metadata = { type: 'body' as const, metatype: Colour as never, data: 'colour' };
    await expect(pipe.transform('RED', metadata)).resolves.toBe('RED');
    await expect(pipe.transform(undefined, metadata)).resolves.toBeUndefined();
  });

  it('still validates and transforms classes', async () => {
    const metadata = { type: 'body' as const, metatype: NameArgs, data: undefined };
    const ok: unknown = await pipe.transform({ name: 'Ana' }, metadata);
    expect(ok).toBeInstanceOf(NameArgs);
    await expect(pipe.transform({ name: 'A' }, metadata)).rejects.toBeInstanceOf(
      BadRequestException,
    );
    await expect(pipe.transform({ name: 'Ana', extra: 1 }, metadata)).rejects.toBeInstanceOf(
      BadRequestException,
    );
  });
});
