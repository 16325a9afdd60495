package dev.fulmar.helper.daemon;

import dev.fulmar.control.message.Failure;
import dev.fulmar.control.message.Policy;
import dev.fulmar.control.message.SessionDetails;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.KeyLogSink;
import dev.fulmar.core.spi.Platform;
import dev.fulmar.helper.control.TrafficCounters;
import dev.fulmar.helper.run.KillSwitchRule;
import dev.fulmar.helper.run.Tunnel;
import dev.fulmar.helper.run.TunnelException;
import dev.fulmar.helper.run.TunnelOptions;
import dev.fulmar.helper.tunnel.Credentials;
import dev.fulmar.helper.tunnel.KeyLogDirectory;
import dev.fulmar.profiles.model.Profile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Real tunnels on this host's {@link Platform}: the same {@link Tunnel} that {@code fulmard run}
 * uses. Relative file references of a profile (CA, PKCS#12) are resolved in the system profile
 * directory; operators' profiles carry none (the control server refuses them). A profile's key
 * log, which only administrators' and system profiles keep, is written where it says. The
 * administrator's policy decides over the profile's kill switch.
 */
final class RealTunnels implements TunnelFactory {
  private final Platform platform;
  private final Path baseDir;
  private final boolean offload;
  private final Supplier<Policy> policy;

  /** @param policy the administrator's policy as it is when a tunnel opens */
  RealTunnels(Platform platform, Path baseDir, boolean offload, Supplier<Policy> policy) {
    this.platform = platform;
    this.baseDir = baseDir;
    this.offload = offload;
    this.policy = policy;
  }

  @Override
  public LiveTunnel open(Profile profile, Credentials credentials, Tunnel.Listener listener)
      throws TunnelException {
    TunnelOptions options = new TunnelOptions(offload, 0, keyLog(profile))
        .withKillSwitch(killSwitchRule(policy.get()));
    Tunnel t = Tunnel.open(profile, baseDir, credentials, platform, options, listener);
    return new Live(t);
  }

  /** The policy's word on the kill switch, over every profile's. */
  static KillSwitchRule killSwitchRule(Policy p) {
    KillSwitchRule.Mode mode = switch (p.killSwitch()) {
      case ALWAYS_ON -> KillSwitchRule.Mode.ALWAYS_ON;
      case OFF -> KillSwitchRule.Mode.OFF;
      case USER_CHOICE -> KillSwitchRule.Mode.PROFILE;
    };
    return new KillSwitchRule(mode, p.lanExceptionAllowed());
  }

  /** The profile's key log, if it asks for one. */
  static Optional<KeyLogSink> keyLog(Profile profile) throws TunnelException {
    String path = profile.diagnostics().keyLogPath();
    if (path == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new KeyLogDirectory(Path.of(path)));
    } catch (IOException | RuntimeException e) {
      throw TunnelException.system(FailureStep.PREPARE, "cannot write the key log "
          + path + " (" + e.getMessage() + ")", e);
    }
  }

  private static final class Live implements LiveTunnel {
    private final Tunnel tunnel;
    private final TrafficTotals totals = new TrafficTotals();

    Live(Tunnel tunnel) {
      this.tunnel = tunnel;
    }

    @Override
    public void connect() throws TunnelException {
      tunnel.connect();
    }

    @Override
    public SessionDetails details() {
      return Reports.details(tunnel.info(), tunnel.network());
    }

    @Override
    public String gateway() {
      return tunnel.gatewayHost();
    }

    @Override
    public TrafficCounters counters() {
      return totals.update(tunnel.stats());
    }

    @Override
    public CompletableFuture<String> ended() {
      return tunnel.ended();
    }

    @Override
    public Optional<Failure> reconnectReason() {
      return tunnel.reconnectReason().map(Reports::failure);
    }

    @Override
    public Optional<Failure> endFailure() {
      return tunnel.endError().map(Reports::failure);
    }

    @Override
    public void close() {
      tunnel.close();
    }
  }
}
