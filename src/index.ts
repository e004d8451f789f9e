/** faq as a library: the same pipeline the CLI runs. */
export {
  checkFiles,
  checkIncident,
  renderFiles,
  type CheckResult,
  type RenderOptions,
  type RenderOutcome,
} from './api.js';
export {
  formatDiagnostic,
  InputError,
  OutputError,
  UsageError,
  EXIT,
  type Artifact,
  type Diagnostic,
} from './shared.js';
export type { Incident } from './incident/incident.js';
export { IncidentSchema } from './incident/schema.js';
export { buildViewModel, type ViewModel } from './view/model.js';
export { renderIncident } from './render/render.js';
export { TemplateStore } from './render/templates.js';
export { TemplateEngine } from './render/engine.js';
export {
  sendIncident,
  type SendOptions,
  type SendReport,
  type MessageResult,
} from './send/send.js';
export { parseSmtpUrl, type SmtpServer } from './send/smtp-url.js';
export { buildNotice, type Notice } from './notices/build.js';
export { countNotice, NOTICE_KINDS, type NoticeKind } from './notices/limits.js';
export type { NoticeCount } from './shared.js';
export type { NoticeFacts, NoticeOverride, Speaker } from './notices/types.js';
export {
  organizationSpeaker,
  readNoticeFacts,
  readNoticeOverride,
} from './incident/notice-facts.js';
