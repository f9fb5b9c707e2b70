import { useCallback, useState } from 'react';
import { newIdempotencyKey } from '../../api/client';

/**
 * One Idempotency-Key per intended write: kept across retries and double clicks of the same
 * intention (the server then writes once), renewed once the write has succeeded.
 */
export function useIdempotencyKey(): [string, () => void] {
  const [key, setKey] = useState(newIdempotencyKey);
  const renew = useCallback(() => setKey(newIdempotencyKey()), []);
  return [key, renew];
}
