export { BulkResults, type BulkAnswer } from "./bulk-results";
export { ReserveRuleFields } from "./reserve-rule-fields";
