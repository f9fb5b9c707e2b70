// Plans ("kế hoạch") as tracked bodies of work: tasks with the "6 rõ" (person, task, time,
// responsibility, product, authority), progress with evidence, periodic reports, KPIs and the
// delegation register. Shared by the server (validation, OpenAPI) and the web (types); import
// from here, the schemas live in the three files below.

export * from './plans-file';
export * from './plans-tasks';
export * from './plans-records';
