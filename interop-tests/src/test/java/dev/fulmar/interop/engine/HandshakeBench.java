package dev.fulmar.interop.engine;

import dev.fulmar.core.api.SessionEnvironment;
import dev.fulmar.helper.diagnose.SecretInput;
import dev.fulmar.helper.tunnel.Credentials;
import dev.fulmar.helper.tunnel.DiagnoseOutcome;
import dev.fulmar.helper.tunnel.TunnelManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * A benchmark, not a test: negotiates and deletes N times in one JVM with the profile given as
 * first argument (password on standard input) and prints one line per run, {@code run <i>
 * <total ms> <sum of round trips ms>}. The first run pays for class loading and JIT; the later ones
 * show the engine warm, as a long-running helper is. Run inside the client namespace.
 */
public final class HandshakeBench {
  private HandshakeBench() {}

  public static void main(String[] args) throws Exception {
    Path profile = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    char[] secret = SecretInput.readLine(System.in);
    TunnelManager.Loaded loaded = TunnelManager.load(profile);
    if (loaded.failure() != null) {
      System.out.println("error " + loaded.failure());
      System.exit(3);
    }
    TunnelManager manager = new TunnelManager(SessionEnvironment.system());
    for (int i = 1; i <= n; i++) {
      DiagnoseOutcome o = manager.diagnose(loaded.profile(), profile.getParent(),
          Credentials.given(secret), Optional.empty(), Duration.ZERO);
      if (!o.ok()) {
        System.out.println("error " + o.failure());
        System.exit(1);
      }
      double rtt = o.info().exchanges().stream()
          .mapToDouble(t -> t.roundTrip().toNanos() / 1e6).sum();
      System.out.printf("run %d %.1f %.1f%n", i, o.info().total().toNanos() / 1e6, rtt);
    }
    Arrays.fill(secret, '\0');
  }
}
