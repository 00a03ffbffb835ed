/** The commands people can type, as the welcome card, help and the app manifest list them. */
export const COMMAND_LIST: readonly { readonly title: string; readonly description: string }[] = [
  { title: 'help', description: 'What I can do for you' },
  { title: 'renewals 90', description: 'Contracts with a deadline in the next 90 days (any number of days)' },
  { title: 'mine', description: 'The contracts you own, soonest deadline first' },
  { title: 'contract CON-0042', description: 'Details and key dates of one contract' },
  { title: 'overdue', description: 'Deadlines that have passed with no decision recorded' },
  { title: 'export', description: 'The register as an Excel workbook (administrators and procurement)' },
  { title: 'savings', description: 'Savings this financial year; savings export for the workbook (finance)' },
  { title: 'tender pack', description: 'Build a tender clause pack: Word document and Excel compliance matrix' },
  { title: 'publish', description: 'The quarter\'s Transparency Code file and the OCDS package (publish 2026Q3)' },
  { title: 'evaluate', description: 'Score a TDA evaluation: attach the .xlsx or .json; the decision record comes back' },
];
