/// <reference types="vite/client" />

/** The bundled scenarios' menu list, computed at build time (src/dev/scenario-catalogue.ts). */
declare module 'virtual:brink-catalogue' {
  const prebuilt: import('./store/catalogue').PrebuiltScenario[];
  export default prebuilt;
}
