package dev.fulmar.app.cli;

import dev.fulmar.control.SocketPaths;
import dev.fulmar.control.diagnose.LocalDiagnoser;
import dev.fulmar.profiles.secrets.KeyringSecretStore;
import dev.fulmar.profiles.secrets.SecretStore;
import dev.fulmar.profiles.store.ProfileStore;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything the CLI touches outside itself, so tests run it against a fake helper and temporary
 * directories: streams, the terminal (null when non-interactive), the socket, the user's profile
 * store and keychain, the local diagnoser lookup, and the clock.
 */
record CliEnvironment(
    InputStream in,
    PrintStream out,
    PrintStream err,
    Terminal terminal,
    Path socket,
    Supplier<ProfileStore> store,
    Supplier<SecretStore> secrets,
    Supplier<Optional<LocalDiagnoser>> diagnoser,
    Path workingDir,
    Clock clock) {

  /** The real environment of a {@code fulmar} process. */
  static CliEnvironment system() {
    return new CliEnvironment(System.in, System.out, System.err, Terminal.system(),
        SocketPaths.current(), ProfileStore::forCurrentUser, KeyringSecretStore::openSystem,
        LocalDiagnoser::find, Path.of("").toAbsolutePath(), Clock.systemDefaultZone());
  }
}
