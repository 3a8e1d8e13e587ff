/**
 * Masks the secrets a log line may carry: the password (and user) in URLs such as
 * `redis://user:secret@host:6379` and `rediss://:secret@host`, and `password=…`/`token=…` query
 * parameters. Every line the CLI prints about a queue goes through it.
 *
 * Cost: O(text length).
 *
 * @example
 * maskSecrets('connecting to redis://:hunter2@queue:6379/0'); // 'connecting to redis://:***@queue:6379/0'
 */
export function maskSecrets(text: string): string {
  return text
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)([^/\s:@]*):([^@\s/]*)@/gi, (_m, scheme: string, user: string) => `${scheme}${user}:***@`)
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)([^/\s:@]+)@/gi, (_m, scheme: string) => `${scheme}***@`)
    .replace(/([?&](?:password|pass|pwd|token|secret|auth)=)[^&\s]*/gi, '$1***');
}
