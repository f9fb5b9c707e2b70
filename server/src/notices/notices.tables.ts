// Kysely row types of the tables the notices capability owns (composed into db/database.ts).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface NoticesTables {}
