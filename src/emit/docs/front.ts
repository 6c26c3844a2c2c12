/** The document's title, front matter and change log. */
import type { Model } from "../../model/types.js";
import { table } from "../markdown/blocks.js";
import { cell, text } from "../markdown/escape.js";
import { blocks, section } from "./section.js";

function safeLink(link: string): string {
  // Only relative paths and web links; a javascript: URL must not become a live link.
  return /^(https?:\/\/|\.{0,2}\/|[\w.-]+(\/|$|#))/.test(link) && !/^\s*javascript:/i.test(link)
    ? link.replace(/[()\s]/g, encodeURIComponent)
    : "";
}

export function front(model: Model): string {
  const meta = model.document;
  const title = meta.title ?? `Deployment View — ${model.system.name}`;
  const facts = [
    meta.version && `**Version:** ${text(meta.version)}`,
    meta.status && `**Status:** ${text(meta.status)}`,
    meta.date && `**Date:** ${text(meta.date)}`,
    ...meta.related.map((r) => {
      const link = safeLink(r.link);
      return `**${text(r.label)}:** ${link ? `[${text(r.link)}](${link})` : text(r.link)}`;
    }),
  ].filter((f): f is string => Boolean(f));
  return blocks(
    `# 7. ${text(title)}`,
    facts.length > 0 && facts.map((f) => `> ${f}  `).join("\n"),
    model.system.description && text(model.system.description),
  );
}

export function changelog(model: Model, number: string): string | undefined {
  const entries = model.document.changelog;
  if (entries.length === 0) return undefined;
  return section(
    `## ${number} Change Log`,
    table(
      ["Version", "Date", "Author", "Change"],
      entries.map((e) => [cell(e.version), cell(e.date), cell(e.author), cell(e.change)]),
    ),
  );
}
