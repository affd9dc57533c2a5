import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'chorus:isPublic';

/** Marks a resolver or route callable without a session. Everything else requires one. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
