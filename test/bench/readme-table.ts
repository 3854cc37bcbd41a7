import { readFileSync, writeFileSync } from 'node:fs';
import type { Row } from './run';

/** The results as a Markdown table, put between the bench markers in README.md. */
export function writeReadmeTable(results: { machine: string; at: string; graph: unknown; rows: Row[] }, readme = 'README.md'): void {
  const lines = [
    `Measured ${results.at.slice(0, 10)} on ${results.machine}; graph ${JSON.stringify(results.graph)}.`,
    '',
    '| row | value | target | floor (same run) | ratio to floor | note |',
    '|---|---|---|---|---|---|',
    ...results.rows.map((r) => {
      const ratio = r.floor ? `${(r.value / r.floor.value).toFixed(2)}×` : '';
      const floor = r.floor ? `${r.floor.value} ${r.unit} (${r.floor.name})` : '';
      return `| ${r.name} | ${r.value} ${r.unit} | ${r.target ?? ''} | ${floor} | ${ratio} | ${r.note ?? ''} |`;
    }),
  ];
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf('<!-- bench:start -->');
  const end = text.indexOf('<!-- bench:end -->');
  if (start < 0 || end < 0) throw new Error(`${readme} has no bench markers`);
  writeFileSync(readme, `${text.slice(0, start)}<!-- bench:start -->\n${lines.join('\n')}\n${text.slice(end)}`);
}
