export {
  COST_TYPE_LABELS,
  COST_TYPES,
  EMPTY_RULE,
  describeRule,
  fromCents,
  ruleFigure,
  toCents,
  validateRule,
  type CostType,
  type ReserveRule,
  type ReserveRuleDraft,
  type RuleErrors,
} from "./rule";
