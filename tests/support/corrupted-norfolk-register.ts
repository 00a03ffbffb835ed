import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../packages/core/src/excel/parse-csv.js';

const NORFOLK = fileURLToPath(new URL('../fixtures/real-registers/norfolk_cc_contracts_2015.csv', import.meta.url));

/**
 * Norfolk County Council's 2015 register (which imports with no rejections) with some rows
 * spoiled the ways registers are: an unreadable end date, a missing title, a value in words,
 * an end before the start, and a spoiled row reusing an earlier row's reference. Returns the
 * CSV bytes and how many rows were spoiled.
 */
export function corruptedNorfolkRegister(every = 97): { readonly bytes: Buffer; readonly spoiled: number } {
  const [headers = [], ...rows] = [...parseCsv(readFileSync(NORFOLK, 'utf8'))];
  const column = (name: string) => {
    const index = headers.indexOf(name);
    if (index < 0) throw new Error(`no ${name} column in the Norfolk register`);
    return index;
  };
  const [reference, title, description, start, end, value] = ['Contract Reference number / ID', 'Title of the Agreement', 'Description of goods and services', 'Contract start date', 'End date', 'Contract value'].map(column) as [number, number, number, number, number, number];
  const spoil: ((cells: string[]) => void)[] = [
    (cells) => (cells[end] = 'TBC'),
    (cells) => {
      cells[title] = '';
      cells[description] = '';
    },
    (cells) => (cells[value] = 'about a million'),
    (cells) => {
      cells[start] = '01/04/2016';
      cells[end] = '31/03/2015';
    },
    (cells) => {
      // Reuses the first row's reference, which imports: the workbook must give it a lot reference.
      cells[reference] = rows[0]?.[reference] ?? '';
      cells[end] = '31/02/2019';
    },
  ];
  let spoiled = 0;
  rows.forEach((cells, i) => {
    if (i === 0 || i % every !== 0 || cells.every((cell) => cell.trim() === '')) return;
    spoil[spoiled % spoil.length]?.(cells);
    spoiled += 1;
  });
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return { bytes: Buffer.from([headers, ...rows].map((cells) => cells.map(quote).join(',')).join('\r\n') + '\r\n'), spoiled };
}
