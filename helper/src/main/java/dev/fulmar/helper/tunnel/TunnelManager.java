package dev.fulmar.helper.tunnel;

import dev.fulmar.core.api.ErrorCode;
import dev.fulmar.core.api.FailureStep;
import dev.fulmar.core.api.IkeFailure;
import dev.fulmar.core.api.IkeSession;
import dev.fulmar.core.api.IkeSessionException;
import dev.fulmar.core.api.IkeSessionListener;
import dev.fulmar.core.api.IkeSessionParams;
import dev.fulmar.core.api.KeyLogSink;
import dev.fulmar.core.api.SessionEnvironment;
import dev.fulmar.core.api.SessionInfo;
import dev.fulmar.profiles.imports.ImportResult;
import dev.fulmar.profiles.imports.ProfileImporter;
import dev.fulmar.profiles.model.Profile;
import dev.fulmar.profiles.validate.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings tunnels up and down for the helper's commands: loads a profile, maps it to engine
 * parameters (through {@link ProfileMapper}, the only mapping), and runs the IKE session. {@code
 * diagnose} negotiates and deletes again without touching the system; {@code run} (data path,
 * adapter, routes) will share the same steps.
 */
public final class TunnelManager {
  private static final Logger LOG = LoggerFactory.getLogger(TunnelManager.class);
  /** A safety net above the engine's own give-up times (several exchanges of 60 s each). */
  private static final Duration CONNECT_LIMIT = Duration.ofMinutes(5);
  private static final Duration CLOSE_LIMIT = Duration.ofSeconds(75);

  private final SessionEnvironment environment;
  private volatile IkeSession current;

  public TunnelManager(SessionEnvironment environment) {
    this.environment = environment;
  }

  /** A profile that loaded, or why it did not. */
  public record Loaded(Profile profile, IkeFailure failure) {}

  /** Reads a profile file in any format the importer knows. */
  public static Loaded load(Path file) {
    try {
      ImportResult r = ProfileImporter.importFile(file);
      r.secrets().close();
      if (!r.ok()) {
        String problems = r.errors().stream().map(Problem::toString)
            .collect(Collectors.joining("; "));
        return new Loaded(null, IkeFailure.of(FailureStep.PREPARE, ErrorCode.INVALID_PARAMETERS,
            "detail", file + ": " + problems));
      }
      return new Loaded(r.profile(), null);
    } catch (IOException e) {
      return new Loaded(null, IkeFailure.of(FailureStep.PREPARE, ErrorCode.INVALID_PARAMETERS,
          "detail", "cannot read " + file + " (" + e.getMessage() + ")"));
    }
  }

  /**
   * Negotiates IKE and one CHILD SA with the profile's gateway, then deletes them: touches no
   * routes, DNS or adapter.
   */
  public DiagnoseOutcome diagnose(Profile profile, Path baseDir, Credentials credentials,
      Optional<KeyLogSink> keyLog, Duration hold) {
    String host = profile.gateway().host();
    IkeSessionParams params;
    try {
      params = new ProfileMapper(baseDir).toParams(profile, credentials, keyLog);
    } catch (IkeSessionException e) {
      return DiagnoseOutcome.failure(profile.name(), host, e.failure());
    }
    IkeSession session = IkeSession.create(params, environment, new IkeSessionListener() {});
    current = session;
    try {
      SessionInfo info = session.connect().get(CONNECT_LIMIT.toSeconds(), TimeUnit.SECONDS);
      if (!hold.isZero()) {
        LOG.warn("SAs are up; holding them for {} s before deleting them", hold.toSeconds());
        Thread.sleep(hold.toMillis());
      }
      boolean deleted = close(session);
      return DiagnoseOutcome.success(profile.name(), host, info, deleted);
    } catch (ExecutionException e) {
      IkeFailure f = e.getCause() instanceof IkeSessionException ise ? ise.failure()
          : IkeFailure.of(FailureStep.PREPARE, ErrorCode.INTERNAL_ERROR,
              "detail", String.valueOf(e.getCause()));
      return DiagnoseOutcome.failure(profile.name(), host, f);
    } catch (TimeoutException e) {
      close(session);
      return DiagnoseOutcome.failure(profile.name(), host, IkeFailure.of(FailureStep.IKE_AUTH,
          ErrorCode.CANCELLED, "detail", "no result after " + CONNECT_LIMIT.toMinutes()
              + " minutes"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close(session);
      return DiagnoseOutcome.failure(profile.name(), host,
          IkeFailure.of(FailureStep.CLOSE, ErrorCode.CANCELLED));
    } finally {
      current = null;
    }
  }

  /** Deletes the current session's SAs (on SIGINT/SIGTERM), waiting a little for the gateway. */
  public void shutdown() {
    IkeSession s = current;
    if (s != null) {
      close(s);
    }
  }

  private static boolean close(IkeSession session) {
    CompletableFuture<Boolean> closed = session.close();
    try {
      return closed.get(CLOSE_LIMIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("closing the session did not finish: {}", e.toString());
      return false;
    }
  }
}
