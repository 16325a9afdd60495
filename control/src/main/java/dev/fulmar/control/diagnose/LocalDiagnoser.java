package dev.fulmar.control.diagnose;

import dev.fulmar.control.PromptHandler;
import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.DiagnoseReport;
import dev.fulmar.profiles.model.Profile;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Runs {@code fulmar diagnose} inside the CLI's own process when no helper is running (issue: it
 * must work as root or as a normal user). The helper module provides the implementation (it has
 * the IKE engine, which the CLI must not depend on) and registers it in {@code
 * META-INF/services/dev.fulmar.control.diagnose.LocalDiagnoser}; the CLI finds it with {@link
 * #find()} when the helper's jar is on its class path.
 */
public interface LocalDiagnoser {

  /** What runs the diagnosis, for the output (e.g. "in-process IKE engine, unprivileged port"). */
  String description();

  /**
   * Negotiates IKE and one CHILD SA with the profile's gateway, then deletes the SA; touches no
   * routes, DNS or adapter. Never throws for a failed negotiation: the report says what failed.
   *
   * <p>The implementation runs with the user's own rights, so it honours the files the profile
   * names (CA certificates, the PKCS#12 bundle, the key log); relative paths are resolved in
   * {@code baseDir}, the directory of the file the profile was read from (or of the profile
   * store), never the process's working directory.
   *
   * @param profile a validated profile
   * @param baseDir where the profile's relative file references are resolved
   * @param credentials secrets supplied up front (the implementation wipes them when done)
   * @param prompts asked for anything missing
   */
  DiagnoseReport diagnose(Profile profile, Path baseDir, Credentials credentials,
      PromptHandler prompts) throws InterruptedException;

  /** The first implementation on the class path, if any. */
  static Optional<LocalDiagnoser> find() {
    return find(Thread.currentThread().getContextClassLoader());
  }

  /**
   * The first implementation {@code loader} sees, if any.
   *
   * @throws java.util.ServiceConfigurationError when a registered implementation cannot be loaded
   */
  static Optional<LocalDiagnoser> find(ClassLoader loader) {
    return ServiceLoader.load(LocalDiagnoser.class, loader).findFirst();
  }

  /** What to tell the user when no helper runs and no implementation is on the class path. */
  static String unavailableMessage(String startHint) {
    return "No helper is running and this installation cannot diagnose on its own (the IKE "
        + "engine is not on the CLI's class path). Start the helper (" + startHint
        + ") and run the command again.";
  }
}
