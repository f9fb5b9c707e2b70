import Type, { type Static } from 'typebox';
import { DateString, Nullable, Uuid } from './common';

// Payments of trip fees through a payment provider. The built-in provider simulates a bank
// gateway with its own ledger and asynchronous confirmation. A payment needs an
// Idempotency-Key header: a retried or double-clicked payment charges once.

export const PAYMENT_KINDS = ['charge', 'refund'] as const;
export const PAYMENT_PURPOSES = ['trip_fee', 'settlement', 'amendment_refund', 'cancellation_refund'] as const;
export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed'] as const;

export const PaymentKind = Type.Enum(PAYMENT_KINDS);
export const PaymentPurpose = Type.Enum(PAYMENT_PURPOSES);
export const PaymentStatus = Type.Enum(PAYMENT_STATUSES);

export const Payment = Type.Object({
  id: Uuid,
  tripId: Uuid,
  tripReference: Type.String(),
  kind: PaymentKind,
  purpose: PaymentPurpose,
  amount: Type.Integer({ minimum: 0, description: 'VND' }),
  currency: Type.Literal('VND'),
  status: PaymentStatus,
  provider: Type.String(),
  providerReference: Nullable(Type.String()),
  payerAccount: Nullable(Type.String({ description: 'Masked: only the last four digits are shown' })),
  receiptNumber: Nullable(Type.String({ description: 'e.g. CKS-2027-000001; numbered per year without gaps' })),
  failureCode: Nullable(Type.String()),
  failureMessage: Nullable(Type.Object({ vi: Type.String(), en: Type.String() })),
  createdAt: Type.String({ format: 'date-time' }),
  confirmedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type Payment = Static<typeof Payment>;

export const CreatePaymentRequest = Type.Object(
  {
    amount: Type.Integer({ minimum: 1, description: 'VND; must equal the outstanding amount shown on the trip' }),
    payerAccount: Type.String({ pattern: '^[0-9]{8,19}$', description: 'Bank account or card number at the gateway' }),
  },
  { additionalProperties: false },
);
export type CreatePaymentRequest = Static<typeof CreatePaymentRequest>;

export const PaymentHeaders = Type.Object(
  {
    'idempotency-key': Type.String({ minLength: 8, maxLength: 200, description: 'Required: send the same key when retrying; the payment is made once' }),
  },
  { additionalProperties: true },
);

export const ProcessSimulatedResponse = Type.Object({
  processed: Type.Integer(),
  succeeded: Type.Integer(),
  failed: Type.Integer(),
});

export const MISMATCH_KINDS = ['missing_at_gateway', 'missing_on_platform', 'amount_differs', 'status_differs'] as const;

export const ReconciliationMismatch = Type.Object({
  kind: Type.Enum(MISMATCH_KINDS),
  paymentId: Nullable(Uuid),
  providerReference: Nullable(Type.String()),
  tripReference: Nullable(Type.String()),
  platformAmount: Nullable(Type.Integer()),
  gatewayAmount: Nullable(Type.Integer()),
  platformStatus: Nullable(Type.String()),
  gatewayStatus: Nullable(Type.String()),
});
export type ReconciliationMismatch = Static<typeof ReconciliationMismatch>;

export const ReconciliationReport = Type.Object({
  date: DateString,
  timeZone: Type.String({ description: 'The day is this zone\'s calendar day' }),
  generatedAt: Type.String({ format: 'date-time' }),
  platform: Type.Object({ count: Type.Integer(), charged: Type.Integer(), refunded: Type.Integer() }),
  gateway: Type.Object({ count: Type.Integer(), charged: Type.Integer(), refunded: Type.Integer() }),
  matched: Type.Integer(),
  mismatches: Type.Array(ReconciliationMismatch),
});
export type ReconciliationReport = Static<typeof ReconciliationReport>;

export const ReconciliationQuery = Type.Object({ date: DateString }, { additionalProperties: false });
