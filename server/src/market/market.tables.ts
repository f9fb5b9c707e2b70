// Kysely row types of the tables the market capability owns (composed into db/database.ts).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MarketTables {}
