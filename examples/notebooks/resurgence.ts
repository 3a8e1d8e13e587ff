// The library, as these notebooks load it under Deno.
//
// Why the built bundle and not '../../src/index.ts': src/ imports JSON files without import
// attributes (`import x from '…json'`), which Node bundlers and tsx accept but Deno rejects
// ("Expected a JavaScript or TypeScript module, but identified a Json module"). Once every JSON
// import in src/ carries `with { type: 'json' }`, this line can become
// `export * from '../../src/index.ts';` (deno.json already allows src/'s `.js` specifiers for
// `.ts` files through "sloppy-imports"). Until then: `npm run build` at the repository root first.
//
// The npm packages the library needs (seedrandom, mathjs, zod, @observablehq/plot, linkedom)
// resolve from the repository's node_modules ("nodeModulesDir": "manual" in deno.json).
export * from '../../dist/index.js';
