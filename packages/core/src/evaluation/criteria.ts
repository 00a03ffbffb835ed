/**
 * The ten rules of the Technical Design Authority (Appendix K of the council's DDaT strategy,
 * "Rules for Technical Design Authority (TDA)"), used as the evaluation criteria. Titles and
 * guidance questions are worded as the strategy words them, so a decision record quotes the
 * rule the panel actually applied.
 */
export const CRITERION_IDS = [
  'alignment',
  'evaluation',
  'risk',
  'standards',
  'cost-benefit',
  'stakeholders',
  'scalability',
  'performance',
  'documentation',
  'improvement',
] as const;

export type CriterionId = (typeof CRITERION_IDS)[number];

export interface Criterion {
  readonly id: CriterionId;
  /** The rule's number in Appendix K (1–10). */
  readonly number: number;
  readonly title: string;
  /** The rule's guidance, one bullet per entry, as Appendix K words it. */
  readonly questions: readonly string[];
}

export const TDA_CRITERIA: readonly Criterion[] = [
  {
    id: 'alignment',
    number: 1,
    title: 'Alignment with Organisational Goals',
    questions: [
      'All proposed solutions must align with the strategic objectives and priorities of the organisation, as well as aligning with the Target Operating Model (TOM).',
      'When purchasing new systems, consideration should be given to how the proposed solution contributes to improving efficiency, enhancing customer experience, and achieving the desired outcomes for our residents.',
    ],
  },
  {
    id: 'evaluation',
    number: 2,
    title: 'Comprehensive Evaluation',
    questions: [
      'Conduct a thorough evaluation of alternative solutions, considering factors such as functionality, scalability, security, cost-effectiveness, and compatibility with existing systems. This includes consideration of how solutions need to exchange data with existing systems.',
      'Solutions should be assessed based on their ability to meet current requirements, while also accommodating future needs and technological advancements (such as AI).',
    ],
  },
  {
    id: 'risk',
    number: 3,
    title: 'Risk Assessment and Mitigation',
    questions: [
      'Identify and assess potential risks associated with each proposed solution, including security vulnerabilities, compliance issues, and operational disruptions.',
      'Develop mitigation strategies to address identified risks and ensure that proposed solutions comply with relevant regulatory requirements and industry standards. This includes our Data Standards Policy and our Information Management Policy.',
    ],
  },
  {
    id: 'standards',
    number: 4,
    title: 'Technology Standards Compliance',
    questions: [
      "Ensure that proposed solutions adhere to established technology standards, architecture principles, and best practices. This includes assessing proposed solutions against the Government Digital Service's Technology Code of Practice.",
      'Evaluate the compatibility of proposed solutions with existing technology infrastructure and the feasibility of integration with other systems and applications. Make reference to our Data Standards Policy when conducting this evaluation.',
      "Assess the accessibility of proposed solutions, including identifying potential risks or usability issues for service users. Make reference to the Government Digital Service's Digital Inclusion Toolkit when conducting this assessment. Assess how well proposed solutions meet WCAG accessibility standards.",
    ],
  },
  {
    id: 'cost-benefit',
    number: 5,
    title: 'Cost–Benefit Analysis',
    questions: [
      'Conduct a comprehensive cost–benefit analysis to evaluate the financial implications of implementing each proposed solution.',
      'Consider not only the initial investment but also ongoing maintenance costs, licensing fees, and potential savings or revenue generation opportunities.',
      'Consider benefits that are monetisable, such as direct cost savings and time savings, as well as non-monetisable benefits, such as social, environmental or well-being benefits.',
    ],
  },
  {
    id: 'stakeholders',
    number: 6,
    title: 'Stakeholder Engagement',
    questions: [
      'Engage with key stakeholders, including service areas, ICT teams, and end-users, throughout the solution research, selection and implementation process.',
      'Solicit feedback and input from stakeholders to ensure that proposed solutions adequately address their needs and requirements.',
      'Engage widely with the market when researching or assessing proposed technology solutions. Ensure that you are aware of the breadth of technology solutions available before making selection or procurement decisions.',
    ],
  },
  {
    id: 'scalability',
    number: 7,
    title: 'Scalability and Flexibility',
    questions: [
      'Prioritise solutions that are scalable and flexible enough to accommodate future growth and evolving resident needs.',
      'Consider the ease of customisation and adaptation to changing market conditions or organisational priorities.',
      'Agree scope for flexibility, testing and iteration in contracts with solution providers, including clear provision for innovation and continuous improvement through the contract lifecycle.',
    ],
  },
  {
    id: 'performance',
    number: 8,
    title: 'Performance and Reliability',
    questions: [
      'Evaluate the performance and reliability of proposed solutions under different operating conditions and usage scenarios.',
      'Consider factors such as uptime, response times, and fault tolerance to ensure that solutions can deliver consistent and reliable service to customers.',
      'Consider setting performance targets for suppliers to meet when providing solutions, and clear mitigation strategies where performance targets are not met.',
    ],
  },
  {
    id: 'documentation',
    number: 9,
    title: 'Documentation and Knowledge Transfer',
    questions: [
      'Document the rationale behind solution selection, including the evaluation criteria, decision-making process, and key considerations.',
      'Ensure knowledge transfer and training so that relevant stakeholders understand the selected solution and its implications for the organisation and for residents.',
      'Share information and intelligence captured about technology solutions widely across the organisation, especially where there may be cross-cutting applications across service areas (such as AI).',
    ],
  },
  {
    id: 'improvement',
    number: 10,
    title: 'Continuous Improvement',
    questions: [
      'Ensure that there is a mechanism to monitor the performance and impact of the implemented solutions over time, gathering feedback from stakeholders and measuring against success criteria.',
      'Continuously assess emerging technologies and industry trends to identify opportunities for innovation and improvement in existing solutions. Ensure that partner solution providers also commit to assessing and implementing new technology capabilities.',
    ],
  },
];

const BY_ID = new Map(TDA_CRITERIA.map((c) => [c.id, c]));

/** The rule with this id. */
export function criterionById(id: CriterionId): Criterion {
  const criterion = BY_ID.get(id);
  if (!criterion) throw new Error(`No TDA criterion "${id}"`);
  return criterion;
}
