package dev.fulmar.app.model;

import dev.fulmar.profiles.imports.ImportResult;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The questions the app asks the user, answered by the UI's dialogs (and by scripted answers in
 * tests of the controller). All methods are called on the UI thread.
 */
public interface UserPrompts {

  /** Asks for a secret the helper needs; empty when the user cancels. */
  CompletionStage<Optional<CredentialAnswer>> askCredentials(CredentialRequest request);

  /**
   * Asks for the PKCS#12 file of a certificate profile; {@code missingFile} names the file the
   * profile points to when it no longer exists, else null. Empty when the user cancels.
   */
  Optional<Path> chooseCertificate(String profileName, String missingFile);

  /** Shows an import's report and lets the user fix and save it (or not). */
  void showImport(Path file, ImportResult result);

  /** Closes credential dialogs still open: the attempt they belong to is over. */
  default void dismissCredentials() {}
}
