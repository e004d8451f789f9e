import type { Token, Tokens } from 'marked';
import { inlineText, renderText } from './markdown.js';

/** JSON that can stand inside `<script>` without ending it or being read as HTML. */
export function serializeJsonForScript(data: unknown): string {
  return JSON.stringify(data, null, 2)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Questions and answers of a FAQ document: every level-2 heading and the blocks that follow it. */
export function extractQuestions(tokens: readonly Token[]): { question: string; answer: string }[] {
  const out: { question: string; answer: Token[] }[] = [];
  for (const token of tokens) {
    if (token.type === 'heading' && (token as Tokens.Heading).depth <= 2) {
      if ((token as Tokens.Heading).depth === 2)
        out.push({ question: inlineText((token as Tokens.Heading).tokens), answer: [] });
      else out.push({ question: '', answer: [] });
    } else out.at(-1)?.answer.push(token);
  }
  return out
    .filter((q) => q.question)
    .map((q) => ({ question: q.question, answer: renderText(q.answer).trim() }));
}

/** Who publishes a page: the organisation, with its website when it has one. */
export interface Publisher {
  name: string;
  url?: string;
}

function organization(publisher: Publisher): object {
  return {
    '@type': 'Organization',
    name: publisher.name,
    ...(publisher.url ? { url: publisher.url } : {}),
  };
}

/** schema.org FAQPage data for search engines and assistants. */
export function faqPageData(options: {
  lang: string;
  title: string;
  updated: string;
  publisher?: Publisher;
  questions: { question: string; answer: string }[];
}): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    name: options.title,
    inLanguage: options.lang,
    dateModified: options.updated,
    ...(options.publisher ? { publisher: organization(options.publisher) } : {}),
    mainEntity: options.questions.map((q) => ({
      '@type': 'Question',
      name: q.question,
      acceptedAnswer: { '@type': 'Answer', text: q.answer },
    })),
  };
}

/**
 * schema.org SpecialAnnouncement: the type made for dated crisis notices of local public bodies.
 * Its text is the page's status line (or first paragraph); `datePosted` is the date of the newest
 * update (`posted`), else the "Stand"; `dateModified` is the "Stand".
 */
export function specialAnnouncementData(options: {
  lang: string;
  title: string;
  updated: string;
  posted?: string | undefined;
  text: string;
  publisher: Publisher;
}): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'SpecialAnnouncement',
    name: options.title,
    text: options.text,
    inLanguage: options.lang,
    datePosted: options.posted ?? options.updated,
    dateModified: options.updated,
    publisher: organization(options.publisher),
  };
}
