// The build turns YAML packs into JSON modules (scripts/build.mjs); to the type checker they are
// untyped data that the pack validator checks.
declare module '*.yaml' {
  const data: unknown;
  export default data;
}
