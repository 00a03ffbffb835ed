import { CLAUSES, TENDER_SECTIONS } from '@contract-steward/core';
import { CARD_ACTION_VERSION } from './action-data.js';
import { adaptiveCard, heading, escapeMarkdown, text, type AdaptiveCard, type CardElement } from './card-kit.js';

const CHARGES = [
  { title: 'No additional charge or limitation', value: 'no-charge' },
  { title: 'Suppliers declare every charge', value: 'declare-charges' },
];

/** The form `tender pack` opens: the same choices as the options file of `steward tender-pack`. */
export function tenderPackFormCard(problems: readonly string[] = []): AdaptiveCard {
  const excludable = CLAUSES.filter((clause) => clause.excludable);
  const body: CardElement[] = [
    ...heading('New tender clause pack', 'Appendix M data extraction and API wording, as a Word document and an Excel compliance matrix.'),
    ...problems.map((problem) => text(escapeMarkdown(problem), { color: 'Attention' })),
    { type: 'Input.Text', id: 'title', label: 'Tender title', placeholder: 'Revenues and benefits e-forms platform', isRequired: true, errorMessage: 'Give the tender a title', maxLength: 300 },
    { type: 'Input.Text', id: 'reference', label: 'Tender reference', placeholder: 'CCC-2027-014', isRequired: true, errorMessage: 'Give the tender reference', maxLength: 100 },
    {
      type: 'Input.ChoiceSet',
      id: 'sections',
      label: 'Sections',
      isMultiSelect: true,
      style: 'expanded',
      value: TENDER_SECTIONS.map((s) => s.id).join(','),
      choices: TENDER_SECTIONS.map((s) => ({ title: `${s.title} (${s.scope})`, value: s.id })),
    },
    { type: 'Input.ChoiceSet', id: 'chargesDataExtraction', label: 'Charges for data extraction', style: 'compact', value: 'no-charge', choices: CHARGES },
    { type: 'Input.ChoiceSet', id: 'chargesApi', label: 'Charges for APIs', style: 'compact', value: 'declare-charges', choices: CHARGES },
    {
      type: 'Input.ChoiceSet',
      id: 'exclude',
      label: 'Clauses to leave out',
      isMultiSelect: true,
      style: 'compact',
      choices: excludable.map((clause) => ({ title: `${clause.id}: ${summary(clause.text)}`, value: clause.id })),
    },
    {
      type: 'Input.Text',
      id: 'excludeReasons',
      label: 'Why each clause is left out, one a line (needed for DE-1.1 to DE-1.3 and API-1.4 to API-1.6), e.g. "API-1.5: the supplier publishes its API register"',
      isMultiline: true,
      maxLength: 3000,
    },
    {
      type: 'Input.Text',
      id: 'rewordApi14',
      label: 'Your wording of API-1.4 (the appendix says it may need to be more specific for a complex system; blank keeps the appendix\'s wording, which the pack keeps beside yours)',
      isMultiline: true,
      maxLength: 3000,
    },
    { type: 'Input.Text', id: 'businessFunctions', label: 'Business functions the APIs must cover (one a line; blank for "all significant business functions")', isMultiline: true, maxLength: 3000 },
    { type: 'Input.Text', id: 'timestampedDatasets', label: 'Time-stamped datasets (one a line)', isMultiline: true, maxLength: 3000 },
    { type: 'Input.Toggle', id: 'includeGuidance', label: 'Officer guidance', title: 'Add the officer guidance as an annex (remove it before issuing)', value: 'false', valueOn: 'true', valueOff: 'false' },
  ];
  const data = { v: CARD_ACTION_VERSION };
  return adaptiveCard(body, [
    { type: 'Action.Execute', title: 'Build the pack', verb: 'tenderPack', data, style: 'positive', fallback: { type: 'Action.Submit', title: 'Build the pack', data: { ...data, verb: 'tenderPack' } } },
  ]);
}

export function tenderPackDoneCard(input: { title: string; reference: string; clauses: number; sections: number; excluded: readonly string[]; libraryVersion: string; date: string }): AdaptiveCard {
  return adaptiveCard([
    ...heading(`Tender pack ${escapeMarkdown(input.reference)}`, escapeMarkdown(input.title)),
    text(`${input.clauses} clauses in ${input.sections} section${input.sections === 1 ? '' : 's'}, clause library ${input.libraryVersion}, dated ${input.date}.`),
    text(input.excluded.length > 0 ? `Left out: ${input.excluded.join(', ')}.` : 'No clause left out.', { isSubtle: true }),
    text('The Word document and the Excel compliance matrix follow.', { isSubtle: true }),
  ]);
}

function summary(value: string, length = 60): string {
  return value.length <= length ? value : `${value.slice(0, length - 1)}…`;
}
