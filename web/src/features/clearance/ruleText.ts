import type { RuleCondition } from '../../../../shared/schemas/clearance';

// A risk rule's conditions in words ("Goods at HS risk: high · Perishable goods"), so an officer
// and an auditor read why a rule fires without reading JSON. `t` is i18next's translate.

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function conditionTexts(when: RuleCondition, t: Translate, lang: string): string[] {
  const list = (values: readonly string[]) => new Intl.ListFormat(lang === 'zh' ? 'zh-CN' : lang === 'en' ? 'en-GB' : 'vi-VN', { type: 'disjunction' }).format(values);
  const parts: string[] = [];
  if (when.complianceClass) parts.push(t('clearanceRules.when.complianceClass', { list: list(when.complianceClass) }));
  if (when.hsRisk) parts.push(t('clearanceRules.when.hsRisk', { list: list(when.hsRisk.map((l) => t(`clearanceRules.hsLevel.${l}`))) }));
  if (when.declaredValueBelowReference !== undefined) parts.push(t('clearanceRules.when.valueBelow', { percent: Math.round(when.declaredValueBelowReference * 100) }));
  if (when.originIn) parts.push(t('clearanceRules.when.originIn', { list: list(when.originIn) }));
  if (when.licensedGoods !== undefined) parts.push(t(when.licensedGoods ? 'clearanceRules.when.licensed' : 'clearanceRules.when.notLicensed'));
  if (when.minPreviousRefusals !== undefined) parts.push(t('clearanceRules.when.refusals', { n: when.minPreviousRefusals }));
  if (when.minPreviousDiscrepancies !== undefined) parts.push(t('clearanceRules.when.discrepancies', { n: when.minPreviousDiscrepancies }));
  if (when.directions) parts.push(t('clearanceRules.when.directions', { list: list(when.directions.map((d) => t(`trips.direction.${d}`))) }));
  if (when.perishable !== undefined) parts.push(t(when.perishable ? 'clearanceRules.when.perishable' : 'clearanceRules.when.notPerishable'));
  return parts;
}
