export { formatMoney } from "./money";
export { formatDate, formatDateTime, formatRelative } from "./time";
