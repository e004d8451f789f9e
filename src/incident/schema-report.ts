import { z } from 'zod';
import { localizedMarkdown } from './fields.js';

/**
 * `report`: the texts of the final report (the `report` variant, rendered once the incident is
 * resolved). Everything else in it comes from the file: the update log, the services and when
 * they were restored, the measures, `incident.confirmed`.
 */
export const ReportSchema = z
  .strictObject({
    cause: localizedMarkdown('What caused the incident, as far as it is known.').optional(),
    findings: localizedMarkdown('What the investigation found.').optional(),
    lessons: localizedMarkdown('What the organisation learned.').optional(),
    next_steps: localizedMarkdown('What changes now, and when.').optional(),
  })
  .optional()
  .meta({
    description:
      'Texts of the final report (variant report, only once the incident is resolved): cause, findings, lessons, next steps.',
  });
