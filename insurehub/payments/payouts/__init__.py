"""How money leaves: payout providers behind `payments.services.payout_create`.

`payout_create` records every outgoing payment (pending, with its `payout_stage`); a provider chosen by the
payout's method takes it out (providers.py), and its answer is recorded by `payout_succeeded` /
`payout_failed` (payments.services), whose `payout.succeeded` / `payout.failed` events the claims app
follows (a claim is settled only when its money has left).

- M-Pesa: B2C (Daraja) after commit (flow.payout_send); the result arrives at our result callback, a
  request that timed out in Daraja's queue, or whose result never came, is resolved by the transaction
  status query (flow.payouts_sweep, periodic).
- Bank transfer: a payout file (batches.py, CSV for the bank), paid when the bank statement showing the
  debit is reconciled (services.bank_statement_reconcile).
- Cheque: written by finance, confirmed by a supervisor (services.payout_confirm).
- Card: only a refund onto the card charged (services.card_refund_send).
"""
