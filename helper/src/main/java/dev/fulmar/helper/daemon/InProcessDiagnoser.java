package dev.fulmar.helper.daemon;

import dev.fulmar.control.PromptHandler;
import dev.fulmar.control.diagnose.LocalDiagnoser;
import dev.fulmar.control.message.Credentials;
import dev.fulmar.control.message.DiagnoseReport;
import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.SessionEnvironment;
import dev.fulmar.helper.tunnel.DiagnoseOutcome;
import dev.fulmar.helper.tunnel.TunnelManager;
import dev.fulmar.profiles.model.Profile;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code fulmar diagnose} without a running helper: the IKE engine in the CLI's own process, with
 * the user's own rights (so from an unprivileged source port unless run as root). Negotiates IKE
 * and one CHILD SA, deletes them, touches no routes, DNS or adapter. Registered for {@link
 * java.util.ServiceLoader} in the helper jar, which the CLI's launcher puts on its class path.
 * Relative file references of the profile are resolved in the base directory the caller names
 * (the profile file's directory); files are read, and the key log written, with the user's rights.
 */
public final class InProcessDiagnoser implements LocalDiagnoser {
  private final SessionEnvironment environment;

  /** The diagnoser {@link java.util.ServiceLoader} creates. */
  public InProcessDiagnoser() {
    this(SessionEnvironment.system());
  }

  InProcessDiagnoser(SessionEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public String description() {
    return "in-process IKE engine"
        + ("root".equals(System.getProperty("user.name")) ? "" : ", unprivileged source port");
  }

  @Override
  public DiagnoseReport diagnose(Profile profile, Path baseDir, Credentials credentials,
      PromptHandler prompts) throws InterruptedException {
    TunnelManager manager = new TunnelManager(environment);
    long start = System.nanoTime();
    try (ConnectSecrets secrets = ConnectSecrets.take(profile, credentials, prompts)) {
      DiagnoseOutcome o;
      try {
        o = manager.diagnose(secrets.profile(), baseDir.toAbsolutePath(), secrets.credentials(),
            RealTunnels.keyLog(secrets.profile()), Duration.ZERO);
      } catch (dev.fulmar.helper.run.TunnelException e) {
        return new DiagnoseReport(false, profile.name(), profile.gateway().host(), 0, null,
            Reports.failure(e), java.util.List.of());
      }
      if (!o.ok() && secrets.refused()) {
        o = DiagnoseOutcome.failure(o.profileName(), o.gatewayHost(),
            IkeFailure.of(o.failure().step(), ErrorCode.CANCELLED));
      }
      if (Thread.interrupted()) {
        throw new InterruptedException("diagnose interrupted");
      }
      return Reports.report(o, (System.nanoTime() - start) / 1_000_000);
    }
  }
}
