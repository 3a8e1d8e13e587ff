/**
 * The Okabe–Ito palette: eight colours that stay distinguishable under the common forms of
 * colour-vision deficiency (protanopia, deuteranopia, tritanopia) and in greyscale by lightness.
 * Source: M. Okabe and K. Ito (2008), "Color Universal Design (CUD): how to make figures and
 * presentations that are friendly to colorblind people", jfly.uni-koeln.de/color/; recommended
 * by C. O. Wilke, "Fundamentals of Data Visualization" (2019), ch. 19.
 *
 * @example
 * OKABE_ITO.blue; // '#0072B2'
 */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

/**
 * The colour of each scenario in a chart, in order: the first scenario blue, the compared one
 * vermillion (the Okabe–Ito pair with the largest contrast in hue and lightness for all three
 * dichromacies), so overlays never rely on a red–green distinction.
 *
 * @example
 * SCENARIO_COLORS[1]; // '#D55E00'
 */
export const SCENARIO_COLORS = [OKABE_ITO.blue, OKABE_ITO.vermillion] as const;

/**
 * Dash pattern of each scenario's line, in order: solid, then dashed, so a compared scenario is
 * told apart without colour too (greyscale print, achromatopsia).
 *
 * @example
 * SCENARIO_DASHES[1]; // '6,3'
 */
export const SCENARIO_DASHES = ['none', '6,3'] as const;

/**
 * Text and axis colour (dark grey, 12.6:1 contrast on white, above WCAG 2.1's 4.5:1 for text).
 *
 * @example
 * INK; // '#333333'
 */
export const INK = '#333333';
