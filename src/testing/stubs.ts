/** The mock platform's TypeScript stub generator, for tests of code that reads a generated stub. */
export { typescriptStub } from '../../mock-server/stubs/typescript-stub';
