import Type from 'typebox';
import { Uuid } from '../../../shared/schemas/common';
import {
  CreateTaskUpdateRequest,
  PlanId,
  PlanTask,
  TaskActionRequest,
  TaskDetail,
  TaskInput,
  TaskListQuery,
  TaskUpdate,
  UpdateTaskRequest,
} from '../../../shared/schemas/plans';
import { errors, IdempotencyHeaders, writeErrors } from '../platform/openapi';
import type { App } from '../platform/types';
import { addTask, updateTask } from './edit-task';
import { postTaskUpdate } from './post-update';
import { getTask, listTasks } from './read.service';
import { takeTaskAction } from './task-action';

const PlanParams = Type.Object({ id: PlanId }, { additionalProperties: false });
const TaskParams = Type.Object({ id: PlanId, taskId: Uuid }, { additionalProperties: false });
const TaskPage = Type.Object({ items: Type.Array(PlanTask), total: Type.Integer() });
const tags = ['plans'];

export async function taskRoutes(app: App) {
  app.get('/api/v1/plan-tasks', {
    schema: {
      tags,
      summary: 'Search tasks across plans by agency, status, period, gate and keyword (with or without diacritics); mine=true for my agency',
      querystring: TaskListQuery,
      response: { 200: TaskPage, ...errors(401, 403) },
    },
    handler: async (request) => listTasks(request.ctx, request.query),
  });

  app.get('/api/v1/plans/:id/tasks', {
    schema: {
      tags,
      summary: 'Tasks of one plan, with the same filters',
      params: PlanParams,
      querystring: Type.Object(Type.Omit(TaskListQuery, ['planId']).properties, { additionalProperties: false }),
      response: { 200: TaskPage, ...errors(401, 403, 404) },
    },
    handler: async (request) => listTasks(request.ctx, { ...request.query, planId: request.params.id }),
  });

  app.post('/api/v1/plans/:id/tasks', {
    schema: {
      tags,
      summary: 'Add a task to a plan (plan owner)',
      params: PlanParams,
      headers: IdempotencyHeaders,
      body: TaskInput,
      response: { 201: PlanTask, ...writeErrors(401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => {
      const result = await addTask(request.ctx, request.params.id, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result.body);
    },
  });

  app.get('/api/v1/plans/:id/tasks/:taskId', {
    schema: {
      tags,
      summary: 'One task with its occurrences, progress updates (with evidence) and status history',
      params: TaskParams,
      response: { 200: TaskDetail, ...errors(401, 403, 404) },
    },
    handler: async (request) => getTask(request.ctx, request.params.id, request.params.taskId),
  });

  app.patch('/api/v1/plans/:id/tasks/:taskId', {
    schema: {
      tags,
      summary: 'Edit the "6 rõ" of a task (owner: all fields; lead agency: responsible person)',
      params: TaskParams,
      body: UpdateTaskRequest,
      response: { 200: PlanTask, ...writeErrors(401, 403, 404, 409, 422) },
    },
    handler: async (request) => updateTask(request.ctx, request.params.id, request.params.taskId, request.body),
  });

  app.post('/api/v1/plans/:id/tasks/:taskId/actions', {
    schema: {
      tags,
      summary: 'Move a task or one of its occurrences through the status workflow (409 lists allowedActions)',
      params: TaskParams,
      headers: IdempotencyHeaders,
      body: TaskActionRequest,
      response: { 200: TaskDetail, ...writeErrors(401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => {
      const result = await takeTaskAction(request.ctx, request.params.id, request.params.taskId, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return result.body;
    },
  });

  app.post('/api/v1/plans/:id/tasks/:taskId/updates', {
    schema: {
      tags,
      summary: 'Report progress with evidence (text, uploaded files, audit entries, gate versions, links)',
      params: TaskParams,
      headers: IdempotencyHeaders,
      body: CreateTaskUpdateRequest,
      response: { 201: TaskUpdate, ...writeErrors(401, 403, 404, 409, 422) },
    },
    handler: async (request, reply) => {
      const result = await postTaskUpdate(request.ctx, request.params.id, request.params.taskId, request.body, request.headers['idempotency-key']);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(result.body);
    },
  });
}
