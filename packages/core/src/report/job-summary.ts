/** Escapes text for the HTML/Markdown mix the job summary renders. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'|`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export type Cell = string | { text: string; code?: boolean };

function renderCell(cell: Cell): string {
  if (typeof cell === 'string') return escapeHtml(cell);
  return cell.code ? `<code>${escapeHtml(cell.text)}</code>` : escapeHtml(cell.text);
}

/**
 * Builds a job summary as HTML fragments (all user data escaped). Pure: an action hands it to
 * `deps.writeSummary`, which appends it to the step summary; tests read `toString()`.
 */
export class JobSummary {
  private readonly parts: string[] = [];

  heading(text: string, level: 2 | 3 | 4 = 2): this {
    this.parts.push(`<h${level}>${escapeHtml(text)}</h${level}>`);
    return this;
  }

  paragraph(text: string): this {
    this.parts.push(`<p>${escapeHtml(text)}</p>`);
    return this;
  }

  /** A line with a leading status mark, for verdicts. */
  verdict(ok: boolean, text: string): this {
    this.parts.push(`<p><strong>${ok ? '✅' : '❌'} ${escapeHtml(text)}</strong></p>`);
    return this;
  }

  warning(text: string): this {
    this.parts.push(`<blockquote><p>⚠️ ${escapeHtml(text)}</p></blockquote>`);
    return this;
  }

  code(text: string): this {
    this.parts.push(`<pre><code>${escapeHtml(text)}</code></pre>`);
    return this;
  }

  table(headers: readonly string[], rows: readonly (readonly Cell[])[]): this {
    this.parts.push(renderTable(headers, rows));
    return this;
  }

  /** Key/value pairs as a two-column table. */
  facts(pairs: readonly (readonly [string, Cell])[]): this {
    return this.table(
      ['', ''],
      pairs.map(([k, v]) => [k, v]),
    );
  }

  /** A collapsed section; `build` fills a nested summary. */
  details(label: string, build: (inner: JobSummary) => void): this {
    const inner = new JobSummary();
    build(inner);
    this.parts.push(`<details><summary>${escapeHtml(label)}</summary>\n\n${inner.toString()}\n</details>`);
    return this;
  }

  toString(): string {
    return this.parts.join('\n');
  }
}

function renderTable(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const head = headers.every((h) => h === '')
    ? ''
    : `<thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const body = rows.map((row) => `<tr>${row.map((c) => `<td>${renderCell(c)}</td>`).join('')}</tr>`).join('');
  return `<table>${head}<tbody>${body}</tbody></table>`;
}
