package dev.fulmar.core.api;

import java.util.concurrent.CompletionStage;

/**
 * Supplies secrets on demand: a password read from stdin, a keychain entry, or a prompt pushed to
 * the UI. The engine calls it on its event loop and continues when the stage completes; it
 * completes exceptionally (or with {@code null}) when the user cancels.
 */
@FunctionalInterface
public interface CredentialProvider {
  CompletionStage<Secret> obtain(CredentialRequest request);
}
