// The platform as of late 2026, which @types/google-apps-script 2.0.13 (the newest published) does
// not declare yet. Declared here by augmenting its interfaces; every use is feature-tested at run
// time (src/workspace/platform.ts), because an older runtime or another fake may lack them.
declare namespace GoogleAppsScript {
  namespace Forms {
    interface FormApp {
      /** Forms made through the API after 30 June 2026 start unpublished; `isPublished` true publishes at once. */
      create(title: string, isPublished: boolean): Form;
    }
    interface Form {
      /** Whether the form is published (an unpublished form accepts no responses). */
      isPublished(): boolean;
      /** Publishes or unpublishes the form; publishing also enables accepting responses. */
      setPublished(enabled: boolean): Form;
    }
  }
  namespace Script {
    interface ScriptApp {
      /** Authorization status for the given scopes only. */
      getAuthorizationInfo(authMode: AuthMode, oAuthScopes: string[]): AuthorizationInfo;
    }
    interface AuthorizationInfo {
      /** The authorized scopes (among those asked about); may be null. */
      getAuthorizedScopes(): string[] | null;
    }
  }
}
