/**
 * The mechanisms of the model: what a factor can act on. Each is one rule in `src/model/rules`.
 * The ids are stable; they are printed in `resurgence factors` and used in the factor graph.
 */
export const MECHANISMS = {
  securityPressure: 'Per-area counter-ISIS pressure: personnel by actor × availability × effectiveness, against the space to cover.',
  airStrikes: 'Coalition strikes on cells, guided by ISR that degrades when ground partners leave.',
  recruitment: 'New fighters from grievance (sectarian hardship × illegitimacy) net of perceived risk (Epstein 2002).',
  finance: 'Extortion and smuggling income on main roads, salaries, and the central war chest.',
  attacks: 'Attacks launched by cells, more where they move freely, fewer when hiding or leaderless.',
  movement: 'Cells move to adjacent areas that are safer or richer.',
  breakouts: 'Breaks from detention sites, and escapes from the camps, when guards are short and cells are near.',
  coordination: 'Leadership and command coordination (shocked by leadership losses, recovering within months) and the clandestine network lost with the territory (rebuilt over years).',
} as const;

/** A mechanism id: one of the keys of {@link MECHANISMS}. */
export type MechanismId = keyof typeof MECHANISMS;
