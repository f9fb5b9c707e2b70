import { useTranslation } from 'react-i18next';
import type { Level } from './api';

/** A congestion level: always its name in words next to the colour (never colour alone). */
export function LevelBadge({ level, testId }: { level: Level; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`level-badge level-${level}`} data-level={level} data-testid={testId}>
      <span className="level-dot" aria-hidden="true" />
      {t(`operations.level.${level}`)}
    </span>
  );
}
