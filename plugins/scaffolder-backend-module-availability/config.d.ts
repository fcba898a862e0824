export interface Config {
  catalog?: {
    providers?: {
      /** The software templates this package ships, registered in the catalog. */
      availabilityTemplates?: {
        /** Set false to register none; default true. */
        enabled?: boolean;
        /** An entity ref that replaces the templates' `spec.owner`. */
        owner?: string;
      };
    };
  };
}
