/** What the project reads of the module; everything else is typed by matrix-bot-sdk's own declarations. */
declare const crypto: {
  /** Set only when the stand-ins are loaded instead of the native module. */
  readonly isFallback?: true;
  /** Why the native module could not be loaded (stand-ins only). */
  readonly fallbackReason?: string;
  /** Storage back-ends of the crypto store (same numbering as the native module). */
  readonly StoreType: { readonly Sled: 0; readonly Sqlite: 1 };
};
export = crypto;
