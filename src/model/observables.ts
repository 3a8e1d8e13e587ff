/**
 * What every run records each month. Attacks are counted the way attack datasets count them
 * (Knights, CTC Sentinel); `claimedAttacks` are the attacks ISIS itself claims, a different
 * series that must never be mixed with the first (see the brief's data notes).
 */
export const OBSERVABLES = {
  attacksIraq: { unit: 'attacks/month', description: 'Attacks in Iraq (attack-dataset count).' },
  attacksSyria: { unit: 'attacks/month', description: 'Attacks in Syria (attack-dataset count).' },
  attacks: { unit: 'attacks/month', description: 'Attacks in Iraq and Syria (attack-dataset count).' },
  claimedAttacks: { unit: 'claims/month', description: 'Attacks ISIS claims (the article\'s "100 attacks" series).' },
  claimedAttacksIraq: { unit: 'claims/month', description: 'Attacks in Iraq ISIS claims (part of claimedAttacks).' },
  claimedAttacksSyria: { unit: 'claims/month', description: 'Attacks in Syria ISIS claims (part of claimedAttacks).' },
  fighters: { unit: 'fighters', description: 'Active fighters at the end of the month.' },
  fightersIraq: { unit: 'fighters', description: 'Active fighters in Iraq at the end of the month (part of fighters).' },
  fightersSyria: { unit: 'fighters', description: 'Active fighters in Syria at the end of the month (part of fighters).' },
  recruits: { unit: 'fighters/month', description: 'New fighters (recruits and escapees who rejoin).' },
  losses: { unit: 'fighters/month', description: 'Fighters killed, captured or deserted.' },
  income: { unit: '$M/month', description: 'Extortion and smuggling income.' },
  reserves: { unit: '$M', description: 'Central reserves (the war chest) at the end of the month.' },
  prisonersFreed: { unit: 'people/month', description: 'Detainees freed by prison breaks.' },
  campEscapes: { unit: 'people/month', description: 'Residents who left the camps for ISIS-affiliated families (al-Hol, Roj).' },
  areasOperating: { unit: 'areas', description: 'Areas where ISIS has cells and moves freely (coverage below the freedom threshold).' },
  areasHeld: { unit: 'areas', description: 'Areas where ISIS holds ground (local fighters reach holdRatio × the effective security present).' },
  areasCollapsed: { unit: 'areas', description: "Areas whose security forces have collapsed and withdrawn (the contest over the area: their morale fell below collapseThreshold), at the end of the month." },
  areasHiding: { unit: 'areas', description: 'Areas with fighters whose cells hide this month: all of them while ISIS lies low, otherwise those whose loss hazard passes hideThreshold (the posture at work).' },
} as const;

/** The id of an observable. */
export type ObservableId = keyof typeof OBSERVABLES;

/** Observable ids in output order. */
export const OBSERVABLE_IDS = Object.keys(OBSERVABLES) as ObservableId[];

/** The column of each observable in a run's month rows. */
export const OBSERVABLE_INDEX = Object.fromEntries(OBSERVABLE_IDS.map((id, index) => [id, index])) as Record<
  ObservableId,
  number
>;

/** Named events whose probability and timing ensembles report. */
export const EVENTS = {
  attacksDouble: "Monthly attacks (attack-dataset count) reach twice the first month's.",
  territorialComeback: 'ISIS holds an area for 3 consecutive months.',
  forcesCollapse: "An area's security forces collapse and withdraw.",
} as const;

/** The id of an event. */
export type EventId = keyof typeof EVENTS;

/** Event ids in output order. */
export const EVENT_IDS = Object.keys(EVENTS) as EventId[];
