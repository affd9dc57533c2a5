// The tests behind docs/security.md: `npm test` runs them as its own `security` step (and leaves
// them out of the unit and integration steps, so each runs once). Paths are relative to the root.
export const securityTests = {
  unit: [
    'apps/api/src/catalogue/upload/decode-utf8.spec.ts',
    'apps/api/src/community/credits-format.spec.ts',
    'apps/api/src/common/graphql-limits/query-cost.spec.ts',
    'apps/api/src/common/rate-limit/operations-budgeted.spec.ts',
    'apps/api/src/delivery/read-bulkhead.spec.ts',
    'apps/api/src/delivery/webhook-target.spec.ts',
    'apps/api/src/graphql-ws/origin-policy.spec.ts',
    'apps/api/src/graphql-ws/socket-session.spec.ts',
    'apps/api/src/launcher/queue-prefix.spec.ts',
    'apps/api/src/screenshot/image-header.spec.ts',
    'libs/voting/src/round/challenge.spec.ts',
  ],
  integration: [
    'apps/api/test/availability-admin.int-spec.ts',
    'apps/api/test/availability-bundle-rebuild.int-spec.ts',
    'apps/api/test/availability-health-worker.int-spec.ts',
    'apps/api/test/availability-import-offloop.int-spec.ts',
    'apps/api/test/availability-upload-purge.int-spec.ts',
    'apps/api/test/delivery-webhooks.int-spec.ts',
    'apps/api/test/discussion.int-spec.ts',
    'apps/api/test/graphql-limits.int-spec.ts',
    'apps/api/test/graphql-ws-security.int-spec.ts',
    'apps/api/test/launcher.int-spec.ts',
    'apps/api/test/moderation-limits.int-spec.ts',
    'apps/api/test/moderation.int-spec.ts',
    'apps/api/test/notification.int-spec.ts',
    'apps/api/test/open-call-invites.int-spec.ts',
    'apps/api/test/open-call-join.int-spec.ts',
    'apps/api/test/open-call-recognition.int-spec.ts',
    'apps/api/test/permissions.int-spec.ts',
    'apps/api/test/progress-cache.int-spec.ts',
    'apps/api/test/protection.int-spec.ts',
    'apps/api/test/screenshot.int-spec.ts',
    'apps/api/test/security-accounts.int-spec.ts',
    'apps/api/test/security-ban.int-spec.ts',
    'apps/api/test/security-csrf-uploads.int-spec.ts',
    'apps/api/test/security-input.int-spec.ts',
    'apps/api/test/security-slugs.int-spec.ts',
    'apps/api/test/security-tokens.int-spec.ts',
    'apps/api/test/session-cache.int-spec.ts',
    'apps/api/test/translation-queue.int-spec.ts',
    'apps/api/test/translation-read-budget.int-spec.ts',
  ],
};

/** A jest path regex matching exactly these files. */
export function pathRegex(paths) {
  return `(${paths.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`;
}
